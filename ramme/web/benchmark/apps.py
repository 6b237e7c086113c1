from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    """Against other municipalities and against capacity: benchmark per 1,000 children,
    internal offers, notifications and investigations (issue 15)."""

    name = "ramme.web.benchmark"
    label = "benchmark"
    verbose_name = "Sammenligning og kapacitet"

    def ready(self) -> None:
        from ramme.web.front.nav import NAV, NavEntry

        # One entry keeps the menu on one line; the pages link each other (page.html).
        before = next((i for i, e in enumerate(NAV) if e.url_name == "reports:index"), len(NAV))
        NAV.insert(before, NavEntry("Sammenligning", "benchmark:comparison"))
