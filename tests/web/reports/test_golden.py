"""Golden files of every committee report: the text of every PDF page and of the Word
document, so a layout regression (an empty page, a header lost, a table split from its
caption, a number broken across lines) shows as a diff.

``pytest tests/web/reports/test_golden.py --update-golden`` writes them anew; review the
diff before committing it.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pytest_django import Settings

from ramme.reports.model import Report
from ramme.reports.renderers import RENDERERS
from ramme.web.demo.portfolio import ensure_demo_portfolio
from ramme.web.forecasts.services import cache
from ramme.web.reports.builders import BUILDERS
from tests.web.reports.test_monthly_data import AS_OF, example_with_plan

GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2024, 10, 5)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler"),
]


@pytest.fixture(autouse=True)
def _fixed_forecast(settings: Settings) -> Iterator[None]:
    settings.RAMME_FORECAST_SIMULATIONS = 30
    settings.MUNICIPALITY_NAME = "Demo Kommune"
    settings.COMMITTEE_NAME = "Børne- og Skoleudvalget"
    settings.RESULT_SIGN = "merforbrug+"
    settings.RAMME_LOGO = None
    # the example has no Småbørnsstøtte line: its Døgninstitution stands in, so the layout
    # of Tables 3-4 with document 002's own row is under the golden files too
    settings.SPECIALISED_ROW = {"Småbørnsstøtte og specialinstitutioner": ("Døgninstitution",)}
    cache.clear()
    yield
    cache.clear()


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    source = tmp_path / "r.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(source), "-"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    return [page.rstrip() for page in out.split("\f")][:-1]  # the text ends with a form feed


def text_of(report: Report, tmp_path: Path) -> str:
    pages = pdf_pages(RENDERERS["pdf"].render(report), tmp_path)
    parts = [f"=== PDF side {n} ===\n{page}" for n, page in enumerate(pages, start=1)]
    document = Document(io.BytesIO(RENDERERS["docx"].render(report)))
    words = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        words += [" | ".join(c.text for c in row.cells) for row in table.rows]
    parts.append("=== Word ===\n" + "\n".join(words))
    # how many blanks pdftotext puts between columns shifts with a neighbouring chart's
    # size; the order of the text, its lines and its pages are the layout that matters
    text = re.sub(r"[ \t]{2,}", "  ", "\n".join(parts))
    return re.sub(r"[ \t]+\n", "\n", text).replace("\n ", "\n") + "\n"


def check(name: str, text: str, request: pytest.FixtureRequest) -> None:
    path = GOLDEN / f"{name}.txt"
    if request.config.getoption("--update-golden") or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not request.config.getoption("--update-golden"):
            pytest.fail(f"{path.name} fandtes ikke og er skrevet; gennemse og commit den")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name}: teksten afviger fra {path}; kør med --update-golden hvis ændringen er ønsket"
    )


def _reports(tmp_path: Path) -> dict[str, Report]:
    _, plan, _ = example_with_plan()
    ensure_demo_portfolio(tmp_path)
    return {
        "maanedsrapport": BUILDERS["monthly"].build({"as_of": AS_OF, "today": TODAY}),
        "regnskab": BUILDERS["annual"].build({"year": 2024, "today": TODAY}),
        "handleplan": BUILDERS["actionplan"].build({"id": plan.pk, "as_of": AS_OF, "today": TODAY}),
        "portefoelje": BUILDERS["portfolio"].build({"today": TODAY}),
    }


def test_every_report_matches_its_golden_file(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    for name, report in _reports(tmp_path).items():
        text = text_of(report, tmp_path)
        pages = text.split("=== PDF side ")[1:]
        assert all(p.split("\n", 1)[1].strip() for p in pages), f"{name}: en tom side"
        check(name, text, request)
