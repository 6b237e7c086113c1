"""The action-plan report (handleplan): every format, the plans page's figures, bad ids."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from openpyxl import load_workbook

from ramme.reports.model import Report, RowLevel, Table
from ramme.reports.renderers import RENDERERS
from ramme.web.plans import figures
from ramme.web.reports.builders import BUILDERS, OptionError, parse_options
from tests.web.personas import PASSWORD
from tests.web.reports.test_monthly_data import AS_OF, PlanSetup, example_with_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_setup(db: None) -> PlanSetup:
    return example_with_plan()


def _build(plan_id: int) -> Report:
    return BUILDERS["actionplan"].build({"id": plan_id, "as_of": AS_OF, "today": date(2024, 10, 5)})


def _table(report: Report, prefix: str) -> Table:
    return next(t for t in report.tables() if t.title.startswith(prefix))


def test_every_format_renders(plan_setup: PlanSetup) -> None:
    _, plan, _ = plan_setup
    report = _build(plan.pk)
    files = {fmt: RENDERERS[fmt].render(report) for fmt in RENDERERS}
    assert files["pdf"].startswith(b"%PDF") and files["docx"][:2] == b"PK"
    html = files["html"].decode()
    assert "Stigende priser på opholdssteder." in html and "Årsag til merforbrug" in html
    sheet = load_workbook(io.BytesIO(files["xlsx"]))["Forventet effekt"]
    formulas = [c.value for row in sheet.iter_rows() for c in row if str(c.value).startswith("=")]
    assert formulas and all(f.startswith("=SUM(") for f in formulas)


def test_expected_table_is_the_plan_page(plan_setup: PlanSetup) -> None:
    _, plan, _ = plan_setup
    table = _table(_build(plan.pk), "Tabel 2")
    expected = figures.expected_table(plan)
    total = table.rows[-1]
    assert total.level is RowLevel.TOTAL
    assert total.cells[1:] == (*expected.totals, expected.grand_total)
    assert len(table.rows) == 1 + len(expected.rows) == 3


def test_realised_effect_is_the_plan_page(plan_setup: PlanSetup) -> None:
    user, plan, _ = plan_setup
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    page = client.get(f"/handleplaner/{plan.pk}/", {"dato": AS_OF.isoformat()})
    rows = _table(_build(plan.pk), "Tabel 4").rows
    for shown, row in zip(page.context["rows"], rows, strict=False):
        assert row.cells[1:] == (
            shown.expected_year,
            shown.expected_to_date,
            shown.realised.total,
            shown.difference,
        )
    assert rows[-1].cells[3] == page.context["total"].realised


def test_unknown_plan_is_a_danish_error(plan_setup: PlanSetup) -> None:
    with pytest.raises(OptionError, match="findes ikke"):
        parse_options("actionplan", {"id": "9999"})
    with pytest.raises(CommandError, match="findes ikke"):
        call_command("report", "actionplan", "--id", "9999", "-o", "/tmp/x.pdf")


def test_cli_writes_the_file(plan_setup: PlanSetup, tmp_path: Path) -> None:
    _, plan, _ = plan_setup
    out = tmp_path / "handleplan.docx"
    call_command("report", "actionplan", "--id", str(plan.pk), "--format", "docx", "-o", str(out))
    assert out.read_bytes()[:2] == b"PK"


def _soffice(target: str, outdir: Path, *sources: Path) -> None:
    profile = f"-env:UserInstallation=file://{outdir.parent}/lo-profile"
    command = ["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(outdir)]
    subprocess.run([*command, *map(str, sources)], check=True, capture_output=True, timeout=180)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice mangler")
def test_libreoffice_opens_the_files_and_computes_the_month_totals(
    plan_setup: PlanSetup, tmp_path: Path
) -> None:
    _, plan, _ = plan_setup
    report = _build(plan.pk)
    sources = [tmp_path / "handleplan.docx", tmp_path / "handleplan.xlsx"]
    for source in sources:
        source.write_bytes(RENDERERS[source.suffix.lstrip(".")].render(report))
    _soffice("pdf", tmp_path / "pdf", *sources)
    for source in sources:
        assert (tmp_path / "pdf" / f"{source.stem}.pdf").read_bytes().startswith(b"%PDF")
    _soffice("xlsx", tmp_path / "calc", sources[1])
    book = load_workbook(tmp_path / "calc" / "handleplan.xlsx", data_only=True)
    total = next(r for r in book["Forventet effekt"].iter_rows(values_only=True) if r[0] == "I alt")
    expected = figures.expected_table(plan)
    assert total[1:] == pytest.approx([float(v) for v in (*expected.totals, expected.grand_total)])
