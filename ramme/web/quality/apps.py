from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "ramme.web.quality"
    label = "quality"
    verbose_name = "Datakvalitet"

    def ready(self) -> None:
        from ramme.web.forecasts import also_stored

        # the findings are stored by the forecasts' after-import task, beside the forecast,
        # so the follow-up page's badge never runs the rules in a new worker
        also_stored.register("ramme.web.quality.services.stored_findings.stored_or_built")
