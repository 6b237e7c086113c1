from django.apps import AppConfig


# The receivers import their services when a signal fires, not when Django starts: the
# services import the forecast (numpy and the whole engine), which a ``ramme`` command that
# only reads a stored result should not pay for at start.
def _accuracy_after_import(**kwargs: object) -> None:
    from ramme.web.forecasts.services.accuracy import after_import

    after_import(**kwargs)


def _precompute_after_data_change(**kwargs: object) -> None:
    from ramme.web.forecasts.services.precompute import after_data_change

    after_data_change(**kwargs)


class ForecastsConfig(AppConfig):
    name = "ramme.web.forecasts"
    label = "forecasts"
    verbose_name = "Prognoser"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from ramme.web.data.models import Budget, MeasureType, PriceIndex
        from ramme.web.data.signals import data_imported

        data_imported.connect(_accuracy_after_import, dispatch_uid="forecasts.accuracy")
        data_imported.connect(_precompute_after_data_change, dispatch_uid="forecasts.precompute")
        # master data edited between imports changes the data version as well
        for model in (Budget, PriceIndex, MeasureType):
            for signal in (post_save, post_delete):
                signal.connect(
                    _precompute_after_data_change,
                    sender=model,
                    dispatch_uid=f"fc.{model.__name__}",
                )
