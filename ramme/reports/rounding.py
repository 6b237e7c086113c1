"""The one rounding rule of every report format: rows add to their totals as printed.

Amounts are printed in their column's unit (kroner, 1.000 kr., 0,1 mio. kr.). Rounded one
by one, rows need not add to their rounded total (441.921 + 0 against 441.920). So a
total is rounded once, half up, and its rows share it by the largest-remainder method:
each row gets its value rounded down, and the units still missing go to the rows with the
largest remainders. A table's total is shared among its groups (a subtotal and its rows,
or a row on its own), and each subtotal among its rows. The printed total is therefore the
true total rounded (the same figure as elsewhere in the report), every row is within one
unit of its own value, and the rows add up. Excel's SUM formulas over the same printed
values agree. A total that is not the sum of its rows (a difference) keeps its own value.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from ramme.reports.cells import is_numeric, summed_rows
from ramme.reports.model import Block, Cell, ColumnKind, Report, Row, RowLevel, Table

UNITS = {
    ColumnKind.AMOUNT_KR: Decimal(1),
    ColumnKind.AMOUNT_TKR: Decimal(1000),
    ColumnKind.AMOUNT_MIO: Decimal(100_000),
}
# a total within this of its rows' sum is their sum (Decimal noise, øre)
TOLERANCE = Decimal("0.5")


def round_to(value: Decimal | int, unit: Decimal) -> Decimal:
    return (Decimal(value) / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP) * unit


def share(target: Decimal, parts: list[Decimal], unit: Decimal) -> list[Decimal]:
    """``parts`` rounded to ``unit`` so that they add to ``target`` (a multiple of
    ``unit``): rounded down, then a unit each to the largest remainders."""
    scaled = [p / unit for p in parts]
    floors = [s.to_integral_value(rounding=ROUND_FLOOR) for s in scaled]
    missing = int((target / unit) - sum(floors, Decimal(0)))
    order = sorted(range(len(parts)), key=lambda i: (-(scaled[i] - floors[i]), i))
    for i in order[: max(0, min(missing, len(parts)))]:
        floors[i] += 1
    return [f * unit for f in floors]


def _num(cell: Cell) -> Decimal:
    return Decimal(cell) if isinstance(cell, Decimal | int) else Decimal(0)


def _additive(raw: list[Cell], index: int, parts: list[int]) -> bool:
    if not parts or not is_numeric(raw[index]):
        return False
    if not all(is_numeric(raw[p]) or raw[p] is None for p in parts):
        return False  # a suppressed cell inside: not a plain sum
    exact = sum((_num(raw[p]) for p in parts), Decimal(0))
    return abs(exact - _num(raw[index])) <= TOLERANCE


def _groups(table: Table, raw: list[Cell], total: int) -> list[tuple[int | None, list[int]]]:
    """The total's groups: (subtotal index, its rows) or (None, [a row of its own])."""
    parts = set(summed_rows(table, total))
    groups: list[tuple[int | None, list[int]]] = []
    taken: set[int] = set()
    for i, row in enumerate(table.rows[:total]):
        if row.level is RowLevel.SUBTOTAL:
            rows = summed_rows(table, i)
            if _additive(raw, i, rows):
                groups.append((i, rows))
                taken |= set(rows)
    groups += [(None, [i]) for i in sorted(parts - taken)]
    return groups


def _column(table: Table, col: int) -> list[Cell]:
    unit = UNITS.get(table.columns[col].kind)
    raw = [row.cells[col] for row in table.rows]
    if unit is None:
        return raw
    cells: list[Cell] = [round_to(_num(v), unit) if is_numeric(v) else v for v in raw]
    done: set[int] = set()
    for index, row in enumerate(table.rows):
        if row.level is RowLevel.TOTAL and _additive(raw, index, summed_rows(table, index)):
            groups = _groups(table, raw, index)
            exact = [sum((_num(raw[p]) for p in rows), Decimal(0)) for _, rows in groups]
            for (sub, rows), amount in zip(
                groups, share(_num(cells[index]), exact, unit), strict=True
            ):
                if sub is not None:
                    cells[sub] = amount
                    done.add(sub)
                    _share_rows(cells, raw, rows, amount, unit)
                else:
                    cells[rows[0]] = amount
    for index, row in enumerate(table.rows):
        rows = summed_rows(table, index)
        if row.level is RowLevel.SUBTOTAL and index not in done and _additive(raw, index, rows):
            _share_rows(cells, raw, rows, _num(cells[index]), unit)
    return cells


def _share_rows(cells: list[Cell], raw: list[Cell], rows: list[int], amount: Decimal,
                unit: Decimal) -> None:  # fmt: skip
    numeric = [p for p in rows if is_numeric(raw[p])]
    for p, value in zip(numeric, share(amount, [_num(raw[p]) for p in numeric], unit), strict=True):
        cells[p] = value


def printed_table(table: Table) -> Table:
    """``table`` with amounts as printed: totals rounded, rows sharing them."""
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
