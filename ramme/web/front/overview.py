"""The start page's ledger table (forside): years × activity lines, grouped by ladder step.

Built once from ``queries.ledger_totals`` so the page only formats the values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ramme.core.ladder import LadderStep

UNMAPPED_LABEL = "Ikke henført til en aktivitet"


@dataclass(frozen=True)
class LedgerRow:
    """One activity line: its total per year, in the order of ``LedgerTable.years``."""

    label: str
    totals: list[Decimal]


@dataclass
class LedgerGroup:
    """The activity lines of one ladder step (trin) and their subtotal."""

    label: str
    rows: list[LedgerRow] = field(default_factory=list)

    @property
    def subtotal(self) -> list[Decimal]:
        return [sum(col, Decimal(0)) for col in zip(*(r.totals for r in self.rows), strict=True)]


@dataclass
class LedgerTable:
    years: list[int]
    groups: list[LedgerGroup]

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
