"""``payment_after_end`` and ``payment_before_start``: postings linked to a measure outside
its period by more than the billing lag its line normally has (learned, see lags.py).

Only expenses count: a credit note after the end is the normal way to correct an invoice.
Every row of the ledger is compared with its measure's limit at once (millions of rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import numpy as np

from ramme.core.forecast.data import INF, IntArray
from ramme.core.money import from_ore
from ramme.core.periods import format_date
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding
from ramme.core.records import Measure

AFTER, BEFORE = "payment_after_end", "payment_before_start"


def _found(ctx: Context, rows: IntArray) -> Iterator[tuple[Measure, date, str, int]]:
    """Each expense row of ``rows`` with its measure, date, posting id (bilag) and amount in
    øre (the ids of all of them looked up at once)."""
    rows = rows[ctx.ledger.ore[rows] > 0]
    measures = ctx.measure_of_rows(rows)
    ids = ctx.ledger.posting_ids(rows)
    days, amounts = ctx.ledger.day[rows].tolist(), ctx.ledger.ore[rows].tolist()
    for m, day, posting_id, amount in zip(measures, days, ids, amounts, strict=True):
        yield m, date.fromordinal(day), posting_id, amount


def _after_limit(ctx: Context, m: Measure) -> int | None:
    if m.end_date is None:
        return None
    return (m.end_date + timedelta(days=ctx.after_lag(m))).toordinal()


def payment_after_end(ctx: Context) -> Iterator[Finding]:
    limit = ctx.per_row(lambda m: _after_limit(ctx, m), INF)
    for m, day, posting_id, amount in _found(ctx, np.flatnonzero(ctx.ledger.day > limit)):
        assert m.end_date is not None
        yield Finding(
            AFTER,
            f"{AFTER}:{posting_id}",
            day,
            m.child_key,
            m.measure_id,
            from_ore(amount),
            f"postering {posting_id} {format_date(day)} er {(day - m.end_date).days} dage "
            f"efter slutdatoen {format_date(m.end_date)} (normalt højst {ctx.after_lag(m)} dage)",
        )


def payment_before_start(ctx: Context) -> Iterator[Finding]:
    def first_normal(m: Measure) -> int:
        return (m.start_date - timedelta(days=ctx.before_lag(m))).toordinal()

    limit = ctx.per_row(first_normal, -INF)
    for m, day, posting_id, amount in _found(ctx, np.flatnonzero(ctx.ledger.day < limit)):
        yield Finding(
            BEFORE,
            f"{BEFORE}:{posting_id}",
            day,
            m.child_key,
            m.measure_id,
            from_ore(amount),
            f"postering {posting_id} {format_date(day)} er {(m.start_date - day).days} dage "
            f"før startdatoen {format_date(m.start_date)} (normalt højst {ctx.before_lag(m)} dage)",
        )
