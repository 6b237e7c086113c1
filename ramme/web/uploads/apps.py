from django.apps import AppConfig


class UploadsConfig(AppConfig):
    name = "ramme.web.uploads"
    label = "uploads"
    verbose_name = "Import i browseren"
