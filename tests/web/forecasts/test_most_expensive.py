"""The most expensive cases are one ranking: the follow-up page, the annual report's
restricted version and the what-if of a lower price name the same cases in the same order
on the same date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.periods import Month
from ramme.core.plans.whatif import price_cut
from ramme.reports.model import Cell, Report, Table
from ramme.web.accounts.models import User
from ramme.web.data.dataset import load_dataset
from ramme.web.reports.builders import BUILDERS
from tests.web.personas import login

YEAR_END = date(2024, 12, 31)


def _amount(cell: Cell) -> Decimal:
    assert isinstance(cell, Decimal | int), cell
    return Decimal(cell)


def _report_table(report: Report, title: str) -> Table:
    tables = [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    return next(t for t in tables if t.title == title)


def test_page_report_and_whatif_name_the_same_cases_in_the_same_order(
    example: dict[str, User],
) -> None:
    page = login("erik").get("/prognose/", {"dato": YEAR_END.isoformat()})
    on_page = [row.measure_id for row in page.context["expensive"]]
    report = BUILDERS["annual"].build({"year": 2024, "today": YEAR_END, "restricted": True})
    table = _report_table(report, "De dyreste sager 2024")
    in_report = [row.cells[0] for row in table.rows]
    data = load_dataset(postings=False)
    types = frozenset(data.measure_types)
    whatif = price_cut(data.measures, types, 10, Decimal("0.1"), Month(2024, 12), YEAR_END,
                       data.price_index)  # fmt: skip
    assert len(on_page) >= 5
    assert on_page == in_report == list(whatif.measure_ids)
    prices = [row.yearly_price for row in page.context["expensive"]]
    assert prices == sorted(prices, reverse=True)
    # the same yearly price, the report's rounded at the edge as the page's is
    assert prices == [_amount(row.cells[4]).quantize(Decimal(1)) for row in table.rows]
