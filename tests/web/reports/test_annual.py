"""The annual report from the database: one builder call feeds the page, the CLI and the files."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook
from pytest_django import DjangoAssertNumQueries, Settings

from ramme.reports.cells import format_cell
from ramme.reports.model import Report, Suppressed, Table
from ramme.reports.renderers.html import render_body
from ramme.reports.rounding import round_to
from ramme.web.reports.builders import BUILDERS, OptionError, parse_options
from ramme.web.reports.builders.annual import annual_figures
from tests.web.personas import personas
from tests.web.reports.data import build_municipality

pytestmark = pytest.mark.django_db


def _build(year: int = 2024) -> Report:
    return BUILDERS["annual"].build({"year": year, "today": date(2025, 2, 1)})


def _table(report: Report, prefix: str) -> Table:
    return next(t for t in report.tables() if t.title.startswith(prefix))


def _shown(table: Table) -> list[str]:
    return [
        format_cell(v, c.kind)
        for r in table.rows
        for v, c in zip(r.cells, table.columns, strict=True)
    ]


def test_figures_come_from_the_shared_ledger_and_budget_queries() -> None:
    build_municipality()
    figures = annual_figures(2024, date(2025, 2, 1))
    total = figures.total()
    assert total.adopted == Decimal(2_500_000)
    assert total.corrected == Decimal(2_550_000)
    assert total.accounts == Decimal("2487654.90")
    assert total.transfers == Decimal(25_000)
    assert total.result == total.accounts + Decimal(25_000)


def test_development_tables_suppress_fewer_than_five_children() -> None:
    build_municipality()
    report = _build()
    units = _table(report, "Tabel 4")
    rows = {r.cells[0]: r.cells[1:] for r in units.rows}
    assert rows["Indgribende foranstaltninger"][-1] == 6
    assert isinstance(rows["Foregribende indsatser"][-1], Suppressed)
    prices = {r.cells[0]: r.cells[1:] for r in _table(report, "Tabel 3").rows}
    # 1.000 kr. a day regulated by 2 % on 1 January 2024: 372.300 kr. per full-year case
    assert prices["Indgribende foranstaltninger"][-1] == pytest.approx(Decimal(372_300))
    assert isinstance(prices["Foregribende indsatser"][-1], Suppressed)


def test_page_cli_and_files_show_the_same_figures(tmp_path: Path) -> None:
    build_municipality()
    report = _build()
    table2 = _table(report, "Tabel 2.")
    expected = [s for s in _shown(table2) if s and s[0].isdigit()]
    client = Client()
    client.force_login(personas()["erik"])
    page = client.get("/rapporter/vis/annual/", {"year": 2024}).content.decode()
    assert render_body(report).split("<h2>", 1)[1][:2000] in page
    for text in expected:
        assert text in page
    assert "2.024" not in page  # years are never shown with a thousands separator
    out = tmp_path / "r.xlsx"
    call_command(
        "report",
        "annual",
        "--year",
        "2024",
        "--format",
        "xlsx",
        "-o",
        str(out),
        "--today",
        "2025-02-01",
    )
    sheet = load_workbook(out)["Tabel 2"]
    excel = [c for row in sheet.iter_rows(min_row=5, max_col=6, values_only=True) for c in row]
    numbers = [float(v) for v in excel if isinstance(v, int | float)]
    for row in table2.rows[:-1]:
        for value in row.cells[1:]:
            # Excel holds the figures as printed (one rounding rule), in 1.000 kr.
            assert isinstance(value, Decimal | int)
            assert float(round_to(value, Decimal(1000)) / 1000) in numbers


def test_download_button_serves_each_format() -> None:
    build_municipality()
    client = Client()
    client.force_login(personas()["alice"])
    page = client.get("/rapporter/vis/annual/", {"year": 2024}).content.decode()
    for fmt in ("html", "docx", "xlsx"):  # pdf is covered by the CLI test below
        assert f"/rapporter/hent/annual/{fmt}/?year=2024" in page
        response = client.get(f"/rapporter/hent/annual/{fmt}/", {"year": 2024})
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
    book = load_workbook(
        io.BytesIO(client.get("/rapporter/hent/annual/xlsx/", {"year": 2024}).content)
    )
    assert "Tabel 1" in book.sheetnames


def test_cli_writes_a_pdf(tmp_path: Path) -> None:
    build_municipality()
    out = tmp_path / "regnskab.pdf"
    call_command("report", "annual", "--year", "2024", "--format", "pdf", "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")


def test_options_are_parsed_by_the_builders_own_definition() -> None:
    assert parse_options("annual", {"year": "2017", "junk": "x"})["year"] == 2017
    with pytest.raises(OptionError):
        parse_options("annual", {"year": "sidste år"})
    client = Client()
    client.force_login(personas()["erik"])
    assert client.get("/rapporter/vis/annual/").status_code == 400


def test_transfers_are_entered_per_year_and_change_the_result() -> None:
    lines = build_municipality()
    client = Client()
    client.force_login(personas()["erik"])
    data = {
        "frame": "1.000",
        f"line_{lines['Familiepleje'].pk}": "10.000,50",
        f"line_{lines['Kontaktperson'].pk}": "",
    }
    response = client.post("/rapporter/overfoersler/2024/", data)
    assert response.status_code == 302
    assert annual_figures(2024, date(2025, 2, 1)).total().transfers == Decimal("11000.50")


def test_caseworkers_cannot_change_transfers() -> None:
    build_municipality()
    client = Client()
    client.force_login(personas()["alice"])
    assert client.post("/rapporter/overfoersler/2024/", {"frame": "1"}).status_code == 403


def test_the_configured_name_and_logo_head_the_report(settings: Settings, tmp_path: Path) -> None:
    from ramme.reports import charts
    from ramme.reports.model import Chart, ChartKind, Series
    from ramme.reports.renderers import RENDERERS

    logo = tmp_path / "logo.png"
    logo.write_bytes(charts.png(Chart("logo", ChartKind.BAR, ("a",), (Series("x", (1,)),))))
    settings.MUNICIPALITY_NAME = "Ballerup Kommune"
    settings.MUNICIPALITY_LOGO = str(logo)
    report = _build()
    assert report.municipality == "Ballerup Kommune" and report.logo == logo
    assert "data:image/png;base64," in RENDERERS["html"].render(report).decode()


def test_the_restricted_version_lists_cases_only_for_managers_and_is_logged() -> None:
    from ramme.web.accounts.models import AuditEvent

    build_municipality()
    people = personas()
    client = Client()
    restricted = {"year": "2024", "restricted": "1"}
    client.force_login(people["tina"])
    assert client.get("/rapporter/vis/annual/", restricted).status_code == 403
    client.force_login(people["erik"])
    page = client.get("/rapporter/vis/annual/", restricted).content.decode()
    assert "Fortroligt – ledelsesversion" in page and "barn-0" in page
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, object_key="annual").exists()
    ordinary = client.get("/rapporter/vis/annual/", {"year": 2024}).content.decode()
    assert "barn-0" not in ordinary and "Fortroligt" not in ordinary.split("<article", 1)[1]


def test_the_builder_reads_the_database_a_fixed_number_of_times(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    build_municipality()
    # a fixed number, whatever the data's size: the figures, the benchmark files and the texts
    with django_assert_max_num_queries(16):
        _build()
