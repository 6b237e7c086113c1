"""Formatting of cells: the one place that turns a raw value into Danish text or an Excel value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.money import MILLION, format_number
from ramme.reports.model import Cell, ColumnKind, Row, RowLevel, Suppressed, Table, Typed

THOUSAND = Decimal(1000)

# Excel localises the separators: '#,##0' shows as 1.175.000 in a Danish Excel. The
# [$-406] prefix (Danish) makes LibreOffice show them the Danish way on any machine too.
EXCEL_FORMATS = {
    ColumnKind.AMOUNT_KR: "[$-406]#,##0",
    ColumnKind.AMOUNT_TKR: "[$-406]#,##0",
    ColumnKind.AMOUNT_MIO: "[$-406]#,##0.0",
    ColumnKind.COUNT: "[$-406]#,##0",
    ColumnKind.RATE: "[$-406]#,##0.0",
    ColumnKind.PERCENT: "[$-406]0.0%",
    ColumnKind.YEAR: "0",
}
_SCALE = {ColumnKind.AMOUNT_TKR: THOUSAND, ColumnKind.AMOUNT_MIO: MILLION}
_DECIMALS = {ColumnKind.AMOUNT_MIO: 1, ColumnKind.RATE: 1}


def scaled(value: Decimal | int, kind: ColumnKind) -> Decimal:
    """The value in the column's unit (1.000 kr., mio. kr.); kroner and counts unchanged."""
    amount = Decimal(value)
    return amount / _SCALE[kind] if kind in _SCALE else amount


DATE_FORMAT = "[$-406]dd.mm.yyyy"


def cell_format(value: Cell, kind: ColumnKind) -> str:
    """The Excel number format of a cell: the column's, a typed cell's own, or a date's."""
    if isinstance(value, Typed):
        return EXCEL_FORMATS.get(value.kind, "")
    if isinstance(value, date):
        return DATE_FORMAT
    return EXCEL_FORMATS.get(kind, "") if kind is not ColumnKind.TEXT else ""


def format_cell(value: Cell, kind: ColumnKind) -> str:
    """Danish text of a cell: ``181.064``, ``3,3``, ``5,0 %``, ``<5``, ``31.03.2024``;
    blank for none."""
    if value is None:
        return ""
    if isinstance(value, Typed):
        return format_cell(value.value, value.kind)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Suppressed):
        return value.text
    if isinstance(value, str):
        return value
    if kind is ColumnKind.YEAR:
        return str(int(value))
    if kind is ColumnKind.TEXT:
        return format_number(value)
    if kind is ColumnKind.PERCENT:
        return f"{format_number(Decimal(value) * 100, 1)} %"
    return format_number(scaled(value, kind), _DECIMALS.get(kind, 0))


def excel_value(value: Cell, kind: ColumnKind) -> str | float | int | date | None:
    """What an Excel cell holds: numbers as numbers in the column's unit, text as text.

    Amounts keep their decimals (the number format rounds the display), so a SUM formula
    over them gives the same total as the report.
    """
    if value is None:
        return None
    if isinstance(value, Typed):
        return excel_value(value.value, value.kind)
    if isinstance(value, date):
        return value  # openpyxl writes a date cell
    if isinstance(value, Suppressed):
        return value.text
    if isinstance(value, str):
        return value
    if kind in (ColumnKind.COUNT, ColumnKind.YEAR):
        return int(value)
    if kind is ColumnKind.PERCENT:
        return float(Decimal(value).quantize(Decimal("0.0001")))
    return float(scaled(value, kind))


def summed_rows(table: Table, index: int) -> list[int]:
    """Indices of the normal rows that the subtotal/total row at ``index`` adds up."""
    row = table.rows[index]
    if row.level is RowLevel.TOTAL:
        return [i for i, r in enumerate(table.rows[:index]) if r.level is RowLevel.NORMAL]
    if row.level is not RowLevel.SUBTOTAL:
        return []
    found: list[int] = []
    for i in range(index - 1, -1, -1):
        level = table.rows[i].level
        if level is not RowLevel.NORMAL:
            break
        found.insert(0, i)
    return found


def is_numeric(value: Cell) -> bool:
    return isinstance(value, Decimal | int) and not isinstance(value, bool)


def total_row(
    label: str, rows: list[Row], kinds: tuple[ColumnKind, ...], level: RowLevel = RowLevel.TOTAL
) -> Row:
    """A subtotal/total row: the sum of the numeric cells of ``rows`` in summable columns."""
    cells: list[Cell] = [label]
    for col, kind in enumerate(kinds[1:], start=1):
        values = [r.cells[col] for r in rows]
        if kind.summable and values and all(is_numeric(v) or v is None for v in values):
            cells.append(sum((Decimal(v) for v in values if is_numeric(v)), Decimal(0)))  # type: ignore[arg-type]
        else:
            cells.append(None)
    return Row(tuple(cells), level)
