from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ramme.web.reports"
    label = "reports"
    verbose_name = "Rapporter"

    def ready(self) -> None:
        from ramme.web.forecasts.services import precompute
        from ramme.web.reports.builders import monthly

        # the monthly report's data figures are stored by the forecasts' after-import task,
        # beside the forecast, so a report reads them instead of loading every case
        if monthly.stored_data_figures not in precompute.ALSO_STORED:
            precompute.ALSO_STORED.append(monthly.stored_data_figures)
