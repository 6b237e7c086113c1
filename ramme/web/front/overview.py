"""The start page's ledger table (forside): years × activity lines, grouped by ladder step.

Built once from ``queries.ledger_totals`` so the page only formats the values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from decimal import Decimal

from ramme.core.disclosure import hidden_in_table
from ramme.core.ladder import LadderStep

UNMAPPED_LABEL = "Ikke henført til en aktivitet"


@dataclass
class LedgerRow:
    """One activity line: its total per year, in the order of ``LedgerTable.years``."""

    label: str
    totals: list[Decimal]
    hidden: list[bool] = field(default_factory=list)  # per year: not shown (diskretionering)

    @property
    def cells(self) -> list[tuple[Decimal, bool]]:
        return _cells(self.totals, self.hidden)


@dataclass
class LedgerGroup:
    """The activity lines of one ladder step (trin) and their subtotal."""

    label: str
    rows: list[LedgerRow] = field(default_factory=list)
    hidden: list[bool] = field(default_factory=list)

    @property
    def subtotal_cells(self) -> list[tuple[Decimal, bool]]:
        return _cells(self.subtotal, self.hidden)

    @property
    def subtotal(self) -> list[Decimal]:
        return [sum(col, Decimal(0)) for col in zip(*(r.totals for r in self.rows), strict=True)]


@dataclass
class LedgerTable:
    years: list[int]
    groups: list[LedgerGroup]
    hidden: list[bool] = field(default_factory=list)

    @property
    def total_cells(self) -> list[tuple[Decimal, bool]]:
        return _cells(self.total, self.hidden)

    @property
    def hides_any(self) -> bool:
        rows = [r.hidden for g in self.groups for r in g.rows] + [g.hidden for g in self.groups]
        return any(self.hidden) or any(any(h) for h in rows)

    @property
    def total(self) -> list[Decimal]:
        columns = zip(*(g.subtotal for g in self.groups), strict=True)
        return [sum(col, Decimal(0)) for col in columns]


def build_ledger_table(
    years: list[int],
    lines: Iterable[tuple[str, str]],
    totals: Mapping[tuple[int, str | None], Decimal],
) -> LedgerTable:
    """Group ``lines`` (name, ladder step; already in display order) by ladder step.

    Postings without an activity line get their own group at the end, so the grand total
    always equals everything booked.
    """
    by_step: dict[str, LedgerGroup] = {s.value: LedgerGroup(s.label) for s in LadderStep}
    for name, step in lines:
        row = LedgerRow(name, [totals.get((y, name), Decimal(0)) for y in years])
        by_step.setdefault(step, LedgerGroup(step)).rows.append(row)
    groups = [g for g in by_step.values() if g.rows]
    unmapped = [totals.get((y, None), Decimal(0)) for y in years]
    if any(unmapped):
        groups.append(LedgerGroup(UNMAPPED_LABEL, [LedgerRow(UNMAPPED_LABEL, unmapped)]))
    return LedgerTable(years, groups)


def _cells(amounts: list[Decimal], hidden: list[bool]) -> list[tuple[Decimal, bool]]:
    return [(a, bool(hidden) and hidden[i]) for i, a in enumerate(amounts)]


def hide_small_figures(
    table: LedgerTable,
    behind: Mapping[tuple[int, str | None], Set[str]],
    visible: Set[str] | None,
) -> None:
    """Mark the amounts a user may not see: each year's column is a table of lines under
    ladder-step subtotals and the total (``ramme.core.disclosure``); ``behind`` holds the
    children whose postings make up each (year, line), ``None`` for unmapped postings."""
    for row in (r for g in table.groups for r in g.rows):
        row.hidden = [False] * len(table.years)
    for group in table.groups:
        group.hidden = [False] * len(table.years)
    table.hidden = [False] * len(table.years)
    for i, year in enumerate(table.years):
        groups = {
            g.label: {r.label: _behind(behind, year, r.label) for r in g.rows} for g in table.groups
        }
        hide = hidden_in_table(groups, visible)
        for group in table.groups:
            group.hidden[i] = group.label in hide.groups
            for row in group.rows:
                row.hidden[i] = hide.hides(row.label)
        table.hidden[i] = hide.total_hidden


def _behind(behind: Mapping[tuple[int, str | None], Set[str]], year: int, label: str) -> Set[str]:
    return behind.get((year, None if label == UNMAPPED_LABEL else label), frozenset())
