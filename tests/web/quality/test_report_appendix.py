"""The monthly report's appendix: the reconciliation and the findings in all four formats,
the same figures as the reconciliation page and ``ramme check-data``."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from ramme.reports.renderers import RENDERERS
from ramme.reports.rounding import round_to
from ramme.web.accounts.models import User
from ramme.web.quality.services.findings import all_findings
from ramme.web.quality.services.reconciliation import reconciliation
from ramme.web.reports.builders import BUILDERS
from tests.web.forecasts.conftest import AS_OF

TITLES = (f"Bilag 1. Afstemning af regnskabet {AS_OF.year}", "Bilag 2. Datakvalitet")


def _files() -> dict[str, bytes]:
    report = BUILDERS["monthly"].build({"as_of": AS_OF, "today": date(2024, 10, 5)})
    return {fmt: RENDERERS[fmt].render(report) for fmt in RENDERERS}


def test_the_appendix_is_in_every_format(planted: dict[str, User], tmp_path: Path) -> None:
    files = _files()
    html = files["html"].decode()
    assert all(t in html for t in TITLES) and "X-UNMAPPED" in html
    text = "\n".join(p.text for p in Document(io.BytesIO(files["docx"])).paragraphs)
    assert all(t in text for t in TITLES)
    book = load_workbook(io.BytesIO(files["xlsx"]))
    assert {"Afstemning", "Afstemning i alt", "Ikke henført", "Datakvalitet"} <= set(
        book.sheetnames
    )
    assert files["pdf"].startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(files["pdf"])
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert all(t in out.stdout for t in TITLES)


def test_the_appendix_figures_are_the_pages_figures(planted: dict[str, User]) -> None:
    book = load_workbook(io.BytesIO(_files()["xlsx"]))
    r = reconciliation(AS_OF.year, AS_OF)
    cells = {row[0]: row[1] for row in book["Afstemning i alt"].iter_rows(values_only=True)}
    # Excel holds the figures as printed, to the krone (the reports' one rounding rule)
    assert cells["Posteringer i alt"] == float(round_to(r.ledger_total, Decimal(1)))
    assert cells["Ikke henført til en aktivitet"] == float(round_to(r.unmapped_total, Decimal(1)))
    assert cells["Uforklaret difference"] == 0
    rows = list(book["Datakvalitet"].iter_rows(values_only=True))
    counted = next(row for row in rows if row[0] == "Postering uden indsats")
    planted_count = sum(1 for f in all_findings(AS_OF) if f.kind == "unlinked_posting")
    assert counted[1] == planted_count >= 2
