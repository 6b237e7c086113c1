"""The reconciliation (afstemning) of a year to the as-of date, summed by the database and
set beside the forecast's booked figures (computed from the forecast's own ledger)."""

from __future__ import annotations

from datetime import date

from ramme.core.reconcile import Reconciliation, forecast_booked, reconcile, reconciliation_period
from ramme.web.data.dataset import load_rules
from ramme.web.forecasts.services import cache
from ramme.web.quality.services.data import dataset
from ramme.web.quality.services.ledger import ledger_sums


def reconciliation(year: int, as_of: date) -> Reconciliation:
    period = reconciliation_period(year, as_of)
    booked = forecast_booked(cache.prepared(), period)
    return reconcile(dataset(), load_rules(), year, as_of, booked, ledger_sums(period))
