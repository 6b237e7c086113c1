"""Every table on a page as an Excel download (``?excel=<table id>``).

The page is rendered as usual and the table with that id is read back from its HTML, so
the workbook holds exactly the figures the page shows (computed once, formatted by the
page). Numbers become number cells through the one money parser (``9.400.000``,
``-3,3``, ``12,5 %``) with Danish display formats; text stays text and can never become a
formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import wraps
from html.parser import HTMLParser
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ramme.importing.errors import ParseError
from ramme.reports.renderers.xlsx import CONTENT_TYPE, put_text
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.front.danish_input import parse_money

NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
PARAMETER = "excel"


class _TableReader(HTMLParser):
    """The rows (cell text, is header) of the table with ``table_id``."""

    def __init__(self, table_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.table_id, self.depth = table_id, 0
        self.caption = ""
        self.rows: list[list[tuple[str, bool, int]]] = []
        self.cell: list[str] | None = None
        self.in_caption = False
        self.header = False
        self.span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "table" and (self.depth or values.get("id") == self.table_id):
            self.depth += 1
        if not self.depth:
            return
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell, self.header = [], tag == "th"
            self.span = int(values.get("colspan") or 1)
        elif tag == "caption":
            self.in_caption = True
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag in ("td", "th") and self.cell is not None and self.rows:
            text = " ".join("".join(self.cell).split())
            self.rows[-1].append((text, self.header, self.span))
            self.cell = None
        elif tag == "caption":
            self.in_caption = False
        elif tag == "table":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_caption:
            self.caption += data
        elif self.cell is not None:
            self.cell.append(data)


def _number(text: str) -> tuple[float, str] | None:
    """``1.234`` → (1234, '#,##0'); ``12,5 %`` → (0.125, '0.0%'); text → None."""
    percent = text.endswith("%")
    core = text.removesuffix("%").removesuffix("kr.").strip().replace("−", "-")
    if not NUMBER.match(core):
        return None
    try:
        value = parse_money(core)
    except ParseError:
        return None
    decimals = len(core.split(",")[1]) if "," in core else 0
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if percent:
        return float(value / 100), "[$-406]0" + ("." + "0" * decimals if decimals else "") + "%"
    return float(value), "[$-406]" + pattern


def table_workbook(html: str, table_id: str, title: str) -> bytes | None:
    """The table ``table_id`` of ``html`` as a workbook, or None when the page has none."""
    reader = _TableReader(table_id)
    reader.feed(html)
    if not reader.rows:
        return None
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = re.sub(r"[\[\]:*?/\\]", " ", table_id)[:31]
    put_text(ws, 1, 1, reader.caption.strip() or title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=13, color="1F4E79")
    first = 3
    for r, row in enumerate(reader.rows, start=first):
        c = 1
        for text, header, span in row:
            cell = ws.cell(row=r, column=c)
            number = None if (header and c > 1 and r == first) else _number(text)
            if number is not None and not (header and c == 1):
                cell.value, cell.number_format = number
                cell.alignment = Alignment(horizontal="right")
            else:
                put_text(ws, r, c, text)
            if header and r == first:
                cell.font, cell.fill = Font(bold=True, color="FFFFFF"), HEADER_FILL
            c += span
    ws.column_dimensions["A"].width = 40
    ws.freeze_panes = ws.cell(row=first + 1, column=2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def excel_tables(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let ``?excel=<id>`` download the page's table ``<id>`` instead of the page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        table_id = request.GET.get(PARAMETER, "")
        if not table_id or response.status_code != 200 or not hasattr(response, "content"):
            return response
        data = table_workbook(response.content.decode("utf-8"), table_id, table_id)
        if data is None:
            raise Http404("Tabellen findes ikke på siden.")
        user = request.user if isinstance(request.user, User) else None
        record_access(user, AuditEvent.Action.EXPORT, "table", table_id, detail=request.path)
        download = HttpResponse(data, content_type=CONTENT_TYPE)
        name = re.sub(r"[^a-z0-9-]+", "-", table_id.lower()).strip("-") or "tabel"
        download["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return download

    return wrapped
