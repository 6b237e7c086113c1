"""The action plan's three overspend figures (forventet merforbrug ved opstart, ved sidste
opdatering, efter denne opdatering) from the approved month closes and the forecast, unless
the plan gives its own figure (a manual override, said so beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.web.data.models import ActivityLine
from ramme.web.forecasts.services import snapshots, year_end
from ramme.web.plans.models import ActionPlan


@dataclass(frozen=True)
class Overspend:
    label: str
    amount: Decimal | None
    source: str  # where the figure comes from, in Danish


def _approved(day: date | None, label: str) -> Overspend:
    snap = None if day is None else snapshots.approved_on_or_before(day)
    if snap is None:
        return Overspend(label, None, "ingen godkendt prognose før datoen")
    total = snap.payload["total"]
    amount = Decimal(repr(total["forecast"])) - Decimal(repr(total["budget"]))
    source = f"godkendt prognose pr. {snap.as_of:%d.%m.%Y}"
    return Overspend(label, amount.quantize(Decimal(1)), source)


def _or_override(figure: Overspend, given: Decimal | None) -> Overspend:
    if given is None:
        return figure
    return Overspend(figure.label, given, "indtastet i handleplanen")


def plan_overspend(plan: ActionPlan, as_of: date) -> tuple[Overspend, Overspend, Overspend]:
    """At start: the approved forecast in force on the start date; at the last update: the
    one in force on that date; after this update: the forecast on ``as_of``."""
    start = _approved(plan.start_date, "Forventet merforbrug ved opstart af handleplan")
    last = _approved(plan.last_updated, "Forventet merforbrug ved sidste opdatering")
    label = "Forventet merforbrug efter denne opdatering"
    now = Overspend(label, None, "ingen data at lave en prognose af")
    if ActivityLine.objects.exists():
        fc = year_end.compute_forecast(as_of)
        amount = (fc.total.forecast - fc.total.budget).quantize(Decimal(1))
        now = Overspend(label, amount, f"prognosen pr. {as_of:%d.%m.%Y}")
    return (
        _or_override(start, plan.overspend_at_start),
        _or_override(last, plan.overspend_last_update),
        _or_override(now, plan.overspend_after_update),
    )
