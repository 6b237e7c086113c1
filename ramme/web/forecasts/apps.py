from django.apps import AppConfig


class ForecastsConfig(AppConfig):
    name = "ramme.web.forecasts"
    label = "forecasts"
    verbose_name = "Prognoser"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from ramme.web.data.models import Budget, MeasureType, PriceIndex
        from ramme.web.data.signals import data_imported
        from ramme.web.forecasts.services.accuracy import after_import
        from ramme.web.forecasts.services.precompute import after_data_change

        data_imported.connect(after_import, dispatch_uid="forecasts.accuracy")
        data_imported.connect(after_data_change, dispatch_uid="forecasts.precompute")
        # master data edited between imports changes the data version as well
        for model in (Budget, PriceIndex, MeasureType):
            for signal in (post_save, post_delete):
                signal.connect(after_data_change, sender=model, dispatch_uid=f"fc.{model.__name__}")
