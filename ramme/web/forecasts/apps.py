from django.apps import AppConfig


class ForecastsConfig(AppConfig):
    name = "ramme.web.forecasts"
    label = "forecasts"
    verbose_name = "Prognoser"

    def ready(self) -> None:
        from ramme.web.data.signals import data_imported
        from ramme.web.forecasts.services.accuracy import after_import

        data_imported.connect(after_import, dispatch_uid="forecasts.accuracy")
