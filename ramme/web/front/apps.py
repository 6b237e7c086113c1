from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "ramme.web.front"
    label = "front"
    verbose_name = "Forside"
