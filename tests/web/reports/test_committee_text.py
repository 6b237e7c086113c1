"""Committee documents need no retouching: the defects found in the September-2024 trial,
each held by a test (indicator values, no data, captions, dates, demo wording)."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from ramme.reports.model import Paragraph, Report, Typed
from ramme.reports.renderers import RENDERERS
from ramme.web.plans.models import Indicator
from ramme.web.reports.builders import BUILDERS
from tests.web.reports.test_monthly_data import AS_OF, example_with_plan

pytestmark = pytest.mark.django_db


def monthly() -> Report:
    return BUILDERS["monthly"].build({"as_of": AS_OF, "today": date(2024, 10, 5)})


def test_indicator_values_are_numbers_in_excel(db: None) -> None:
    example_with_plan()
    report = monthly()
    table = next(t for t in report.tables() if t.title.startswith("Pejlemærker"))
    assert any(isinstance(c, Typed) for r in table.rows for c in r.cells)
    book = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(report)))
    sheet = book[next(n for n in book.sheetnames if n.startswith("Pejlemærker"))]
    values = [c.value for row in sheet.iter_rows(min_row=5) for c in row[1:3]]
    assert any(isinstance(v, int | float) for v in values), values


def test_an_indicator_without_data_reads_ingen_data(db: None) -> None:
    _, _, indicator = example_with_plan()
    Indicator.objects.filter(pk=indicator.pk).update(measure_types="XYZ")  # counts nothing
    table = next(t for t in monthly().tables() if t.title.startswith("Pejlemærker"))
    row = next(r for r in table.rows if r.cells[0] == indicator.name)
    assert row.cells[-1] == "ingen data" and "Opfyldt" not in row.cells


def test_no_demo_or_test_wording_and_no_double_full_stops(db: None) -> None:
    example_with_plan()
    for report in (monthly(), BUILDERS["annual"].build({"year": 2024, "today": date(2025, 2, 1)})):
        texts = [b.text for s in report.sections for b in s.blocks if isinstance(b, Paragraph)]
        for text in texts:
            assert "kr.." not in text and "seed" not in text.lower(), text
            assert ": Delkonklusion:" not in text, text


def test_word_keeps_captions_with_their_tables_and_charts(db: None) -> None:
    example_with_plan()
    xml = (
        zipfile.ZipFile(io.BytesIO(RENDERERS["docx"].render(monthly())))
        .read("word/document.xml")
        .decode()
    )
    for caption in ("Tabel 3. Budget og forventet forbrug", "Figur 1. Antal modtagere"):
        start = xml.index(caption)
        paragraph = xml[xml.rindex("<w:p>", 0, start) if "<w:p>" in xml[:start] else 0 : start]
        assert "<w:keepNext/>" in paragraph, caption


def test_action_plan_dates_are_date_cells_in_excel(db: None) -> None:
    _, plan, _ = example_with_plan()
    report = BUILDERS["actionplan"].build({"id": plan.pk, "as_of": AS_OF, "today": AS_OF})
    sheet = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(report)))["Hoved"]
    cell = next(row[1] for row in sheet.iter_rows() if row[0].value == "Opstart af handleplan")
    assert cell.is_date and cell.value.date() == plan.start_date
    assert "dd.mm.yyyy" in cell.number_format
    assert "01.03.2024" in RENDERERS["html"].render(report).decode()
