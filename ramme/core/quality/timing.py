"""``payment_after_end`` and ``payment_before_start``: postings linked to a measure outside
its period by more than the billing lag its line normally has (learned, see lags.py).

Only expenses count: a credit note after the end is the normal way to correct an invoice.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from ramme.core.periods import format_date
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding

AFTER, BEFORE = "payment_after_end", "payment_before_start"


def payment_after_end(ctx: Context) -> Iterator[Finding]:
    for m in ctx.dataset.measures:
        if m.end_date is None:
            continue
        lag = ctx.after_lag(m)
        last_normal = m.end_date + timedelta(days=lag)
        for p in ctx.by_measure.get(m.measure_id, []):
            if p.date > last_normal and p.amount > 0:
                days = (p.date - m.end_date).days
                yield Finding(
                    AFTER,
                    f"{AFTER}:{p.posting_id}",
                    p.date,
                    m.child_key,
                    m.measure_id,
                    p.amount,
                    f"postering {p.posting_id} {format_date(p.date)} er {days} dage efter "
                    f"slutdatoen {format_date(m.end_date)} (normalt højst {lag} dage)",
                )


def payment_before_start(ctx: Context) -> Iterator[Finding]:
    for m in ctx.dataset.measures:
        lag = ctx.before_lag(m)
        first_normal = m.start_date - timedelta(days=lag)
        for p in ctx.by_measure.get(m.measure_id, []):
            if p.date >= first_normal:
                break  # by date: the rest are later
            if p.amount > 0:
                days = (m.start_date - p.date).days
                yield Finding(
                    BEFORE,
                    f"{BEFORE}:{p.posting_id}",
                    p.date,
                    m.child_key,
                    m.measure_id,
                    p.amount,
                    f"postering {p.posting_id} {format_date(p.date)} er {days} dage før "
                    f"startdatoen {format_date(m.start_date)} (normalt højst {lag} dage)",
                )
