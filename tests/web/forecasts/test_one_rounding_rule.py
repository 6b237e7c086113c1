"""The follow-up page rounds as the reports do: the same figures in 1.000 kr., and the rows
add to their subtotals and the Hovedtotal as shown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.test import Client

from ramme.reports.model import Cell, RowLevel
from ramme.reports.rounding import as_printed
from ramme.web.accounts.models import User
from ramme.web.front.danish_input import parse_money
from ramme.web.front.excel_tables import _TableReader
from ramme.web.reports.builders import BUILDERS
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import PASSWORD

BUDGET, ACTUAL, FORECAST = 2, 3, -3  # columns of the page (the as-of date's forecast)


def _page(username: str) -> list[list[str]]:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    reader = _TableReader("opfoelgning")
    reader.feed(client.get("/prognose/", {"dato": AS_OF.isoformat()}).content.decode())
    figures = [row for row in reader.rows[1:] if len(row) > 3]  # not the group headings
    # a cell over two columns («intet budget») stands in both
    rows = [[t for text, _, span in row for t in [text] * span] for row in figures]
    return [r for r in rows if r[0] != "Forventet resultat"]


def _tkr(text: str) -> Decimal:
    return Decimal(0) if text == "intet budget" else parse_money(text)


def _amount(cell: Cell) -> Decimal:
    assert isinstance(cell, Decimal | int), cell
    return Decimal(cell)


def _report() -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    report = as_printed(BUILDERS["monthly"].build({"as_of": AS_OF, "today": date(2024, 10, 5)}))
    table = next(t for t in report.tables() if t.title.startswith("Tabel 3"))
    return {
        str(r.cells[0]): (
            _amount(r.cells[1]) / 1000,
            _amount(r.cells[2]) / 1000,
            _amount(r.cells[-2]) / 1000,
        )
        for r in table.rows
        if r.level is not RowLevel.HEADING and isinstance(r.cells[1], Decimal | int)
    }


def test_page_and_report_print_the_same_figures_and_rows_add_up(example: dict[str, User]) -> None:
    page = _page("erik")
    report = _report()
    for row in page:
        name = row[0]
        if name in report and row[BUDGET] != "intet budget":
            shown = (_tkr(row[BUDGET]), _tkr(row[ACTUAL]), _tkr(row[FORECAST]))
            assert shown == report[name], name
    lines: list[list[str]] = []
    every: list[list[str]] = []
    for row in page:
        if row[0].startswith("Samlet") or row[0] == "Hovedtotal":
            parts = every if row[0] == "Hovedtotal" else lines
            for col in (BUDGET, ACTUAL, FORECAST, -1):  # and the expected result
                assert sum(_tkr(r[col]) for r in parts) == _tkr(row[col]), (row[0], col)
            every += lines
            lines = []
        else:
            lines.append(row)
