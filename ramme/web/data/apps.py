from django.apps import AppConfig


class DataConfig(AppConfig):
    name = "ramme.web.data"
    label = "data"
    verbose_name = "Stamdata og regnskab"

    def ready(self) -> None:
        from ramme.web.data import dbfiles

        dbfiles.connect()
