from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ramme.web.api"
    label = "api"
    verbose_name = "API"
