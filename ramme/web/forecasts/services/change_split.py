"""The change between two approved months, split into new data, corrections of old data
and the passing of time (``ramme.core.change_split``), for the follow-up page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ramme.core.change_split import ChangeSplit, split_change
from ramme.core.forecast import Forecast
from ramme.web.data.versions import Corrected, import_exists
from ramme.web.forecasts.models import ForecastSnapshot
from ramme.web.forecasts.services import known


@dataclass(frozen=True)
class MonthChange:
    """The split, and the two approved months it lies between."""

    before: date
    after: date
    split: ChangeSplit


def between_approved_months(as_of: date) -> MonthChange | None:
    """From the approved month before ``as_of`` to the one on it; None unless both are
    approved with their data version kept (snapshots from before versioning are not)."""
    approved = ForecastSnapshot.objects.filter(approved_at__isnull=False)
    new = approved.filter(as_of=as_of).first()
    old = approved.filter(as_of__lt=as_of).order_by("-as_of").first()
    if new is None or old is None:
        return None
    v_old, v_new = old.payload.get("data_version"), new.payload.get("data_version")
    if not (isinstance(v_old, int) and isinstance(v_new, int)):
        return None
    if not (import_exists(v_old) and import_exists(v_new)):
        return None
    sims, seed = int(old.payload.get("simulations") or 0), 0
    later = known.forecast_known_at(v_old, as_of, sims, seed)
    corrected = known.forecast_known_at(Corrected(v_new, v_old), as_of, sims, seed)
    split = split_change(
        _snapshot_lines(old.payload), _lines(later), _lines(corrected), _snapshot_lines(new.payload)
    )
    return MonthChange(old.as_of, as_of, split)


def _lines(fc: Forecast) -> dict[str, Decimal]:
    return {line.activity: line.forecast for line in fc.lines}


def _snapshot_lines(payload: dict[str, Any]) -> dict[str, Decimal]:
    """What was approved, per line (saved as JSON numbers)."""
    return {r["activity"]: Decimal(str(r["forecast"])) for r in payload["lines"]}
