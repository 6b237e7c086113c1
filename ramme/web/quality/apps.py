from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "ramme.web.quality"
    label = "quality"
    verbose_name = "Datakvalitet"
