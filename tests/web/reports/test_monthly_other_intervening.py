"""Document 001's «Øvrige områder under indgribende indsatser»: the intervening step's types
that are not placements get a chart of their own (with its values) in every format, and are
no longer counted among Anbringelser."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from ramme.core.ladder import LadderStep, is_placement
from ramme.reports.model import Chart, Report
from ramme.reports.renderers import RENDERERS
from ramme.web.data.models import ActivityLine, Child, Measure, MeasureType
from ramme.web.forecasts.services import cache
from ramme.web.reports.builders import BUILDERS
from tests.web.reports.test_monthly_data import AS_OF, PlanSetup, example_with_plan

pytestmark = pytest.mark.django_db
AREA = "Øvrige indgribende foranstaltninger"
CHILDREN = 6


def _build() -> Report:
    cache.clear()  # the prepared data are cached per process: new measures must be seen
    return BUILDERS["monthly"].build({"as_of": AS_OF, "today": date(2024, 10, 5)})


def _chart(report: Report, area: str) -> Chart | None:
    return next((c for c in report.charts() if c.title.endswith(area.lower())), None)


def _sanctions() -> None:
    """Six children with a youth sanction: intervening, but not a placement."""
    line = ActivityLine.objects.get(name="Døgninstitution")
    kind = MeasureType.objects.create(code="USA", name="Ungdomssanktion",
                                      ladder_step="indgribende", activity=line)  # fmt: skip
    for n in range(CHILDREN):
        child = Child.objects.create(key=f"usa-{n}")
        Measure.objects.create(measure_id=f"usa-{n}", child=child, measure_type=kind,
                               start_date=date(2024, 1, 1))  # fmt: skip


def test_placements_are_the_laws_kinds_on_the_intervening_step() -> None:
    for name in (
        "Plejefamilie",
        "Netværksplejefamilie",
        "Socialpædagogisk opholdssted",
        "Døgninstitution",
        "Eget værelse",
        "Kost- og efterskole",
        "Sikret institution",
    ):
        assert is_placement(LadderStep.INTERVENING, name), name
    assert not is_placement(LadderStep.INTERVENING, "Ungdomssanktion")
    assert not is_placement(LadderStep.ANTICIPATING, "Aflastning i plejefamilie")


def test_the_other_intervening_types_have_their_own_chart(plan_setup: PlanSetup) -> None:
    before = _build()
    assert _chart(before, AREA) is None  # the example has none: no empty chart
    placements = _chart(before, "Anbringelser")
    _sanctions()
    after = _build()
    chart = _chart(after, AREA)
    assert chart is not None
    assert chart.series[0].values[-1] == CHILDREN
    assert _chart(after, "Anbringelser") == placements  # not counted there any more
    titles = [c.title for c in after.charts()]
    assert placements is not None
    assert titles.index(chart.title) == titles.index(placements.title) + 1


def test_the_chart_and_its_values_are_in_every_format(plan_setup: PlanSetup) -> None:
    _sanctions()
    report = _build()
    chart = _chart(report, AREA)
    assert chart is not None
    html = RENDERERS["html"].render(report).decode()
    assert chart.title in html and AREA in html
    document = Document(io.BytesIO(RENDERERS["docx"].render(report)))
    assert any(chart.title in p.text for p in document.paragraphs)
    book = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(report)))
    sheets = [ws for ws in book.worksheets if ws._images
              and any(chart.title == c.value for row in ws.iter_rows() for c in row)]  # fmt: skip
    assert len(sheets) == 1  # the chart's own sheet, with the picture
    numbers = [c.value for row in sheets[0].iter_rows() for c in row
               if isinstance(c.value, int | float)]  # fmt: skip
    assert CHILDREN in numbers  # the recipients as data beside the chart
    assert RENDERERS["pdf"].render(report).startswith(b"%PDF")


@pytest.fixture
def plan_setup(db: None) -> PlanSetup:
    return example_with_plan()
