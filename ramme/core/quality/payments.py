"""``no_payments``: an active measure with no posting for longer than allowed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ramme.core.money import to_money
from ramme.core.periods import DateRange, format_date
from ramme.core.pricing import measure_cost
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding

KIND = "no_payments"


def no_payments(ctx: Context) -> Iterator[Finding]:
    """Active on the as-of date, paid per measure, priced, and nothing booked for more than
    the threshold (or the line's normal interval between postings, if longer: quarterly
    invoices)."""
    index = ctx.dataset.price_index
    for m in ctx.dataset.measures:
        if not m.is_active_on(ctx.as_of) or not ctx.paid_per_measure(m):
            continue
        last = ctx.last_day(m)
        since = last or m.start_date
        allowed = max(ctx.thresholds.no_payment_days, ctx.posting_interval(m))
        silent = (ctx.as_of - since).days
        if silent <= allowed:
            continue
        owed = measure_cost(m, DateRange.inclusive(since + timedelta(days=1), ctx.as_of), index)
        if owed <= 0:
            continue  # nothing is due (one-off price or no price: missing_price says so)
        what = f"siden seneste postering {format_date(since)}" if last else "siden start"
        yield Finding(
            KIND,
            f"{KIND}:{m.measure_id}",
            since + timedelta(days=allowed + 1),
            m.child_key,
            m.measure_id,
            to_money(owed),
            f"ingen postering i {silent} dage {what} (grænse {allowed} dage)",
        )
