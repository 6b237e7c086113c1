"""The initiative portfolio: web forms, XLSX import (all or nothing) and the report."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client
from openpyxl import Workbook, load_workbook
from pytest_django import DjangoAssertNumQueries

from ramme.reports.renderers import RENDERERS
from ramme.web.demo import portfolio as demo_portfolio
from ramme.web.reports.builders import BUILDERS
from ramme.web.reports.models import FocusArea, Initiative, InitiativeBudgetNeed
from ramme.web.reports.services.portfolio_import import import_portfolio
from tests.web.personas import personas

pytestmark = pytest.mark.django_db

# the portfolio sheet's columns, as the demo writes them, and two years of budget needs
HEADER = [*demo_portfolio.HEADER, "Budgetbehov 2010", "Budgetbehov 2011"]
ROWS = [
    [
        "Tidlig indsats i forhold til udsatte børn",
        "Tidligere og bedre hjælp til børn med skolevanskeligheder",
        "Der sættes ikke altid rettidigt ind over for bekymrende fravær",
        "Hurtig reaktion ved skolefravær",
        "Finansieres inden for den eksisterende budgetramme",
        "",
        "Flere børn fastholdes i normalsystemet",
        "Der er nedsat arbejdsgruppe",
        2010,
        None,
        None,
    ],
    [
        "",
        "",
        "",
        "Skoleskalkerklasser",
        "4 mill. kr. (delt ligeligt mellem SOF og BUF)",
        "Budgettilførsel",
        "Flere børn får en kvalificerende skolegang",
        "Forudsætter budgettilførsel",
        2011,
        "4.000.000",
        4000000,
    ],
    [
        "Bedre myndighedsarbejde",
        "Kvalitet og systematik i sagsarbejdet",
        "Ikke alle formelle krav overholdes",
        "Anskaffelse af nyt IT-system",
        "=3 mill. kr. (i 2 år)",
        "Budgettilførsel",
        "Mere systematisk sagsbehandling",
        "Igangsættes umiddelbart",
        2010,
        3000000,
        3000000,
    ],
]


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str = "portefoelje.xlsx") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    # keep a text cell starting with '=' as text, as a user's export would
    for cell in sheet["E"]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
    path = tmp_path / name
    book.save(path)
    return path


def test_import_fills_down_merged_cells_and_reads_budget_need_per_year(tmp_path: Path) -> None:
    result = import_portfolio(_xlsx(tmp_path, ROWS))
    assert (result.created, result.errors) == (3, [])
    school = Initiative.objects.get(action="Skoleskalkerklasser")
    assert school.sub_strategy.focus_area.name == "Tidlig indsats i forhold til udsatte børn"
    assert school.problem.startswith("Der sættes ikke altid")
    assert {n.year: n.amount for n in school.budget_needs.all()} == {
        2010: 4_000_000,
        2011: 4_000_000,
    }
    again = import_portfolio(_xlsx(tmp_path, ROWS))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_a_bad_row_names_file_row_column_and_changes_nothing(tmp_path: Path) -> None:
    bad = [list(r) for r in ROWS]
    bad[1][8] = "snart"
    bad[2][10] = "mange penge"
    result = import_portfolio(_xlsx(tmp_path, bad, "fejl.xlsx"))
    messages = [str(e) for e in result.errors]
    assert any("fejl.xlsx, række 3, kolonne Anbefalet implementeringsstart" in m for m in messages)
    assert any("fejl.xlsx, række 4, kolonne Budgetbehov 2011" in m for m in messages)
    assert not Initiative.objects.exists() and not FocusArea.objects.exists()


def test_a_missing_column_is_reported(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Fokusområde", "Problem"])
    path = tmp_path / "kort.xlsx"
    book.save(path)
    errors = [str(e) for e in import_portfolio(path).errors]
    assert "kort.xlsx, række 1, kolonne Delstrategi: kolonnen mangler" in errors


def test_the_web_form_creates_an_initiative_and_shows_errors_beside_fields() -> None:
    client = Client()
    client.force_login(personas()["erik"])
    empty = client.post(
        "/rapporter/portefoelje/ny/", {"behov-TOTAL_FORMS": "1", "behov-INITIAL_FORMS": "0"}
    )
    html = empty.content.decode()
    assert empty.status_code == 200
    assert 'id="id_action-fejl"' in html and "Dette felt er påkrævet" in html
    data = {
        "focus_area": "Udvikling af anbringelsesviften",
        "sub_strategy": "Tilbage til familien",
        "action": "Flere børn anbringes i netværkspleje",
        "yearly_cost_text": "2 mill. kr.",
        "yearly_cost": "2.000.000",
        "start_year": "2011",
        "behov-TOTAL_FORMS": "2",
        "behov-INITIAL_FORMS": "0",
        "behov-0-year": "2011",
        "behov-0-amount": "2.000.000,00",
        "behov-1-year": "",
        "behov-1-amount": "",
    }
    assert client.post("/rapporter/portefoelje/ny/", data).status_code == 302
    created = Initiative.objects.get()
    assert created.yearly_cost == Decimal(2_000_000)
    assert InitiativeBudgetNeed.objects.get().amount == Decimal(2_000_000)
    data["behov-0-amount"] = ""
    response = client.post(f"/rapporter/portefoelje/{created.pk}/", data)
    assert "Udfyld både år og beløb." in response.content.decode()


def test_caseworkers_see_the_portfolio_but_cannot_edit_it() -> None:
    client = Client()
    client.force_login(personas()["alice"])
    assert client.get("/rapporter/portefoelje/").status_code == 200
    assert client.get("/rapporter/portefoelje/ny/").status_code == 403


def test_portfolio_report_sums_budget_need_per_year_in_every_format(tmp_path: Path) -> None:
    import_portfolio(_xlsx(tmp_path, ROWS))
    report = BUILDERS["portfolio"].build(
        {"today": date(2025, 1, 1), "title": "Initiativportefølje"}
    )
    budget = next(t for t in report.tables() if "Budgetbehov" in t.title)
    assert budget.rows[-1].cells[2:] == (Decimal(7_000_000), Decimal(7_000_000))
    files = {fmt: r.render(report) for fmt, r in RENDERERS.items()}
    assert "7.000.000" in files["html"].decode()
    assert files["pdf"].startswith(b"%PDF")
    book = load_workbook(io.BytesIO(files["xlsx"]))
    sheet = book["Budgetbehov"]
    total = next(row for row in sheet.iter_rows(min_row=5, values_only=True) if row[0] == "I alt")
    assert total[2] == "=SUM(C5:C6)"
    cost = [
        c
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value == "=3 mill. kr. (i 2 år)"
    ]
    assert cost and all(c.data_type == "s" for c in cost)
    client = Client()
    client.force_login(personas()["alice"])
    page = client.get("/rapporter/vis/portfolio/").content.decode()
    assert "Skoleskalkerklasser" in page and "7.000.000" in page


def test_the_portfolio_builder_reads_the_database_twice(
    tmp_path: Path,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    import_portfolio(_xlsx(tmp_path, ROWS))
    with django_assert_num_queries(2):
        BUILDERS["portfolio"].build({"today": date(2025, 1, 1), "title": ""})
