"""PDF by WeasyPrint from the report's HTML: A4, running header with the municipality, page numbers.

The restricted management version carries «Fortroligt – ledelsesversion» in the page
header of every page, not only on the first.
"""

from __future__ import annotations

from ramme.reports.model import RESTRICTED_NOTICE, Report
from ramme.reports.renderers import html

CONTENT_TYPE = "application/pdf"
EXTENSION = "pdf"


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def print_css(report: Report) -> str:
    size = "A4 landscape" if report.landscape else "A4"
    restricted = (
        f"@top-right {{ content: {_css_string(RESTRICTED_NOTICE)}; "
        "color: #c00000; font-weight: bold; }"
        if report.restricted
        else ""
    )
    return f"""
@page {{
  size: {size}; margin: 22mm 16mm 20mm 18mm;
  @top-left {{ content: {_css_string(report.municipality)}; font-weight: bold; color: #1f4e79; }}
  @top-center {{ content: {_css_string(report.title)}; color: #666; }}
  {restricted}
  @bottom-right {{ content: "Side " counter(page) " af " counter(pages); }}
  @bottom-left {{ content: {_css_string(report.subtitle)}; color: #666; }}
}}
@page {{ @top-left {{ font-family: "DejaVu Sans", sans-serif; font-size: 8pt; }}
        @top-center {{ font-family: "DejaVu Sans", sans-serif; font-size: 8pt; }}
        @top-right {{ font-family: "DejaVu Sans", sans-serif; font-size: 8pt; }}
        @bottom-left {{ font-family: "DejaVu Sans", sans-serif; font-size: 8pt; }}
        @bottom-right {{ font-family: "DejaVu Sans", sans-serif; font-size: 8pt; }} }}
body {{ margin: 0; font-size: 9.5pt; }}
.ramme-report {{ max-width: none; }}
.ramme-report .chart img {{ width: 100%; max-width: 175mm; }}
figure.table-block.short {{ page-break-inside: avoid; }}
.report-table {{ font-size: 8pt; page-break-inside: auto; table-layout: auto; }}
/* widths from content: a word or a number is never broken (no "Progno-se", "4.547.32/0");
   a header wraps only between words */
.report-table th, .report-table td {{ overflow-wrap: normal; hyphens: manual; }}
.report-table td:not(.text) {{ white-space: nowrap; }}
.report-table tr {{ page-break-inside: avoid; }}
.report-table thead {{ display: table-header-group; }}
figure.chart-block {{ page-break-inside: avoid; }}
figure.table-block .note {{ page-break-before: avoid; }}
h2, h3, figcaption {{ page-break-after: avoid; }}
"""


def document(report: Report) -> str:
    """The HTML WeasyPrint lays out: the PDF is a function of this text alone, so a caller
    may keep a rendered PDF under it (``ramme.web.reports.services.rendered``)."""
    return html.document(report, extra_css=print_css(report), inline_charts=False)


def pdf_of(document: str) -> bytes:
    """The PDF of ``document`` (``document(report)``)."""
    from weasyprint import HTML  # imported here: loading pango takes a moment

    return bytes(HTML(string=document).write_pdf())


def render(report: Report) -> bytes:
    return pdf_of(document(report))
