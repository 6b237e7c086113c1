"""Tables 3-4 of the annual accounts: the row «Småbørnsstøtte og specialinstitutioner"
(document 002) from the measures booked on its activity lines, in every format."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook
from pytest_django import Settings

from ramme.reports.model import Report, Table
from ramme.reports.renderers import RENDERERS
from ramme.web.data.models import ActivityLine, Child, Measure, MeasureType, PricePeriod
from ramme.web.reports.builders import BUILDERS
from tests.web.reports.data import build_municipality

pytestmark = pytest.mark.django_db
LABEL = "Småbørnsstøtte og specialinstitutioner"


def _special_line(children: int, name: str = "Småbørnsstøtte og Specialinstitutioner") -> None:
    """A line on the step «øvrige» with ``children`` measures of a type of its own."""
    line = ActivityLine.objects.create(name=name, ladder_step="oevrige", position=3)
    kind = MeasureType.objects.create(code="SPI", name="Specialinstitution",
                                      ladder_step="indgribende", activity=line)  # fmt: skip
    for n in range(children):
        child = Child.objects.create(key=f"spi-{n}")
        measure = Measure.objects.create(measure_id=f"spi-{n}", child=child, measure_type=kind,
                                         start_date=date(2023, 1, 1))  # fmt: skip
        PricePeriod.objects.create(measure=measure, valid_from=date(2023, 1, 1), kind="base",
                                   amount=Decimal(500), unit="day")  # fmt: skip


def _build() -> Report:
    return BUILDERS["annual"].build({"year": 2024, "today": date(2025, 2, 1)})


def _rows(report: Report, prefix: str) -> dict[str, tuple[object, ...]]:
    table: Table = next(t for t in report.tables() if t.title.startswith(prefix))
    return {str(r.cells[0]): r.cells[1:] for r in table.rows}


def test_the_row_counts_the_measures_of_its_lines_and_not_under_their_step() -> None:
    build_municipality()
    _special_line(5)
    units, prices = _rows(_build(), "Tabel 4"), _rows(_build(), "Tabel 3")
    assert units[LABEL][-1] == 5  # its type is «indgribende», yet it counts on its own row
    assert units["Indgribende foranstaltninger"][-1] == 6  # the six foster families only
    assert units["I alt"][-1] == 6 + 2 + 5
    # 500 kr. a day, regulated by 2 % on 1 January 2024, per full-year case (365 days)
    assert prices[LABEL][-1] == pytest.approx(Decimal(500) * Decimal("1.02") * 365)
    names = list(units)
    assert names.index(LABEL) > names.index("Indgribende foranstaltninger")


def test_the_row_is_in_every_format() -> None:
    build_municipality()
    _special_line(5)
    report = _build()
    assert LABEL in RENDERERS["html"].render(report).decode()
    document = Document(io.BytesIO(RENDERERS["docx"].render(report)))
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert LABEL in cells
    book = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(report)))
    for sheet in ("Tabel 3", "Tabel 4"):
        assert LABEL in [c.value for c in book[sheet]["A"]], sheet
    assert RENDERERS["pdf"].render(report).startswith(b"%PDF")  # text: the golden files


def test_a_municipality_names_its_own_lines(settings: Settings) -> None:
    build_municipality()
    _special_line(6, name="Specialklubber")
    settings.SPECIALISED_ROW = {LABEL: ("Specialklubber",)}
    assert _rows(_build(), "Tabel 4")[LABEL][-1] == 6
    settings.SPECIALISED_ROW = {}
    units = _rows(_build(), "Tabel 4")
    assert LABEL not in units and units["Indgribende foranstaltninger"][-1] == 12


def test_without_such_a_line_there_is_no_row(settings: Settings) -> None:
    assert settings.SPECIALISED_ROW == {LABEL: (LABEL,)}  # the default: a line of that name
    build_municipality()
    units = _rows(_build(), "Tabel 4")
    assert LABEL not in units and list(units)[-1] == "I alt"


def test_a_line_without_measures_reads_no_data_not_zero() -> None:
    """The demo's Småbørnsstøtte is paid by salary: no measures, so no units or price."""
    build_municipality()
    ActivityLine.objects.create(name="Småbørnsstøtte og Specialinstitutioner",
                                ladder_step="oevrige", position=3)  # fmt: skip
    report = _build()
    for table in ("Tabel 3", "Tabel 4"):
        assert set(_rows(report, table)[LABEL]) == {"ingen data"}, table
    units = _rows(report, "Tabel 4")
    assert units["I alt"][-1] == 6 + 2
    note = next(t for t in report.tables() if t.title.startswith("Tabel 4")).note
    assert "ingen indsatser registreret" in note
    book = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(report)))
    row = next(r for r in book["Tabel 4"].iter_rows(values_only=True) if r[0] == LABEL)
    assert set(row[1:5]) == {"ingen data"}
    assert RENDERERS["docx"].render(report)[:2] == b"PK"
