"""Billing conventions: when a measure's monthly cost reaches the ledger, and corrections.

Each convention maps (measure, monthly costs) to invoices with a booking date:
- ``advance``: the month is paid just before it starts (full month, until the end is
  registered; the overpayment comes back as a credit note once the end is known);
- ``arrears``: paid 3-20 days after the month;
- ``quarterly``: one invoice per quarter, 10-40 days after the quarter;
- ``late``: 30-90 days after the month, with noise;
- ``in_month``: booked in the month of service (foster carers' fees through the payroll,
  the municipality's own units settled internally), between the 15th and the 28th.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ramme.worlds.costs import month_bounds, month_index
from ramme.worlds.simulate import SimMeasure
from ramme.worlds.spec import WorldSpec


@dataclass(frozen=True)
class Invoice:
    """An amount for a measure's service in ``month`` (month index), booked on ``booked``."""

    month: int
    booked: date
    amount: float
    text: str


Rng = np.random.Generator
Convention = Callable[[SimMeasure, dict[int, float], Rng], list[Invoice]]


def _days(rng: Rng, lo: int, hi: int) -> timedelta:
    return timedelta(days=int(rng.integers(lo, hi + 1)))


def _not_before_registration(m: SimMeasure, booked: date, rng: Rng) -> date:
    # nothing is paid for a measure the case system does not know yet: catch-up payment
    return max(booked, m.registered + _days(rng, 1, 7))


def _arrears_after(lo: int, hi: int, label: str) -> Convention:
    def convention(m: SimMeasure, costs: dict[int, float], rng: Rng) -> list[Invoice]:
        out = []
        for month, cost in sorted(costs.items()):
            booked = month_bounds(month)[1] + _days(rng, lo, hi)
            out.append(Invoice(month, _not_before_registration(m, booked, rng), cost, label))
        return out

    return convention


def _in_month(m: SimMeasure, costs: dict[int, float], rng: Rng) -> list[Invoice]:
    out = []
    for month, cost in sorted(costs.items()):
        booked = month_bounds(month)[0] + _days(rng, 14, 27)
        out.append(Invoice(month, _not_before_registration(m, booked, rng), cost, "Udbetaling"))
    return out


def _quarterly(m: SimMeasure, costs: dict[int, float], rng: Rng) -> list[Invoice]:
    quarters: dict[int, float] = {}
    for month, cost in costs.items():
        quarters[month // 3] = quarters.get(month // 3, 0.0) + cost
    out = []
    for quarter, cost in sorted(quarters.items()):
        booked = month_bounds(quarter * 3 + 2)[1] + _days(rng, 10, 40)
        booked = _not_before_registration(m, booked, rng)
        out.append(Invoice(quarter * 3 + 2, booked, cost, "Kvartalsfaktura"))
    return out


def _advance(m: SimMeasure, costs: dict[int, float], rng: Rng) -> list[Invoice]:
    out, overpaid = [], 0.0
    rate = _last_daily_rate(m, costs)
    last_paid = max(costs)
    if m.end_registered is not None:
        last_paid = max(last_paid, month_index(m.end_registered))
    for month in range(min(costs), last_paid + 1):
        first, last = month_bounds(month)
        booked = _not_before_registration(m, first - _days(rng, 0, 6), rng)
        cost = costs.get(month, 0.0)
        if m.end is not None and m.end_registered is not None and month >= month_index(m.end):
            if booked >= m.end_registered:
                if cost:
                    out.append(Invoice(month, booked, cost, "Forudbetaling"))
                continue
            # the end is not yet known: the whole month is paid
            unknown_days = (last - max(m.end, first - timedelta(days=1))).days
            cost += unknown_days * rate
            overpaid += unknown_days * rate
        if cost:
            out.append(Invoice(month, booked, cost, "Forudbetaling"))
    if overpaid and m.end_registered is not None:
        booked = m.end_registered + _days(rng, 3, 20)
        end_month = month_index(m.end) if m.end else max(costs)
        out.append(Invoice(end_month, booked, -overpaid, "Kreditnota, ophørt indsats"))
    return out


def _last_daily_rate(m: SimMeasure, costs: dict[int, float]) -> float:
    if m.end is None or m.type.unit == "once":
        return 0.0
    month = month_index(m.end)
    first = month_bounds(month)[0]
    days = (m.end - max(first, m.start)).days + 1
    return costs.get(month, 0.0) / days


def _once(m: SimMeasure, costs: dict[int, float], rng: Rng) -> list[Invoice]:
    return [
        Invoice(month, _not_before_registration(m, m.start + _days(rng, 5, 40), rng), c, "Ydelse")
        for month, c in costs.items()
    ]


CONVENTIONS: dict[str, Convention] = {
    "advance": _advance,
    "arrears": _arrears_after(3, 20, "Faktura"),
    "quarterly": _quarterly,
    "late": _arrears_after(30, 90, "Faktura (sen)"),
    "in_month": _in_month,
}


def convention_of(spec: WorldSpec, m: SimMeasure) -> str:
    """The type's own convention, else the internal one for own units, else the world's."""
    if m.type.billing:
        return m.type.billing
    if m.type.provider_kind == "intern" and spec.internal_billing:
        return spec.internal_billing
    return spec.billing


def invoices(spec: WorldSpec, m: SimMeasure, costs: dict[int, float], rng: Rng) -> list[Invoice]:
    """The measure's invoices with the world's corrections (credit notes, double bills)."""
    if not costs:
        return []
    if m.type.unit == "once":
        base = _once(m, costs, rng)
    else:
        base = CONVENTIONS[convention_of(spec, m)](m, costs, rng)
    if m.type.unit == "hour":  # the hours actually delivered vary from the granted
        base = [
            Invoice(i.month, i.booked, i.amount * float(rng.normal(1.0, 0.05)), i.text)
            for i in base
        ]
    return [out for invoice in base for out in _corrections(spec, invoice, rng)]


def _corrections(spec: WorldSpec, invoice: Invoice, rng: Rng) -> list[Invoice]:
    out = [invoice]
    if invoice.amount <= 0:
        return out
    if rng.random() < spec.credit_notes:
        excess = invoice.amount * float(rng.uniform(0.03, 0.12))
        out[0] = Invoice(invoice.month, invoice.booked, invoice.amount + excess, invoice.text)
        later = invoice.booked + _days(rng, 30, 75)
        out.append(Invoice(invoice.month, later, -excess, "Kreditnota, forkert takst"))
    if rng.random() < spec.double_bills:
        twice = invoice.booked + _days(rng, 0, 5)
        out.append(Invoice(invoice.month, twice, out[0].amount, invoice.text))
        later = twice + _days(rng, 20, 60)
        out.append(Invoice(invoice.month, later, -out[0].amount, "Tilbageført dobbeltbetaling"))
    return out
