"""The monthly report (månedsrapport): every format, and the same figures as page and CLI."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from ramme.reports.model import ColumnKind, Report, RowLevel, Suppressed, Table, Typed
from ramme.reports.renderers import RENDERERS
from ramme.web.forecasts.services.followup import followup
from ramme.web.plans.loader import load_plan_data
from ramme.web.plans.services import followup as followup_services
from ramme.web.reports.builders import BUILDERS, parse_options
from ramme.web.reports.builders.monthly import indicator_line, plan_data
from tests.web.personas import PASSWORD
from tests.web.reports.test_monthly_data import AS_OF, CONCLUSION, PlanSetup, example_with_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_setup(db: None) -> PlanSetup:
    return example_with_plan()


def _build() -> Report:
    return BUILDERS["monthly"].build({"as_of": AS_OF, "today": date(2024, 10, 5)})


def _table(report: Report, prefix: str) -> Table:
    return next(t for t in report.tables() if t.title.startswith(prefix))


def test_every_format_renders(plan_setup: PlanSetup) -> None:
    report = _build()
    files = {fmt: RENDERERS[fmt].render(report) for fmt in RENDERERS}
    assert files["pdf"].startswith(b"%PDF")
    assert files["docx"][:2] == b"PK"
    book = load_workbook(io.BytesIO(files["xlsx"]))
    assert "Budgetopfølgning" in book.sheetnames
    html = files["html"].decode()
    assert "Antal modtagere" in html and "<svg" in html
    assert CONCLUSION in html  # the month's conclusion (delkonklusion), as text


def test_budget_table_is_the_follow_up_page_and_the_cli(plan_setup: PlanSetup) -> None:
    user, _, _ = plan_setup
    table = _table(_build(), "Tabel 3")
    fu = followup(AS_OF)
    total = next(r for r in table.rows if r.level is RowLevel.TOTAL).cells
    assert total[1] == fu.table.total.budget
    assert total[-2] == fu.table.total.forecast and total[-1] == fu.table.total.result
    first = fu.table.groups[0].rows[0]
    row = next(r for r in table.rows if r.cells[0] == first.activity)
    assert row.cells[1:] == (first.budget, first.actual, *first.forecasts, first.result)

    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    page = client.get("/prognose/", {"dato": AS_OF.isoformat()})
    assert page.status_code == 200
    assert page.context["fu"].table.total.forecast == total[-2]

    out = io.StringIO()
    call_command("forecast", "--as-of", AS_OF.isoformat(), "--json", stdout=out)
    cli = json.loads(out.getvalue())
    forecast, budget = total[-2], total[1]
    assert isinstance(forecast, Decimal) and isinstance(budget, Decimal)
    assert cli["total"]["forecast"] == pytest.approx(float(forecast))
    assert cli["total"]["budget"] == pytest.approx(float(budget))


def test_effect_table_is_the_plan_page(plan_setup: PlanSetup) -> None:
    user, plan, _ = plan_setup
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    page = client.get(f"/handleplaner/{plan.pk}/", {"dato": AS_OF.isoformat()})
    shown = page.context["total"]
    total = _table(_build(), "Tabel 2").rows[-1].cells
    assert total[1:] == (
        shown.expected_year,
        shown.expected_to_date,
        shown.realised,
        shown.difference,
    )
    assert shown.expected_year == Decimal(-10_000) * sum(range(3, 13)) * 2


def test_summary_says_whether_a_plan_is_required(plan_setup: PlanSetup) -> None:
    report = _build()
    fu = followup(AS_OF)
    texts = [b.text for b in report.sections[0].blocks if hasattr(b, "text")]
    assert fu.action_plan.reason in texts


def _children_counts(report: Report) -> list[object]:
    values: list[object] = []
    for table in report.tables():
        for col, column in enumerate(table.columns):
            if column.kind is ColumnKind.COUNT or table.title.startswith("Pejlemærker"):
                values += [row.cells[col] for row in table.rows]
    for chart in report.charts():
        values += [v for s in chart.series for v in s.values]
    return values


def test_no_count_of_one_to_four_children_is_shown(plan_setup: PlanSetup) -> None:
    report = _build()
    values = _children_counts(report)
    assert any(isinstance(v, Suppressed) for v in values)  # the example is small: some hidden
    plain = [v.value if isinstance(v, Typed) else v for v in values]
    assert not [v for v in plain if isinstance(v, int) and 0 < v < 5]
    html = RENDERERS["html"].render(report).decode()
    assert "&lt;5" in html


def test_web_page_and_download(plan_setup: PlanSetup) -> None:
    user, _, _ = plan_setup
    assert parse_options("monthly", {"as_of": "2024-09-30"})["as_of"] == AS_OF
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    page = client.get("/rapporter/vis/monthly/", {"as_of": "2024-09-30"})
    assert page.status_code == 200 and "Månedsrapport" in page.content.decode()
    download = client.get("/rapporter/hent/monthly/xlsx/", {"as_of": "2024-09-30"})
    assert download.status_code == 200


def test_plan_data_is_what_the_plans_pages_load(plan_setup: PlanSetup) -> None:
    assert plan_data() == load_plan_data()


def test_conclusion_text_stays_text_in_excel(plan_setup: PlanSetup) -> None:
    book = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(_build())))
    cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value]
    found = [c for c in cells if CONCLUSION in str(c.value)]
    assert found and all(c.data_type == "s" for c in found)
    assert not [c for c in cells if str(c.value).startswith("=") and "SUM(A1)" in str(c.value)]


def test_indicator_status_is_the_indicator_page(plan_setup: PlanSetup) -> None:
    user, _, indicator = plan_setup
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    page = client.get(f"/handleplaner/pejlemaerker/{indicator.pk}/", {"dato": AS_OF.isoformat()})
    assert page.status_code == 200
    status = page.context["status"]
    line = indicator_line(indicator, load_plan_data(), AS_OF, "")
    assert (line.baseline, line.goal, line.achieved) == (
        status.baseline,
        status.goal,
        status.achieved,
    )
    assert line.value == status.latest.value


def test_average_duration_is_hidden_when_fewer_than_five_children_ended(
    plan_setup: PlanSetup,
) -> None:
    user, plan, _ = plan_setup
    indicator = followup_services.save_indicator(user, {
        "name": "Kortere familiepleje", "area": "Anbringelser", "plan": plan,
        "kind": "average_duration", "measure_types": "PLF",
        "baseline_from": date(2024, 1, 1), "baseline_to": date(2024, 3, 31),
        "change": Decimal("-0.10"), "relative": True, "target_date": date(2024, 12, 31),
    })  # fmt: skip
    line = indicator_line(indicator, load_plan_data(), AS_OF, "")
    # of the example's three in foster care (PLF) only M011 ended by 30.09.2024
    assert line.value == (date(2024, 8, 23) - date(2023, 5, 1)).days + 1
    assert line.children == 1  # not the two still in foster care
    row = next(r for t in _build().tables() for r in t.rows if r.cells[0] == line.name)
    assert isinstance(row.cells[3], Suppressed)


def test_children_started_is_a_count_of_the_children_behind_it(plan_setup: PlanSetup) -> None:
    user, plan, _ = plan_setup
    indicator = followup_services.save_indicator(user, {
        "name": "Færre nye børn", "area": "Anbringelser", "plan": plan,
        "kind": "children_started", "measure_types": "",
        "baseline_from": date(2024, 1, 1), "baseline_to": date(2024, 3, 31),
        "change": Decimal(-1), "relative": False, "target_date": date(2024, 12, 31),
    })  # fmt: skip
    line = indicator_line(indicator, load_plan_data(), AS_OF, "")
    assert (line.value, line.children) == (Decimal(4), 4)  # started 01.10.2023-30.09.2024
    row = next(r for t in _build().tables() for r in t.rows if r.cells[0] == line.name)
    assert row.cells[1] == Typed(12, ColumnKind.COUNT)  # a count, not kroner
    assert row.cells[2] == Typed(11, ColumnKind.COUNT)
    assert isinstance(row.cells[3], Suppressed)  # 4 children: «<5»
