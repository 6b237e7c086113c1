"""A report's PDF laid out once per document (issue 12): kept under its HTML, laid out anew
when anything in it changed, never kept for the restricted version, and laid out by the
after-import task for the monthly report, so the CLI and the download read it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from ramme.reports.model import Paragraph, Report, Section
from ramme.reports.renderers import RENDERERS, pdf
from ramme.web.forecasts import also_stored
from ramme.web.forecasts.models import StoredForecast
from ramme.web.forecasts.services import cache, followup, precompute, stored, year_end
from ramme.web.reports.models import RenderedPdf
from ramme.web.reports.services import rendered
from tests.web.reports.test_monthly_data import AS_OF, example_with_plan

pytestmark = pytest.mark.django_db


def _report(text: str = "Forbruget følger budgettet.", restricted: bool = False) -> Report:
    section = Section("Opfølgning", (Paragraph(text),))
    return Report("Månedsrapport", "Demo Kommune", (section,), restricted=restricted)


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents WeasyPrint lays out, in order (it still lays them out)."""
    seen: list[str] = []
    real = pdf.pdf_of

    def counted(document: str) -> bytes:
        seen.append(document)
        return real(document)

    monkeypatch.setattr(pdf, "pdf_of", counted)
    return seen


def test_the_same_document_is_laid_out_once(layouts: list[str]) -> None:
    first = rendered.render_file(_report(), "pdf")
    again = rendered.render_file(_report(), "pdf")
    assert first.startswith(b"%PDF") and again == first
    assert len(layouts) == 1 and RenderedPdf.objects.count() == 1


def test_a_changed_text_is_laid_out_anew(layouts: list[str]) -> None:
    first = rendered.render_file(_report(), "pdf")
    other = rendered.render_file(_report("Forbruget ligger over budgettet."), "pdf")
    assert other != first and len(layouts) == 2


def test_the_kept_pdf_is_what_the_renderer_makes() -> None:
    assert rendered.render_file(_report(), "pdf")[:4] == RENDERERS["pdf"].render(_report())[:4]
    assert "Forbruget følger budgettet." in pdf.document(_report())


def test_the_restricted_version_is_never_kept(layouts: list[str]) -> None:
    rendered.render_file(_report(restricted=True), "pdf")
    rendered.render_file(_report(restricted=True), "pdf")
    assert len(layouts) == 2 and not RenderedPdf.objects.exists()


def test_other_formats_are_not_kept() -> None:
    assert rendered.render_file(_report(), "docx")[:2] == b"PK"
    assert not RenderedPdf.objects.exists()


def test_only_the_newest_documents_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendered, "KEEP", 3)
    monkeypatch.setattr(pdf, "pdf_of", lambda document: b"%PDF " + document[-40:].encode())
    for n in range(5):
        rendered.render_file(_report(f"Tekst nummer {n}."), "pdf")
    kept = [bytes(c) for c in RenderedPdf.objects.values_list("content", flat=True)]
    assert len(kept) == 3
    assert not any(b"nummer 0" in c or b"nummer 1" in c for c in kept)


def test_the_after_import_task_lays_out_the_monthly_report_for_the_cli(
    layouts: list[str], tmp_path: Path
) -> None:
    example_with_plan()
    assert "ramme.web.reports.services.rendered.monthly_pdf" in also_stored.ALSO_STORED
    rendered.monthly_pdf(AS_OF)
    assert len(layouts) == 1
    out = tmp_path / "m.pdf"
    call_command(
        "report", "monthly", "--as-of", AS_OF.isoformat(), "--today", date.today().isoformat(),
        "--format", "pdf", "-o", str(out),
    )  # fmt: skip
    assert len(layouts) == 1  # read, not laid out again
    assert out.read_bytes() == bytes(RenderedPdf.objects.get().content)


def test_a_report_made_another_day_is_laid_out_anew(layouts: list[str], tmp_path: Path) -> None:
    example_with_plan()
    rendered.monthly_pdf(AS_OF)
    call_command(
        "report", "monthly", "--as-of", AS_OF.isoformat(), "--today", "2024-10-05",
        "--format", "pdf", "-o", str(tmp_path / "m.pdf"),
    )  # fmt: skip
    assert len(layouts) == 2


def test_a_forecast_stored_before_its_task_ran_still_gets_its_pdf(layouts: list[str]) -> None:
    example_with_plan()
    version = cache.data_version()
    for day, sims in followup.needed_forecasts(AS_OF):
        stored.queue_row(version, day, sims, 0)
    year_end.compute_forecast(AS_OF)  # a page or the CLI stores it first (the demo does)
    row = StoredForecast.objects.get(as_of=AS_OF, simulations=year_end.default_simulations())
    assert row.status == stored.Status.DONE
    precompute.compute(row.pk)  # the queued task comes after
    assert len(layouts) == 1 and RenderedPdf.objects.count() == 1
