from django.apps import AppConfig


class ForecastsConfig(AppConfig):
    name = "ramme.web.forecasts"
    label = "forecasts"
    verbose_name = "Prognoser"
