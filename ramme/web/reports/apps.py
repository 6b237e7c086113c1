from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ramme.web.reports"
    label = "reports"
    verbose_name = "Rapporter"
