"""The monthly report's figures that rest on the data version alone (rapporttal), stored per
data version beside the forecast like the review lists and the findings: the recipients per
area and the events per month, the reconciliation, the internal offers, caseload and
casework. Each walks every measure, child, event or posting (tens of seconds together at
Copenhagen size, most of it loading the whole dataset), so the background task after new
data computes them once and every report reads them; the report computes only what a user
edits between imports (plans, indicators, conclusions, texts).

The row holds them pickled, as ``page_figures`` does: only ramme writes the column, and a
row that cannot be read is computed again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from ramme.core.casework import Casework
from ramme.core.offers import CaseworkerLoad, OfferSeries
from ramme.core.reconcile import Reconciliation
from ramme.reports.model import Chart
from ramme.web.forecasts.services import stored
from ramme.web.forecasts.services.stored_results import StoredResult

VERSION = 2  # bump when DataFigures changes shape: older rows are computed again


@dataclass(frozen=True)
class DataFigures:
    """What the monthly report on one as-of date shows that no user edits between imports."""

    recipients: dict[str, tuple[int, ...]]  # area name → children at each month end shown
    events: tuple[tuple[str, tuple[int, ...]], ...]  # (label, count per month)
    reconciliation: Reconciliation
    offers: tuple[OfferSeries, ...]
    caseworkers: tuple[CaseworkerLoad, ...]
    casework: Casework
    # the report's charts drawn from these figures (SVG): drawing them took longer than
    # building the whole report once the figures were stored
    drawn: dict[Chart, str] = field(default_factory=dict)


RESULT = StoredResult(
    "stored_report_figures",
    VERSION,
    DataFigures,
    stored.load_report_figures,
    stored.store_report_figures,
)


def stored_or_built(
    day: date,
    build: Callable[[date], DataFigures],
    draw: Callable[[date], dict[Chart, str]],
) -> DataFigures:
    """The figures on ``day`` for the current data version: from this process's memo, else
    the database, else ``build(day)`` here, with the charts ``draw(day)`` draws of the
    report built from them, and stored for the others (when the day has a row)."""

    def built() -> DataFigures:
        figures = build(day)
        RESULT.remember(day, figures)  # the report ``draw`` builds reads these figures
        return replace(figures, drawn=draw(day))

    return RESULT.get(day, built)
