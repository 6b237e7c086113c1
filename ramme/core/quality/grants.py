"""``missing_approval`` and ``unnegotiated_supplement``: the grant's paperwork.

Both use the review lists' definitions (``ramme.core.plans.reviews``) on the as-of date, so
a measure on the review list is the same measure here.
"""

from __future__ import annotations

from collections.abc import Iterator

from ramme.core.money import to_money
from ramme.core.periods import format_date
from ramme.core.plans.reviews import unapproved
from ramme.core.pricing import DAYS_PER_YEAR, daily_rate, price_range, regulation_factor
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding
from ramme.core.records import PriceKind

APPROVAL, SUPPLEMENT = "missing_approval", "unnegotiated_supplement"


def missing_approval(ctx: Context) -> Iterator[Finding]:
    """Active on the as-of date without management approval (ledelsesgodkendelse)."""
    for item in unapproved(ctx.dataset.measures, ctx.as_of):
        yield Finding(
            APPROVAL,
            f"{APPROVAL}:{item.measure_id}",
            item.since,
            item.child_key,
            item.measure_id,
            None,
            f"startet {format_date(item.since)} uden ledelsesgodkendelse",
        )


def unnegotiated_supplement(ctx: Context) -> Iterator[Finding]:
    """A supplement (tillæg) marked not negotiated, in force on the as-of date on an active
    measure; the amount is the supplement per year at the as-of date's price level."""
    index = ctx.dataset.price_index
    for m in ctx.dataset.measures:
        if not m.is_active_on(ctx.as_of):
            continue
        for p in m.prices:
            if p.kind is not PriceKind.SUPPLEMENT or p.negotiated is not False:
                continue
            if ctx.as_of not in price_range(p, m):
                continue
            factor = regulation_factor(p.valid_from.year, ctx.as_of.year, index)
            yield Finding(
                SUPPLEMENT,
                f"{SUPPLEMENT}:{m.measure_id}:{p.valid_from.isoformat()}",
                p.valid_from,
                m.child_key,
                m.measure_id,
                to_money(daily_rate(p) * DAYS_PER_YEAR * factor),
                f"tillæg fra {format_date(p.valid_from)} er ikke forhandlet"
                + (f" ({p.note})" if p.note else ""),
            )
