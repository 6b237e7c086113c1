"""The one rounding rule of every report format: rows add to their totals as printed.

Each amount is rounded half up to the unit its column prints (kroner, 1.000 kr., 0,1 mio.
kr.); then every subtotal and total that adds up its rows is the sum of the rounded rows.
So a reader adding a printed column gets the printed total (not 441.921 + 0 = 441.920),
and Excel's SUM formulas, over the same rounded values, agree with it too. A total that is
not the sum of its rows (a difference, a share) keeps its own value, rounded.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ramme.reports.cells import is_numeric, summed_rows
from ramme.reports.model import Block, Cell, ColumnKind, Report, Row, Table

UNITS = {
    ColumnKind.AMOUNT_KR: Decimal(1),
    ColumnKind.AMOUNT_TKR: Decimal(1000),
    ColumnKind.AMOUNT_MIO: Decimal(100_000),
}
# a total within this of its rows' unrounded sum is a sum (Decimal noise from averages)
TOLERANCE = Decimal("0.5")


def round_to(value: Decimal | int, unit: Decimal) -> Decimal:
    return (Decimal(value) / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP) * unit


def _num(cell: Cell) -> Decimal:
    return Decimal(cell) if isinstance(cell, Decimal | int) else Decimal(0)


def _column(table: Table, col: int) -> list[Cell]:
    kind = table.columns[col].kind
    unit = UNITS.get(kind)
    raw = [row.cells[col] for row in table.rows]
    if unit is None:
        return raw
    cells: list[Cell] = [round_to(_num(v), unit) if is_numeric(v) else v for v in raw]
    for index in range(len(table.rows)):
        parts = summed_rows(table, index)
        value = raw[index]
        if not parts or not is_numeric(value):
            continue
        if not all(is_numeric(raw[p]) or raw[p] is None for p in parts):
            continue
        exact = sum((_num(raw[p]) for p in parts), Decimal(0))
        if abs(exact - _num(value)) <= TOLERANCE:
            cells[index] = sum((_num(cells[p]) for p in parts), Decimal(0))
    return cells


def printed_table(table: Table) -> Table:
    """``table`` with amounts rounded as printed and sums made of the printed rows."""
    columns = [_column(table, c) for c in range(len(table.columns))]
    rows = tuple(
        Row(tuple(columns[c][r] for c in range(len(columns))), row.level)
        for r, row in enumerate(table.rows)
    )
    return replace(table, rows=rows)


def _block(block: Block) -> Block:
    return printed_table(block) if isinstance(block, Table) else block


def as_printed(report: Report) -> Report:
    """The report every renderer draws: one rounding rule for html, pdf, docx and xlsx."""
    sections = tuple(replace(s, blocks=tuple(_block(b) for b in s.blocks)) for s in report.sections)
    return replace(report, sections=sections)
