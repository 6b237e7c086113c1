"""The follow-up table as printed: the reports' one rounding rule (``ramme.reports.rounding``)
applied to the page, so the page shows the monthly report's figures and its rows add to
their subtotals and the Hovedtotal in 1.000 kr. as shown."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ramme.reports import model
from ramme.reports.rounding import printed_table
from ramme.web.forecasts.services.table import Row, Table

TKR = model.ColumnKind.AMOUNT_TKR


@dataclass(frozen=True)
class PrintedRow:
    """One row of the page in whole 1.000 kr. (amounts still in kr.); ``hidden``: its case
    figures are not shown to the user (diskretionering)."""

    activity: str
    adopted: Decimal
    budget: Decimal
    actual: Decimal
    forecasts: tuple[Decimal | None, ...]
    p10: Decimal
    p90: Decimal
    result: Decimal  # shared as a column of its own, as the report's «Forv. resultat»
    hidden: bool = False

    @property
    def results(self) -> tuple[Decimal | None, ...]:
        """Each month's expected result (document 001's last row), from the printed figures."""
        return tuple(None if f is None else f - self.budget for f in self.forecasts)


def _cells(row: Row) -> tuple[model.Cell, ...]:
    return (row.activity, row.adopted, row.budget, row.actual, *row.forecasts,
            row.p10, row.p90, row.result)  # fmt: skip


def _report_table(table: Table) -> model.Table:
    """The page's table in the report model: headings, lines, subtotals, the total."""
    width = len(_cells(table.total))
    rows: list[model.Row] = []
    for group in table.groups:
        rows.append(model.Row((group.label, *([None] * (width - 1))), model.RowLevel.HEADING))
        rows += [model.Row(_cells(r)) for r in group.rows]
        rows.append(model.Row(_cells(group.subtotal), model.RowLevel.SUBTOTAL))
    rows.append(model.Row(_cells(table.total), model.RowLevel.TOTAL))
    columns = (model.Column("Aktivitet"), *[model.Column("", TKR)] * (width - 1))
    return model.Table("Budgetopfølgning", columns, tuple(rows))


def _printed_row(cells: tuple[model.Cell, ...]) -> PrintedRow:
    def amount(cell: model.Cell) -> Decimal:
        return Decimal(cell) if isinstance(cell, Decimal | int) else Decimal(0)

    months = len(cells) - 7
    forecasts = tuple(None if c is None else amount(c) for c in cells[4 : 4 + months])
    p10, p90, result = (amount(c) for c in cells[4 + months :])
    return PrintedRow(str(cells[0]), amount(cells[1]), amount(cells[2]), amount(cells[3]),
                      forecasts, p10, p90, result)  # fmt: skip


def printed_rows(table: Table) -> list[PrintedRow]:
    """Every row of ``table`` as printed, in the order of ``_report_table`` (no headings)."""
    printed = printed_table(_report_table(table))
    return [_printed_row(r.cells) for r in printed.rows if r.level is not model.RowLevel.HEADING]
