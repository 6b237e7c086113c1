"""Ledger postings as a financial system books them: invoices, salaries and state refunds.

Billing patterns per measure type: placements paid in advance on the 1st of the month; foster
families and parents at the end of the month; contact persons and respite care invoiced the
month after; family treatment invoiced after the quarter; some invoices 1-4 months late. Costs
of a year booked in January-February of the next carry 31 December (supplementary period).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.demo import days as d
from ramme.demo.costs import CostEntries, monthly_costs
from ramme.demo.days import FloatArray, IntArray
from ramme.demo.model import World
from ramme.demo.parameters import (
    SALARY_MAY_FACTOR,
    SALARY_OVER_COST,
    level_factor,
    refund_line,
    refund_rule,
)

BILLINGS = ("advance", "monthly", "arrears", "quarterly", "once", "salary")
TEXT_MONTH, TEXT_QUARTER = 0, 1


@dataclass
class Postings:
    """Ledger rows; ``label``/``period`` make the text, indices link to world tables."""

    date: IntArray
    amount: FloatArray
    account: IntArray  # index into Ledger.accounts
    dranst: IntArray
    line: IntArray  # index into params.lines (its cost centre)
    label: IntArray  # index into Ledger.labels
    period: IntArray  # month number the text names
    text_kind: IntArray
    measure: IntArray
    child: IntArray
    provider: IntArray

    def __len__(self) -> int:
        return len(self.date)

    @classmethod
    def concat(cls, parts: list[Postings]) -> Postings:
        fields = cls.__dataclass_fields__
        return cls(**{n: np.concatenate([getattr(p, n) for p in parts]) for n in fields})

    def take(self, keep: IntArray) -> Postings:
        return Postings(**{n: getattr(self, n)[keep] for n in self.__dataclass_fields__})


@dataclass
class Ledger:
    postings: Postings
    accounts: list[str]
    labels: list[str]


class _Book:
    """Builds postings; owns the account and label lists."""

    def __init__(self, world: World, rng: np.random.Generator) -> None:
        self.world = world
        self.rng = rng
        self.accounts: list[str] = []
        self.labels: list[str] = []
        self.line_index = {line.name: i for i, line in enumerate(world.params.lines)}
        self.first_day = d.day(world.first_year - 1)
        self.m0 = world.first_year * 12 - 1970 * 12 - 12
        self.m1 = world.last_year * 12 - 1970 * 12 + 11

    def code(self, table: list[str], text: str) -> int:
        if text not in table:
            table.append(text)
        return table.index(text)

    def make(self, n: int, **cols: object) -> Postings:
        minus = np.full(n, -1, np.int64)
        base = {
            "measure": minus,
            "child": minus,
            "provider": minus,
            "text_kind": np.zeros(n, np.int64),
        }
        base.update(cols)  # type: ignore[arg-type]
        return Postings(**base)  # type: ignore[arg-type]


def _supplementary(date: IntArray, month: IntArray, months_after: int) -> IntArray:
    """Postings of a year's costs booked early next year carry 31 December of that year."""
    cost_year = month // 12 + 1970
    booked = d.month_number(date)
    early = (booked // 12 + 1970 == cost_year + 1) & (booked % 12 < months_after)
    year_end = d.month_last_day(cost_year * 12 - 1970 * 12 + 11)
    return np.where(early, year_end, date)


def _booking_dates(book: _Book, kind: IntArray, month: IntArray, valid_from: IntArray) -> IntArray:
    """When each invoice is booked, by billing pattern, lateness and supplementary period."""
    rng, billing = book.rng, book.world.params.billing
    n = len(kind)
    after = d.month_first_day(month + 1) + rng.integers(4, 21, n)
    date = np.select(
        [kind == BILLINGS.index(b) for b in ("advance", "monthly", "once")],
        [d.month_first_day(month), d.month_last_day(month), valid_from + rng.integers(7, 31, n)],
        after,
    )
    late = np.isin(kind, [BILLINGS.index(b) for b in ("arrears", "quarterly", "once")])
    late &= rng.random(n) < billing.late_share
    shift = rng.integers(billing.late_months[0], billing.late_months[1] + 1, n)
    moved = d.month_first_day(d.month_number(date) + shift) + (date - d.month_start(date))
    return _supplementary(np.where(late, moved, date), month, billing.supplementary_months)


def _invoices(book: _Book, entries: CostEntries) -> Postings:
    w = book.world
    m, p = w.measures, w.prices
    billing = np.array([BILLINGS.index(t.billing) for t in w.types])
    measure = p.measure[entries.row]
    kind = billing[m.mtype[measure]]
    keep = kind != BILLINGS.index("salary")
    row, month, amount, kind = (
        entries.row[keep],
        entries.month[keep],
        entries.amount[keep],
        kind[keep],
    )
    quarterly = kind == BILLINGS.index("quarterly")
    q_key = row[quarterly] * 10_000 + month[quarterly] // 3
    keys, inverse = np.unique(q_key, return_inverse=True)
    q_amount = np.bincount(inverse, weights=amount[quarterly])
    row = np.concatenate([row[~quarterly], keys // 10_000])
    month = np.concatenate([month[~quarterly], (keys % 10_000) * 3 + 2])
    amount = np.concatenate([amount[~quarterly], q_amount])
    kind = np.concatenate([kind[~quarterly], np.full(len(keys), BILLINGS.index("quarterly"))])
    n = len(row)
    date = _booking_dates(book, kind, month, p.valid_from[row])
    measure = p.measure[row]
    types = m.mtype[measure]
    accounts = np.array([book.code(book.accounts, t.account) for t in w.types])[types]
    lines = np.array([book.line_index[t.activity] for t in w.types])[types]
    labels = np.array([book.code(book.labels, t.name) for t in w.types])[types]
    text_kind = np.where(kind == BILLINGS.index("quarterly"), TEXT_QUARTER, TEXT_MONTH)
    return book.make(
        n,
        date=date,
        amount=np.round(amount, 2),
        account=accounts,
        dranst=np.ones(n, np.int64),
        line=lines,
        label=labels,
        period=month,
        text_kind=text_kind,
        measure=measure,
        child=m.child[measure],
        provider=m.provider[measure],
    )


def _salaries(book: _Book, entries: CostEntries) -> Postings:
    w, rng = book.world, book.rng
    m, p = w.measures, w.prices
    types = m.mtype[p.measure[entries.row]]
    line_of_type = np.array([book.line_index[t.activity] for t in w.types])
    weights = np.ones(12)
    weights[4] = SALARY_MAY_FACTOR
    weights /= weights.sum()
    parts = []
    for unit in w.params.units:
        provider = w.providers.provider_id.index(unit.provider_id)
        for name in unit.lines:
            li = book.line_index[name]
            line = w.params.lines[li]
            mine = line_of_type[types] == li
            for year in range(w.first_year - 1, w.last_year + 1):
                if line.salary_2019:
                    annual = line.salary_2019 * 1e6 * level_factor(2019, year) * w.scale
                else:
                    in_year = mine & (entries.month // 12 + 1970 == year)
                    annual = entries.amount[in_year].sum() * (1 + rng.normal(*SALARY_OVER_COST))
                months = np.arange(12) + (year - 1970) * 12
                parts.append(
                    book.make(
                        12,
                        date=d.month_last_day(months),
                        amount=np.round(annual * weights, 2),
                        account=np.full(12, book.code(book.accounts, unit.account)),
                        dranst=np.ones(12, np.int64),
                        line=np.full(12, li),
                        label=np.full(12, book.code(book.labels, f"Løn {unit.name}")),
                        period=months,
                        provider=np.full(12, provider),
                    )
                )
    return Postings.concat(parts)


def _tiers(cumulative: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Refund of a cumulative yearly cost under each year's thresholds and shares."""
    out = np.zeros(len(cumulative))
    for year in np.unique(years):
        rule = refund_rule(int(year))
        sel = years == year
        bounds = [*rule.thresholds, np.inf]
        for k, share in enumerate(rule.shares):
            out[sel] += share * np.clip(cumulative[sel] - bounds[k], 0, bounds[k + 1] - bounds[k])
    return out


def _refunds(book: _Book, entries: CostEntries) -> Postings:
    """State refund for especially expensive cases, per child and year, booked each quarter."""
    w = book.world
    m, p = w.measures, w.prices
    measure = p.measure[entries.row]
    child = m.child[measure]
    quarter = entries.month // 3  # quarters since 1970
    key = child * 100_000 + quarter
    keys, inverse = np.unique(key, return_inverse=True)
    cost = np.bincount(inverse, weights=entries.amount)
    q_child, q = keys // 100_000, keys % 100_000
    year = q // 4 + 1970
    group = q_child * 10_000 + year
    starts = np.r_[0, np.flatnonzero(np.diff(group)) + 1]
    running = np.cumsum(cost)
    offset = np.repeat(running[starts] - cost[starts], np.diff(np.r_[starts, len(cost)]))
    cumulative = running - offset
    previous = cumulative - cost
    refund = _tiers(cumulative, year) - _tiers(previous, year)
    account = _main_account(book, entries, child, year, keys, q_child)
    keep = refund > 0.005
    n = int(keep.sum())
    last_month = (q * 3 + 2)[keep]
    date = np.where(
        last_month % 12 == 11, d.month_last_day(last_month), d.month_last_day(last_month + 1) + 15
    )
    line_of_account = np.array([book.line_index[refund_line(a)] for a in book.accounts])
    return book.make(
        n,
        date=date,
        amount=-np.round(refund[keep], 2),
        account=account[keep],
        dranst=np.full(n, 2, np.int64),
        line=line_of_account[account[keep]],
        label=np.full(n, book.code(book.labels, "Statsrefusion, særligt dyre enkeltsager")),
        period=last_month,
        text_kind=np.full(n, TEXT_QUARTER, np.int64),
        child=q_child[keep],
    )


def _main_account(
    book: _Book,
    entries: CostEntries,
    child: IntArray,
    year: IntArray,
    keys: IntArray,
    q_child: IntArray,
) -> IntArray:
    """The account of each child's most costly measure type in the year (per refund row)."""
    w = book.world
    types = w.measures.mtype[w.prices.measure[entries.row]]
    acc = np.array([book.code(book.accounts, t.account) for t in w.types])[types]
    e_year = entries.month // 12 + 1970
    key = (child * 10_000 + e_year) * 100 + acc
    uk, inv = np.unique(key, return_inverse=True)
    total = np.bincount(inv, weights=entries.amount)
    pair = uk // 100
    order = np.lexsort((total, pair))
    last = np.r_[np.flatnonzero(np.diff(pair[order])), len(order) - 1]
    best_pair, best_acc = pair[order][last], (uk % 100)[order][last]
    want = q_child * 10_000 + year
    return best_acc[np.searchsorted(best_pair, want)]


def book_ledger(world: World, rng: np.random.Generator) -> Ledger:
    """Every posting from January of the year before the first to the export day."""
    book = _Book(world, rng)
    entries = monthly_costs(world.prices, world.measures, book.m0, book.m1, world.last_day)
    postings = Postings.concat(
        [_invoices(book, entries), _salaries(book, entries), _refunds(book, entries)]
    )
    keep = (
        (postings.date >= book.first_day)
        & (postings.date <= world.last_day)
        & (postings.amount != 0)
    )
    postings = postings.take(np.flatnonzero(keep))
    order = np.lexsort((postings.measure, postings.line, postings.date))
    return Ledger(postings.take(order), book.accounts, book.labels)
