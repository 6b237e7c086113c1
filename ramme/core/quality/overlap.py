"""``overlap``: two measures of the same type for the same child at the same time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from ramme.core.money import to_money
from ramme.core.periods import DateRange, format_date
from ramme.core.pricing import measure_cost
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding
from ramme.core.records import Measure

KIND = "overlap"


def _last(m: Measure, as_of: date) -> date:
    return m.end_date if m.end_date is not None else as_of


def overlap(ctx: Context) -> Iterator[Finding]:
    """Each later measure that starts before an earlier one of the same child and type ends
    (both started by the as-of date) and the overlap reaches into the ledger's period; the
    amount is the later one's cost in the overlap."""
    groups: dict[tuple[str, str], list[Measure]] = defaultdict(list)
    for m in ctx.dataset.measures:
        if m.start_date <= ctx.as_of:
            groups[(m.child_key, m.measure_type)].append(m)
    for rows in groups.values():
        rows.sort(key=lambda m: (m.start_date, m.measure_id))
        for i, later in enumerate(rows):
            for earlier in rows[:i]:
                last = min(_last(earlier, ctx.as_of), _last(later, ctx.as_of))
                if later.start_date > last or (ctx.first_day and last < ctx.first_day):
                    continue  # no overlap, or one over before the ledger begins
                span = DateRange.inclusive(later.start_date, last)
                cost = measure_cost(later, span, ctx.dataset.price_index)
                yield Finding(
                    KIND,
                    f"{KIND}:{earlier.measure_id}:{later.measure_id}",
                    later.start_date,
                    later.child_key,
                    later.measure_id,
                    to_money(cost),
                    f"overlapper med {earlier.measure_id} ({later.measure_type}) fra "
                    f"{format_date(later.start_date)} til {format_date(last)}, "
                    f"{span.days} dage",
                )
