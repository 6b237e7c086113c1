"""``start_after_23``: a measure started when the child was already 23.

Measures under Barnets lov, aftercare (efterværn) included, end at the latest the day before
the 23rd birthday, so a start after it points to a wrong child, start date or measure.
ramme keeps only the birth month (``ramme.core.cpr.birth_month``), so the child counts as
23 only from the last day of the month of the 23rd birthday: never a finding too early.
"""

from __future__ import annotations

from collections.abc import Iterator

from ramme.core.periods import Month, birthday, format_date, month_end
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding

AFTER_23 = "start_after_23"
AGE_LIMIT = 23


def start_after_23(ctx: Context) -> Iterator[Finding]:
    """Started by the as-of date, on or after the end of the 23rd birthday's month."""
    for m in ctx.dataset.measures:
        child = ctx.dataset.children.get(m.child_key)
        if child is None or child.birth_date is None or m.start_date > ctx.as_of:
            continue
        turned = birthday(child.birth_date, AGE_LIMIT)
        if m.start_date < month_end(turned):
            continue
        month = Month.of(turned).label()
        yield Finding(
            AFTER_23,
            f"{AFTER_23}:{m.measure_id}",
            m.start_date,
            m.child_key,
            m.measure_id,
            None,
            f"startet {format_date(m.start_date)}, barnet fyldte 23 år i {month}",
        )
