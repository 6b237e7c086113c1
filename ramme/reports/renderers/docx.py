"""Word (python-docx): committee agenda systems take Word documents.

Headings, tables with Danish numbers right-aligned, charts as PNG images (the same drawing
as the SVG), the municipality and the title in the page header, page numbers in the
footer, and the restricted notice in the header of every page. So a document can be sent
without retouching: column widths come from the content (nothing breaks mid-word), the
header row repeats on every page, rows are never split across pages, and captions are
kept with their tables and charts.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from ramme.core.periods import format_date
from ramme.reports import charts
from ramme.reports.cells import format_cell
from ramme.reports.model import (
    RESTRICTED_NOTICE,
    Chart,
    ColumnKind,
    Paragraph,
    Report,
    RowLevel,
    Table,
)
from ramme.reports.widths import column_widths

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSION = "docx"
BLUE = RGBColor(0x1F, 0x4E, 0x79)
RED = RGBColor(0xC0, 0x00, 0x00)
SHORT_TABLE_ROWS = 25  # a table this short is kept on one page


def _field(paragraph: DocxParagraph, code: str) -> None:
    """Insert a Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _on_row(row: object, name: str) -> None:
    """Set a row property (``w:tblHeader``: repeat as header; ``w:cantSplit``)."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    properties.append(element)


def _keep_with_next(cell: object) -> None:
    for paragraph in cell.paragraphs:  # type: ignore[attr-defined]
        paragraph.paragraph_format.keep_with_next = True


def _paragraph(document: DocxDocument, block: Paragraph) -> None:
    paragraph = document.add_paragraph(style="List Bullet" if block.bullet else None)
    for text, bold in block.pieces():
        paragraph.add_run(text).bold = bold


def _available_cm(report: Report) -> float:
    return 25.7 if report.landscape else 17.0


def _page_setup(document: DocxDocument, report: Report) -> None:
    section = document.sections[0]
    if report.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    header = section.header.paragraphs[0]
    header.add_run(report.municipality).bold = True
    header.add_run(f" · {report.title}")
    if report.logo is not None and report.logo.exists() and report.logo.suffix.lower() == ".png":
        header.add_run("  ").add_picture(str(report.logo), height=Cm(1.0))
    if report.restricted:
        notice = section.header.add_paragraph()
        run = notice.add_run(RESTRICTED_NOTICE)
        run.bold, run.font.color.rgb = True, RED
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Side ")
    _field(footer, "PAGE")
    footer.add_run(" af ")
    _field(footer, "NUMPAGES")


def _shade(cell: object, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _table(document: DocxDocument, table: Table, available_cm: float) -> None:
    caption = document.add_paragraph()
    caption.add_run(table.title).bold = True
    caption.paragraph_format.keep_with_next = True
    grid: DocxTable = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = column.title
        run = cell.paragraphs[0].runs[0]
        run.bold, run.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
        _shade(cell, "1F4E79")
    _on_row(grid.rows[0], "w:tblHeader")
    for row in table.rows:
        cells = grid.add_row().cells  # type: ignore[no-untyped-call]
        strong = row.level is not RowLevel.NORMAL
        for cell, value, column in zip(cells, row.cells, table.columns, strict=True):
            cell.text = format_cell(value, column.kind)
            paragraph = cell.paragraphs[0]
            if column.kind is not ColumnKind.TEXT:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.bold = strong
            if row.level in (RowLevel.TOTAL, RowLevel.HEADING):
                _shade(cell, "EEF3F8")
    widths = column_widths(table, available_cm)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)  # the grid (w:gridCol): what LibreOffice lays out by
    short = len(table.rows) <= SHORT_TABLE_ROWS
    for index, row in enumerate(grid.rows):
        _on_row(row, "w:cantSplit")
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
            # a short table stays on one page with its caption; a long one keeps its
            # caption with the header and first row
            if (short and index < len(grid.rows) - 1) or index == 0:
                _keep_with_next(cell)
    if table.note:
        note = document.add_paragraph()
        run = note.add_run(table.note)
        run.italic, run.font.size = True, Pt(8)


def _chart(document: DocxDocument, chart: Chart, width: Cm) -> None:
    caption = document.add_paragraph()
    caption.add_run(chart.title).bold = True
    caption.paragraph_format.keep_with_next = True
    document.add_picture(io.BytesIO(charts.png(chart)), width=width)
    picture = document.paragraphs[-1]
    picture.paragraph_format.keep_with_next = bool(chart.note)
    if chart.note:
        document.add_paragraph(chart.note).runs[0].italic = True


def render(report: Report) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)
    _page_setup(document, report)
    title = document.add_heading(report.title, level=0)
    title.runs[0].font.color.rgb = BLUE
    if report.subtitle:
        document.add_paragraph(report.subtitle)
    if report.generated_on:
        document.add_paragraph(f"Udarbejdet {format_date(report.generated_on)}")
    width = Cm(24) if report.landscape else Cm(16)
    for section in report.sections:
        document.add_heading(section.title, level=min(max(section.level - 1, 1), 3))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                _paragraph(document, block)
            elif isinstance(block, Table):
                _table(document, block, _available_cm(report))
            else:
                _chart(document, block, width)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
