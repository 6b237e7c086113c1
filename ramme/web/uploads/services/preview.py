"""What an upload would change (forhåndsvisning): rows per file and the year-end forecast.

Computed by a dry run: the importer writes everything inside its transaction, ``after``
looks at the result there, and the transaction is rolled back. The figures are the
importer's own counts, so the preview and the real import agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from ramme.core.forecast import Forecast, forecast
from ramme.web.data.dataset import load_prepared
from ramme.web.data.models import (
    ActivityLine,
    Budget,
    Child,
    Event,
    Measure,
    MeasureType,
    Posting,
    PriceIndex,
    PricePeriod,
    Provider,
)
from ramme.web.forecasts.services import year_end

# The table each contract file writes.
MODELS: dict[str, type[models.Model]] = {
    "activities": ActivityLine,
    "catalogue": MeasureType,
    "providers": Provider,
    "children": Child,
    "measures": Measure,
    "prices": PricePeriod,
    "price_index": PriceIndex,
    "postings": Posting,
    "budget": Budget,
    "events": Event,
}
# Files whose changed rows replace old ones (a measure's price periods) instead of updating.
REPLACED = {"prices"}


@dataclass(frozen=True)
class Before:
    """The database before the upload: rows per table and the forecast the page shows."""

    counts: dict[str, int]
    frame: dict[str, str] | None


def before() -> Before:
    counts = {name: model._default_manager.count() for name, model in MODELS.items()}
    frame = None
    if ActivityLine.objects.exists():
        frame = _frame(year_end.compute_forecast(year_end.default_as_of()))
    return Before(counts, frame)


def after(summary: dict[str, Any], was: Before) -> dict[str, Any]:
    """Inside the dry run's transaction: per file new, changed, unchanged, removed, kept."""
    files = []
    for name, counts in summary["files"].items():
        now = MODELS[name]._default_manager.count()
        touched = counts["created"] + counts["updated"] + counts["unchanged"]
        inserted = counts["created"] + (counts["updated"] if name in REPLACED else 0)
        files.append(
            {
                "contract": name,
                **counts,
                "removed": max(0, was.counts[name] + inserted - now),
                "kept": max(0, now - touched),  # in the database, not in the file
            }
        )
    # The cache is keyed on the import history, which a dry run does not touch: compute anew.
    as_of = year_end.default_as_of()
    fc = forecast(load_prepared(), as_of, simulations=year_end.default_simulations(), seed=0)
    return {
        "files": files,
        "frame_before": was.frame,
        "frame_after": _frame(fc),
        "remapped_postings": summary.get("remapped_postings", 0),
        "unmatched": summary["unmatched"]["count"],
    }


def _frame(fc: Forecast) -> dict[str, str]:
    """The frame's forecast, budget and expected overspend (+) as text amounts (JSON)."""
    total = fc.total
    return {
        "as_of": fc.as_of.isoformat(),
        "forecast": str(total.forecast),
        "budget": str(total.budget),
        "variance": str(total.variance),
    }


def change(preview: dict[str, Any]) -> Decimal | None:
    """After − before of the frame forecast; None when there was nothing before."""
    was, now = preview.get("frame_before"), preview.get("frame_after")
    if not was or not now:
        return None
    return Decimal(now["forecast"]) - Decimal(was["forecast"])
