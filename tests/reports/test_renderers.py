"""Every renderer turns the same report into a valid file; each format is rendered once."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from ramme.reports.annual import build_annual
from ramme.reports.model import RESTRICTED_NOTICE, Report
from ramme.reports.renderers import RENDERERS
from tests.reports.sample import EVIL_NOTE, figures_2017


@pytest.fixture(scope="module")
def report() -> Report:
    return replace(build_annual(figures_2017()), restricted=True)


@pytest.fixture(scope="module")
def files(report: Report) -> dict[str, bytes]:
    return {fmt: renderer.render(report) for fmt, renderer in RENDERERS.items()}


def test_html_is_a_document_with_danish_numbers_and_an_inline_chart(
    files: dict[str, bytes],
) -> None:
    text = files["html"].decode("utf-8")
    assert text.startswith("<!doctype html>")
    assert "183.371" in text and "<svg" in text
    assert RESTRICTED_NOTICE in text


def test_html_escapes_text_from_data(report: Report) -> None:
    evil = replace(report, title="<script>alert(1)</script>")
    assert "<script>" not in RENDERERS["html"].render(evil).decode("utf-8")


def _pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    source = tmp_path / "r.pdf"
    source.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils mangler")
def test_pdf_renders_and_page_one_becomes_an_image(files: dict[str, bytes], tmp_path: Path) -> None:
    assert files["pdf"].startswith(b"%PDF")
    (tmp_path / "r.pdf").write_bytes(files["pdf"])
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "r.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    assert list(tmp_path.glob("p-1.png"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler")
def test_pdf_says_restricted_and_numbers_every_page(
    files: dict[str, bytes], tmp_path: Path
) -> None:
    pages = _pdf_pages(files["pdf"], tmp_path)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert RESTRICTED_NOTICE in page
        assert f"Side {number} af {len(pages)}" in page
        assert "Ballerup Kommune" in page
    assert "183.371" in pages[0]


def test_docx_has_tables_with_danish_numbers_a_chart_and_the_notice(
    files: dict[str, bytes],
) -> None:
    document = Document(io.BytesIO(files["docx"]))
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"181.064", "183.371", "<5"} <= cells
    assert document.inline_shapes, "the chart is embedded as a picture"
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert RESTRICTED_NOTICE in header and "Ballerup Kommune" in header


def test_xlsx_numbers_are_numbers_and_totals_are_formulas(files: dict[str, bytes]) -> None:
    book = load_workbook(io.BytesIO(files["xlsx"]))
    sheet = book["Tabel 2"]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    preventive = next(r for r in rows if r[0] == "Forebyggende indsatser")
    assert preventive[1] == pytest.approx(8217.0)
    total = next(r for r in rows if r[0] == "I alt")
    assert all(str(v).startswith("=SUM(B") or str(v).startswith("=SUM(") for v in total[1:])
    assert sheet.cell(row=5, column=2).number_format == "[$-406]#,##0"  # Danish everywhere
    assert {"Tabel 1", "Tabel 2", "Tabel 3", "Tabel 4"} <= set(book.sheetnames)
    assert any(ws._images for ws in book.worksheets), "the chart is embedded as an image"


def test_xlsx_text_from_data_never_becomes_a_formula(files: dict[str, bytes]) -> None:
    sheet = load_workbook(io.BytesIO(files["xlsx"]))["Tabel 1"]
    notes = [c for row in sheet.iter_rows() for c in row if c.value == EVIL_NOTE]
    assert notes, "the note is written as it is"
    assert all(c.data_type == "s" for c in notes)


def test_xlsx_says_restricted_on_every_sheet(files: dict[str, bytes]) -> None:
    for sheet in load_workbook(io.BytesIO(files["xlsx"])).worksheets:
        assert sheet["A3"].value == RESTRICTED_NOTICE
        assert sheet.oddHeader.right.text == RESTRICTED_NOTICE


def _soffice(target: str, outdir: Path, *sources: Path) -> None:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{outdir.parent}/lo-profile",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice mangler")
def test_libreoffice_opens_docx_and_xlsx_and_computes_the_totals(
    files: dict[str, bytes], tmp_path: Path
) -> None:
    sources = [tmp_path / "rapport-word.docx", tmp_path / "rapport-excel.xlsx"]
    for source in sources:
        source.write_bytes(files[source.suffix.lstrip(".")])
    _soffice("pdf", tmp_path / "pdf", *sources)
    for source in sources:
        assert (tmp_path / "pdf" / f"{source.stem}.pdf").read_bytes().startswith(b"%PDF")
    # Saved again by LibreOffice, the workbook carries the computed values of our formulas.
    _soffice("xlsx", tmp_path / "calc", sources[1])
    sheet = load_workbook(tmp_path / "calc" / "rapport-excel.xlsx", data_only=True)["Tabel 2"]
    total = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0] == "I alt")
    assert total[1:] == pytest.approx((181064, 177489, 182819, 552, 183371))
