"""The follow-up table (budgetopfølgning): lines grouped by ladder step, with subtotals and
the frame total (hovedtotal), as in the September 2019 follow-up. Used by the page and CLI."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ramme.core.forecast import Forecast, LineForecast
from ramme.core.ladder import LADDER_CODES, LadderStep

ZERO = Decimal(0)


@dataclass(frozen=True)
class Row:
    """One line (or subtotal) of the table; amounts in kr."""

    activity: str
    ladder_step: str
    adopted: Decimal
    budget: Decimal  # corrected budget
    actual: Decimal
    forecasts: tuple[Decimal | None, ...]  # one per month shown, the as-of date last
    p10: Decimal
    p90: Decimal
    kind: str = "line"  # "line", "subtotal" or "total"

    @property
    def forecast(self) -> Decimal:
        last = self.forecasts[-1]
        return ZERO if last is None else last

    @property
    def result(self) -> Decimal:
        """Expected result (forventet resultat): + overspend, − underspend vs corrected."""
        return self.forecast - self.budget

    @property
    def results(self) -> tuple[Decimal | None, ...]:
        """The expected result of each month's forecast (document 001's last row)."""
        return tuple(None if f is None else f - self.budget for f in self.forecasts)


@dataclass(frozen=True)
class Group:
    step: str
    label: str
    rows: tuple[Row, ...]
    subtotal: Row


@dataclass(frozen=True)
class Table:
    groups: tuple[Group, ...]
    total: Row


def step_label(step: str) -> str:
    return LadderStep(step).label if step in LADDER_CODES else (step or "Øvrige")


def _row(line: LineForecast, earlier: list[Forecast | None]) -> Row:
    before: list[Decimal | None] = []
    for fc in earlier:
        match = (
            None if fc is None else next((x for x in fc.lines if x.activity == line.activity), None)
        )
        before.append(None if match is None else match.forecast)
    return Row(
        line.activity,
        line.ladder_step,
        line.adopted,
        line.budget,
        line.actual,
        (*before, line.forecast),
        line.p10,
        line.p90,
    )


def _sum(rows: list[Row], name: str, step: str, kind: str) -> Row:
    width = len(rows[0].forecasts) if rows else 1
    forecasts = tuple(
        None
        if all(r.forecasts[i] is None for r in rows)
        else sum((r.forecasts[i] or ZERO for r in rows), ZERO)
        for i in range(width)
    )
    return Row(
        name,
        step,
        sum((r.adopted for r in rows), ZERO),
        sum((r.budget for r in rows), ZERO),
        sum((r.actual for r in rows), ZERO),
        forecasts,
        sum((r.p10 for r in rows), ZERO),  # band of a group: sum of line bands (conservative)
        sum((r.p90 for r in rows), ZERO),
        kind,
    )


def build_table(fc: Forecast, earlier: list[Forecast | None]) -> Table:
    """Rows of ``fc`` grouped by ladder step, with ``earlier`` forecasts as extra columns."""
    order: dict[str, list[Row]] = {}
    for line in sorted(fc.lines, key=lambda x: _step_order(x.ladder_step)):
        order.setdefault(line.ladder_step, []).append(_row(line, earlier))
    groups = tuple(
        Group(step, step_label(step), tuple(rows), _sum(rows, f"Samlet {step_label(step)}",
                                                        step, "subtotal"))
        for step, rows in order.items()
    )  # fmt: skip
    total_rows = [r for g in groups for r in g.rows]
    total = _sum(total_rows, "Hovedtotal", "", "total")
    # the frame's band comes from the simulation of the whole frame, not the sum of lines
    return Table(groups, replace(total, p10=fc.total.p10, p90=fc.total.p90))


def _step_order(step: str) -> int:
    return LadderStep(step).order if step in LADDER_CODES else len(LadderStep)
