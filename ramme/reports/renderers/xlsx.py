"""Excel (openpyxl): numbers as numbers, totals as SUM formulas, one sheet per table and chart.

Amounts are stored as printed (one rounding rule, ``rounding.py``) in the column's unit
(1.000 kr., mio. kr.) with a number format, so Excel's own sums agree with ours. Formulas
carry their cached value, so a viewer that does not calculate (a preview, a mail client,
a program reading the file) shows the total too. Text from data can never become a
formula: every text cell is stored as a string, whatever its first character. The front
sheet's pointers name the sheets as they are really called.
"""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ramme.reports import charts
from ramme.reports.cells import cell_format, excel_value, format_cell, is_numeric, summed_rows
from ramme.reports.model import (
    RESTRICTED_NOTICE,
    Chart,
    ColumnKind,
    Paragraph,
    Report,
    RowLevel,
    Table,
)

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSION = "xlsx"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TOTAL_FILL = PatternFill("solid", fgColor="EEF3F8")
FIRST_ROW = 5  # title, municipality, notice, blank, then the header row
FRONT_CHARS = 100  # characters on a line of the front sheet's column A
CHART_DATA_COLUMN = 13  # M: right of the picture (about 17 cm wide)


def put_text(ws: Worksheet, row: int, column: int, text: str) -> None:
    """Write text that stays text: a value like ``=HYPERLINK(...)`` is stored as a string."""
    cell = ws.cell(row=row, column=column)
    cell.value = text
    if text.startswith(FORMULA_START):
        cell.data_type = "s"  # never 'f': the cell shows the characters, Excel runs nothing


def _sheet_name(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Ark"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _head(ws: Worksheet, report: Report, title: str) -> None:
    put_text(ws, 1, 1, title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=13, color="1F4E79")
    put_text(ws, 2, 1, f"{report.municipality} · {report.title}")
    if report.restricted:
        put_text(ws, 3, 1, RESTRICTED_NOTICE)
        ws.cell(row=3, column=1).font = Font(bold=True, color="C00000")
        ws.oddHeader.right.text = RESTRICTED_NOTICE
    ws.oddHeader.left.text = report.municipality
    ws.oddFooter.right.text = "Side &P af &N"


def _ranges(column: str, rows: list[int]) -> str:
    """``B5:B8,B10`` for rows 5-8 and 10: short SUM arguments over contiguous runs."""
    parts: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        parts.append(f"{column}{start}" if start == prev else f"{column}{start}:{column}{prev}")
        if r is not None:
            start = prev = r
    return ",".join(parts)


def _formula(table: Table, index: int, column: int) -> str | None:
    """``=SUM(...)`` for a (sub)total cell whose summed cells are all numbers, else None."""
    parts = summed_rows(table, index)
    value = table.rows[index].cells[column]
    if not parts or not table.columns[column].kind.summable or not is_numeric(value):
        return None
    cells = [table.rows[p].cells[column] for p in parts]
    if not all(is_numeric(v) or v is None for v in cells):
        return None  # a suppressed cell inside: write the figure, not a formula
    letter = get_column_letter(column + 1)
    return f"=SUM({_ranges(letter, [FIRST_ROW + p for p in parts])})"


def _write_row(ws: Worksheet, table: Table, index: int, cached: dict[str, float]) -> None:
    row, r = table.rows[index], FIRST_ROW + index
    for c, (value, column) in enumerate(zip(row.cells, table.columns, strict=True), start=1):
        cell = ws.cell(row=r, column=c)
        formula = _formula(table, index, c - 1)
        data = formula if formula is not None else excel_value(value, column.kind)
        if isinstance(data, str) and formula is None:
            put_text(ws, r, c, data)
        else:
            cell.value = data
        if formula is not None:
            number = excel_value(value, column.kind)
            if isinstance(number, int | float):
                cached[cell.coordinate] = float(number)
        number_format = cell_format(value, column.kind)
        if number_format:
            cell.number_format = number_format
            cell.alignment = Alignment(horizontal="right", vertical="top")
        else:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row.level is not RowLevel.NORMAL:
            cell.font = Font(bold=True)
        if row.level in (RowLevel.TOTAL, RowLevel.HEADING):
            cell.fill = TOTAL_FILL


def _longest_word(text: str) -> int:
    """A header wraps between words, never inside one (a bold word needs a little more)."""
    return max((len(word) for word in text.split()), default=0) + 1


def _column_widths(ws: Worksheet, table: Table) -> None:
    for c, column in enumerate(table.columns, start=1):
        shown = (len(format_cell(r.cells[c - 1], column.kind)) for r in table.rows)
        longest = max([len(column.title) // 2, _longest_word(column.title) + 1, *shown])
        limit = 60 if column.kind is ColumnKind.TEXT else 18
        ws.column_dimensions[get_column_letter(c)].width = min(max(10, longest + 2), limit)


def _table_sheet(ws: Worksheet, report: Report, table: Table) -> dict[str, float]:
    _head(ws, report, table.title)
    header = FIRST_ROW - 1
    for c, column in enumerate(table.columns, start=1):
        put_text(ws, header, c, column.title)
        cell = ws.cell(row=header, column=c)
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    cached: dict[str, float] = {}
    for index in range(len(table.rows)):
        _write_row(ws, table, index, cached)
    if table.note:
        put_text(ws, FIRST_ROW + len(table.rows) + 1, 1, table.note)
        ws.cell(row=FIRST_ROW + len(table.rows) + 1, column=1).font = Font(italic=True, size=9)
    _column_widths(ws, table)
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=2)
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # fitToWidth only counts with it on
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = f"{header}:{header}"  # the header row on every printed page
    return cached


def _chart_sheet(ws: Worksheet, report: Report, chart: Chart) -> None:
    _head(ws, report, chart.title)
    image = Image(io.BytesIO(charts.png(chart)))
    scale = 640 / image.width  # about 17 cm wide
    image.width, image.height = int(image.width * scale), int(image.height * scale)
    ws.add_image(image, f"A{FIRST_ROW}")
    _chart_data(ws, chart)


def _chart_data(ws: Worksheet, chart: Chart) -> None:
    """The chart's figures as numbers beside it (the recipient counts the picture shows)."""
    col = CHART_DATA_COLUMN
    put_text(ws, FIRST_ROW - 1, col, chart.unit or "Kategori")
    for i, series in enumerate(chart.series, start=1):
        put_text(ws, FIRST_ROW - 1, col + i, series.name)
        ws.cell(row=FIRST_ROW - 1, column=col + i).font = Font(bold=True)
        width = max(10, _longest_word(series.name) + 2, len(series.name) // 2)
        ws.column_dimensions[get_column_letter(col + i)].width = width
    for r, category in enumerate(chart.categories):
        put_text(ws, FIRST_ROW + r, col, category)
        for i, series in enumerate(chart.series, start=1):
            value = series.values[r] if r < len(series.values) else None
            cell = ws.cell(row=FIRST_ROW + r, column=col + i)
            cell.value = None if value is None else float(value)
            cell.number_format = "#,##0"
    ws.column_dimensions[get_column_letter(col)].width = 14


def _front_sheet(ws: Worksheet, report: Report, names: dict[int, str]) -> None:
    _head(ws, report, report.title)
    row = FIRST_ROW
    if report.subtitle:
        put_text(ws, row, 1, report.subtitle)
        row += 2
    for section in report.sections:
        put_text(ws, row, 1, section.title)
        ws.cell(row=row, column=1).font = Font(bold=True, color="1F4E79")
        row += 1
        for block in section.blocks:
            if isinstance(block, Paragraph):
                text = ("• " if block.bullet else "") + block.text
                put_text(ws, row, 1, text)
                ws.cell(row=row, column=1).font = Font(bold=block.emphasis)
            else:
                name = names[id(block)]
                put_text(ws, row, 1, f"{block.title} – se arket «{name}»")
                ws.cell(row=row, column=1).hyperlink = f"#'{name}'!A1"
            ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
            # wrapped text needs its height: viewers do not grow rows themselves
            lines = sum(
                1 + len(part) // FRONT_CHARS for part in str(ws.cell(row, 1).value).split("\n")
            )
            ws.row_dimensions[row].height = 15 * lines
            row += 1
        row += 1
    ws.column_dimensions["A"].width = FRONT_CHARS + 10


_EMPTY_VALUE = re.compile(r'(<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]*</f>)<v\s*/?>(?:</v>)?')


def _fill(xml: str, values: dict[str, float]) -> str:
    def value(m: re.Match[str]) -> str:
        return f"{m[1]}<v>{values[m[2]]!r}</v>" if m[2] in values else m[0]

    return _EMPTY_VALUE.sub(value, xml)


def _with_cached_values(data: bytes, cached: dict[int, dict[str, float]]) -> bytes:
    """Write each formula's value into the file (openpyxl leaves ``<v>`` empty)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            values = cached.get(int(match[1])) if match else None
            if values:
                content = _fill(content.decode("utf-8"), values).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def render(report: Report) -> bytes:
    workbook = Workbook()
    front = workbook.active
    assert front is not None
    used: set[str] = set()
    front.title = _sheet_name("Rapport", used)
    names: dict[int, str] = {}
    cached: dict[int, dict[str, float]] = {}
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                ws = workbook.create_sheet(_sheet_name(block.sheet_name or block.title, used))
                cached[len(workbook.worksheets)] = _table_sheet(ws, report, block)
            elif isinstance(block, Chart):
                ws = workbook.create_sheet(_sheet_name(block.title, used))
                _chart_sheet(ws, report, block)
            else:
                continue
            names[id(block)] = ws.title
    _front_sheet(front, report, names)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _with_cached_values(buffer.getvalue(), cached)
