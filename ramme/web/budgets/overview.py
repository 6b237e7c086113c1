"""The budget page's read side: per activity line of a year the adopted budget, the
corrected budget in force and every row behind them (the history)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ramme.web.data.models import ActivityLine, Budget


@dataclass
class LineBudget:
    """One activity line's budget of a year; ``None`` where nothing is entered."""

    line: ActivityLine
    adopted: Decimal | None = None
    corrected: Decimal | None = None
    history: list[Budget] = field(default_factory=list)

    @property
    def has_budget(self) -> bool:
        return self.adopted is not None or self.corrected is not None

    @property
    def in_force(self) -> Decimal | None:
        """The corrected budget when there is one, else the adopted."""
        return self.corrected if self.corrected is not None else self.adopted


@dataclass(frozen=True)
class YearBudget:
    year: int
    lines: tuple[LineBudget, ...]

    @property
    def missing(self) -> tuple[LineBudget, ...]:
        return tuple(lb for lb in self.lines if not lb.has_budget)

    @property
    def adopted_total(self) -> Decimal:
        return sum((lb.adopted or Decimal(0) for lb in self.lines), Decimal(0))

    @property
    def in_force_total(self) -> Decimal:
        return sum((lb.in_force or Decimal(0) for lb in self.lines), Decimal(0))


def year_budget(year: int) -> YearBudget:
    """Every line of ``year`` in ladder order, its rows oldest first (undated first)."""
    by_line = {line.pk: LineBudget(line) for line in ActivityLine.objects.order_by("position")}
    rows = Budget.objects.filter(year=year).order_by("date", "pk")
    for row in sorted(rows, key=lambda r: (r.date is not None, r.date, r.pk)):
        entry = by_line.get(row.activity_id)
        if entry is None:
            continue
        entry.history.append(row)
        if row.kind == Budget.Kind.ADOPTED:
            entry.adopted = row.amount
        else:
            entry.corrected = row.amount
    return YearBudget(year, tuple(by_line.values()))
