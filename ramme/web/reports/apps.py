from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ramme.web.reports"
    label = "reports"
    verbose_name = "Rapporter"

    def ready(self) -> None:
        from ramme.web.forecasts import also_stored

        # the monthly report's data figures are stored by the forecasts' after-import task,
        # beside the forecast, so a report reads them instead of loading every case
        also_stored.register("ramme.web.reports.builders.monthly.stored_data_figures")
        # then its PDF, laid out once for the first download (after the figures it reads)
        also_stored.register("ramme.web.reports.services.rendered.monthly_pdf")
