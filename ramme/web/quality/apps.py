from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "ramme.web.quality"
    label = "quality"
    verbose_name = "Datakvalitet"

    def ready(self) -> None:
        from ramme.web.forecasts.services import precompute
        from ramme.web.quality.services import stored_findings

        # the findings are stored by the forecasts' after-import task, beside the forecast,
        # so the follow-up page's badge never runs the rules in a new worker
        if stored_findings.stored_or_built not in precompute.ALSO_STORED:
            precompute.ALSO_STORED.append(stored_findings.stored_or_built)
