from django.apps import AppConfig


class TextsConfig(AppConfig):
    name = "ramme.web.texts"
    label = "texts"
    verbose_name = "Rapporttekster"
