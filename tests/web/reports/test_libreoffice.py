"""Word and Excel files open in LibreOffice with no broken words in table cells: the
monthly report and the accounts rendered to PDF by LibreOffice, and every word and number
of every table cell found whole in the PDF's text."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from ramme.reports.cells import format_cell
from ramme.reports.model import Report
from ramme.reports.renderers import RENDERERS
from ramme.reports.rounding import as_printed
from ramme.web.reports.builders import BUILDERS
from tests.web.reports.test_monthly_data import AS_OF, example_with_plan

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice mangler"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler"),
]


def cell_words(report: Report) -> set[str]:
    """Every word and number printed in a table cell (and each column title's words)."""
    words: set[str] = set()
    for table in as_printed(report).tables():
        for column in table.columns:
            words |= set(column.title.split())
        for row in table.rows:
            for value, column in zip(row.cells, table.columns, strict=True):
                words |= set(format_cell(value, column.kind).split())
    return {w for w in words if len(w) > 1}


def libreoffice_texts(sources: list[Path], tmp_path: Path) -> dict[Path, set[str]]:
    """The words of each file as LibreOffice prints it, all converted in one run (each
    start of LibreOffice takes seconds); the files' names must differ before the suffix."""
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"
    outdir = tmp_path / "pdf"
    command = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(outdir)]
    subprocess.run([*command, *map(str, sources)], check=True, capture_output=True, timeout=480)
    texts = {}
    for source in sources:
        pdf = outdir / f"{source.stem}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout  # fmt: skip
        texts[source] = set(text.split())
    return texts


def test_word_and_excel_tables_have_no_broken_words(tmp_path: Path) -> None:
    example_with_plan()
    reports = {
        "maanedsrapport": BUILDERS["monthly"].build({"as_of": AS_OF, "today": date(2024, 10, 5)}),
        "regnskab": BUILDERS["annual"].build({"year": 2024, "today": date(2025, 2, 1)}),
    }
    wanted: dict[Path, set[str]] = {}
    for name, report in reports.items():
        for fmt in ("docx", "xlsx"):
            source = tmp_path / f"{name}-{fmt}.{fmt}"
            source.write_bytes(RENDERERS[fmt].render(report))
            wanted[source] = cell_words(report)
    found = libreoffice_texts(list(wanted), tmp_path)
    for source, words in wanted.items():
        broken = sorted(w for w in words if w not in found[source])
        assert not broken, f"{source.name}: ord brudt eller skjult i tabellerne: {broken[:20]}"
