"""Review lists (opfølgningslister): measures that need a decision by a person.

- due for review: running more than ``months`` (6, seed 004) since start or last review;
- past the type's duration limit (varighedsgrænse, seed 000);
- supplements (tillæg) not negotiated or without an end date (seed 000);
- measures without management approval (ledelsesgodkendelse, seed 001).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from ramme.core.plans.dates import add_months
from ramme.core.pricing import price_range
from ramme.core.records import Measure, MeasureType, PriceKind

DAYS_PER_MONTH = Decimal("30.4375")  # 365.25 / 12: a catalogue's months in days


@dataclass(frozen=True)
class ReviewItem:
    """A measure on a review list, with since when and why."""

    measure_id: str
    child_key: str
    measure_type: str
    since: date
    reason: str


def months_to_days(months: int | Decimal | str) -> int:
    """A duration limit given in months (catalogue column) as whole days, rounded up: a
    measure is past a 12-month limit (365,25 days) once it has run 366 days, not 365."""
    return int((Decimal(months) * DAYS_PER_MONTH).to_integral_value(ROUND_CEILING))


def due_for_review(
    measures: Iterable[Measure], last_review: Mapping[str, date], as_of: date, months: int = 6
) -> list[ReviewItem]:
    """Measures running on past ``as_of`` whose start or last review is ``months`` or more
    ago (one that ends on ``as_of`` needs no review)."""
    items = []
    for m in measures:
        if not _runs_on(m, as_of):
            continue
        since = max(m.start_date, last_review.get(m.measure_id, m.start_date))
        if add_months(since, months) <= as_of:
            label = "sidste gennemgang" if m.measure_id in last_review else "start"
            items.append(_item(m, since, f"over {months} mdr. siden {label}"))
    return sorted(items, key=lambda i: (i.since, i.measure_id))


def with_later_reviews(
    due: Iterable[ReviewItem], later: Mapping[str, date], as_of: date, months: int = 6
) -> list[ReviewItem]:
    """``due_for_review`` again after the reviews ``later`` (measure id → day) are added to
    the ones it was computed with: a review only moves a measure's date on, so no measure
    joins the list; each reviewed one leaves it or stays from its new date. Lets a list
    computed once per import follow the reviews recorded since without walking every case."""
    items = []
    for item in due:
        reviewed = later.get(item.measure_id)
        if reviewed is None:
            items.append(item)
            continue
        since = max(item.since, reviewed)
        if add_months(since, months) <= as_of:
            reason = f"over {months} mdr. siden sidste gennemgang"
            items.append(ReviewItem(item.measure_id, item.child_key, item.measure_type, since,
                                    reason))  # fmt: skip
    return sorted(items, key=lambda i: (i.since, i.measure_id))


def past_duration_limit(
    measures: Iterable[Measure], types: Mapping[str, MeasureType], as_of: date
) -> list[ReviewItem]:
    """Measures running on past ``as_of`` that have run longer than their type's limit."""
    items = []
    for m in measures:
        kind = types.get(m.measure_type)
        if kind is None or kind.duration_limit_days is None or not _runs_on(m, as_of):
            continue
        limit_day = m.start_date + timedelta(days=kind.duration_limit_days)
        if as_of >= limit_day:
            items.append(_item(m, limit_day, f"grænse {kind.duration_limit_days} dage overskredet"))
    return sorted(items, key=lambda i: (i.since, i.measure_id))


def supplement_issues(
    measures: Iterable[Measure], as_of: date, since: date | None = None
) -> list[ReviewItem]:
    """Supplements that are unnegotiated or open-ended: in force on ``as_of`` (on an active
    measure), or with ``since`` any in force from ``since`` to ``as_of`` (ended ones too)."""
    items = []
    for m in measures:
        for p in m.prices:
            if p.kind is not PriceKind.SUPPLEMENT or p.valid_from > as_of:
                continue
            in_force = price_range(p, m)
            if since is None and (not m.is_active_on(as_of) or in_force.stop <= as_of):
                continue
            if since is not None and in_force.stop <= since:
                continue
            reasons = []
            if p.negotiated is False:
                reasons.append("tillæg ikke forhandlet")
            if p.valid_to is None:
                reasons.append("tillæg uden slutdato")
            if reasons:
                items.append(_item(m, p.valid_from, ", ".join(reasons)))
    return sorted(items, key=lambda i: (i.since, i.measure_id))


def unapproved(
    measures: Iterable[Measure], as_of: date, since: date | None = None
) -> list[ReviewItem]:
    """Measures started by ``as_of`` (and from ``since``) without management approval."""
    items = [
        _item(m, m.start_date, "mangler ledelsesgodkendelse")
        for m in measures
        if m.approved_at is None
        and m.start_date <= as_of
        and (since is None or m.start_date >= since)
        and (since is not None or m.is_active_on(as_of))
    ]
    return sorted(items, key=lambda i: (i.since, i.measure_id))


def _runs_on(m: Measure, as_of: date) -> bool:
    return m.start_date <= as_of and (m.end_date is None or m.end_date > as_of)


def _item(m: Measure, since: date, reason: str) -> ReviewItem:
    return ReviewItem(m.measure_id, m.child_key, m.measure_type, since, reason)
