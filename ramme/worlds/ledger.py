"""The world's ledger: every posting with its booking day and the day it is dated.

A posting is dated the day it is booked, except an invoice for last year's service
booked before the closing of the supplementary period: it is dated 31 December.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import numpy as np

from ramme.worlds.activities import Rule, line_of, rules
from ramme.worlds.billing import invoices
from ramme.worlds.costs import monthly_cost
from ramme.worlds.people import SimChild
from ramme.worlds.refunds import refunds
from ramme.worlds.simulate import SimMeasure
from ramme.worlds.spec import OtherLine, WorldSpec

CENT = Decimal("0.01")


@dataclass(frozen=True)
class SimPosting:
    """A ledger posting; ``line`` is the activity the contract's rules give it."""

    posting_id: str
    date: dt.date
    booked: dt.date
    account: str
    dranst: int
    cost_center: str
    amount: Decimal
    text: str
    measure_id: str
    child: SimChild | None
    provider_id: str
    line: str


def dated(spec: WorldSpec, booked: date, service_year: int) -> date:
    month, day = spec.supplementary_until
    if booked.year == service_year + 1 and booked <= date(service_year + 1, month, day):
        return date(service_year, 12, 31)
    return booked


class _Ledger:
    def __init__(self, spec: WorldSpec) -> None:
        self.spec = spec
        self.rules: list[Rule] = rules(spec)
        self.rng = np.random.default_rng(spec.seed + 1)
        self.postings: list[SimPosting] = []

    def add(self, booked: date, year: int, amount: float, text: str, **kw: object) -> None:
        if booked > self.spec.final_day or not round(amount, 2):
            return
        account, dranst = str(kw["account"]), int(kw.get("dranst", 1))  # type: ignore[call-overload]
        center, mid = str(kw.get("cost_center", "")), str(kw.get("measure_id", ""))
        line = str(kw.get("line") or line_of(self.rules, account, dranst, center))
        child = kw.get("child")
        assert child is None or isinstance(child, SimChild)
        self.postings.append(
            SimPosting(
                f"{self.spec.name[:2].upper()}-{len(self.postings) + 1:07d}",
                dated(self.spec, booked, year),
                booked,
                account,
                dranst,
                center,
                Decimal(str(round(amount, 2))).quantize(CENT),
                text,
                mid,
                child,
                str(kw.get("provider_id", "")),
                line,
            )
        )

    def measure(self, m: SimMeasure, costs: dict[int, float]) -> None:
        for inv in invoices(self.spec, m, costs, self.rng):
            linked = self.rng.random() >= self.spec.unlinked
            self.add(
                inv.booked, inv.month // 12, inv.amount, f"{inv.text} {m.type.name}",
                account=m.type.account, measure_id=m.measure_id if linked else "",
                child=m.child, provider_id=m.provider_id,
                line=m.type.activity if linked else "",
            )  # fmt: skip

    def other(self, line: OtherLine) -> None:
        spec, rng = self.spec, self.rng
        for year in range(spec.first_year, spec.last_year + 1):
            yearly = line.yearly * spec.size * (1 + line.growth) ** (year - spec.first_year)
            weights = np.ones(12)
            weights[11] = line.december
            for month in range(12):
                amount = yearly * weights[month] / weights.sum()
                amount *= float(rng.normal(1.0, line.noise))
                booked = date(year, month + 1, 10) + timedelta(days=int(rng.integers(0, 18)))
                self.add(booked, year, amount, "Udgifter", account=line.account,
                         cost_center=line.cost_center)  # fmt: skip


def build_ledger(
    spec: WorldSpec, measures: list[SimMeasure], children: list[SimChild]
) -> list[SimPosting]:
    ledger = _Ledger(spec)
    child_costs: dict[str, dict[int, float]] = {}
    accounts: dict[str, dict[str, float]] = {}
    for m in measures:
        costs = monthly_cost(spec, m)
        ledger.measure(m, costs)
        per_child = child_costs.setdefault(m.child.child_id, {})
        for month, cost in costs.items():
            per_child[month] = per_child.get(month, 0.0) + cost
        by_account = accounts.setdefault(m.child.child_id, {})
        by_account[m.type.account] = by_account.get(m.type.account, 0.0) + sum(costs.values())
    for line in spec.other_lines:
        ledger.other(line)
    by_id = {c.child_id: c for c in children}
    for r in refunds(spec, child_costs, ledger.rng):
        account = max(accounts[r.child_id].items(), key=lambda kv: kv[1])[0]
        ledger.add(r.booked, r.year, r.amount, "Statsrefusion særligt dyre enkeltsager",
                   account=account, dranst=2, child=by_id[r.child_id])  # fmt: skip
    return sorted(ledger.postings, key=lambda p: (p.booked, p.posting_id))
