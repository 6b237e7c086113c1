"""HTML of a report: a standalone document (file, PDF input) and the fragment the web page embeds.

Plain string building with :func:`html.escape` on every value, so it works from the CLI and
the web without a template engine. Charts are inlined as SVG.
"""

from __future__ import annotations

import base64
from html import escape
from importlib import resources

from ramme.core.periods import format_date
from ramme.reports import charts
from ramme.reports.cells import format_cell
from ramme.reports.model import (
    RESTRICTED_NOTICE,
    Block,
    Chart,
    ColumnKind,
    Paragraph,
    Report,
    Section,
    Suppressed,
    Table,
)

CONTENT_TYPE = "text/html; charset=utf-8"
EXTENSION = "html"


def stylesheet() -> str:
    return resources.files("ramme.reports").joinpath("report.css").read_text(encoding="utf-8")


def _colgroup(table: Table) -> str:
    """Column widths from the hints (percent of the table), so wide text tables fit the page."""
    hints = [c.width for c in table.columns]
    if not any(hints):
        return ""
    total = sum(h or 8 for h in hints)
    return (
        "<colgroup>"
        + "".join(f'<col style="width:{100 * (h or 8) / total:.1f}%">' for h in hints)
        + "</colgroup>"
    )


def _table(table: Table) -> str:
    head = "".join(
        f'<th class="{c.kind.value}" scope="col">{escape(c.title)}</th>' for c in table.columns
    )
    body = []
    for row in table.rows:
        cells = []
        for i, (value, col) in enumerate(zip(row.cells, table.columns, strict=True)):
            tag = "th" if i == 0 else "td"
            css = col.kind.value + (" suppressed" if isinstance(value, Suppressed) else "")
            scope = ' scope="row"' if i == 0 else ""
            cells.append(
                f'<{tag} class="{css}"{scope}>{escape(format_cell(value, col.kind))}</{tag}>'
            )
        body.append(f'<tr class="{row.level.value}">{"".join(cells)}</tr>')
    note = f'<p class="note">{escape(table.note)}</p>' if table.note else ""
    colgroup = _colgroup(table)
    short = " short" if len(table.rows) <= 15 else ""  # the PDF keeps short tables on one page
    numeric = any(c.kind is not ColumnKind.TEXT for c in table.columns)
    css = "report-table numeric" if numeric else "report-table"
    return (
        f'<figure class="table-block{short}"><figcaption>{escape(table.title)}</figcaption>'
        f'<table class="{css}">{colgroup}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>{note}</figure>"
    )


def _chart(chart: Chart, inline: bool = True) -> str:
    note = f'<p class="note">{escape(chart.note)}</p>' if chart.note else ""
    drawing = charts.svg(chart)
    if not inline:
        # The PDF takes the same SVG as an image: WeasyPrint draws it with its SVG renderer.
        data = base64.b64encode(drawing.encode("utf-8")).decode("ascii")
        drawing = f'<img alt="{escape(chart.title)}" src="data:image/svg+xml;base64,{data}">'
    return (
        f'<figure class="chart-block"><figcaption>{escape(chart.title)}</figcaption>'
        f'<div class="chart">{drawing}</div>{note}</figure>'
    )


def _paragraph(block: Paragraph) -> str:
    """Runs escaped one by one, bold ones in ``<strong>``; a bullet is a list item."""
    text = "".join(
        f"<strong>{escape(t)}</strong>" if bold else escape(t) for t, bold in block.pieces()
    ).replace("\n", "<br>")
    return f'<ul class="bullets"><li>{text}</li></ul>' if block.bullet else f"<p>{text}</p>"


def _block(block: Block, inline: bool = True) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Table):
        return _table(block)
    return _chart(block, inline)


def _section(section: Section, inline: bool = True) -> str:
    level = min(max(section.level, 2), 4)
    blocks = "".join(_block(b, inline) for b in section.blocks)
    return f"<section><h{level}>{escape(section.title)}</h{level}>{blocks}</section>"


def _logo(report: Report) -> str:
    if report.logo is None or not report.logo.exists():
        return ""
    kind = (
        "svg+xml"
        if report.logo.suffix.lower() == ".svg"
        else report.logo.suffix.lstrip(".").lower()
    )
    data = base64.b64encode(report.logo.read_bytes()).decode("ascii")
    return f'<img class="logo" alt="" src="data:image/{kind};base64,{data}">'


def render_body(report: Report, inline_charts: bool = True) -> str:
    """The report as an HTML fragment (``<article>``), as the web page embeds it."""
    restricted = f'<p class="restricted">{RESTRICTED_NOTICE}</p>' if report.restricted else ""
    subtitle = f'<p class="subtitle">{escape(report.subtitle)}</p>' if report.subtitle else ""
    made = (
        f'<p class="generated">Udarbejdet {format_date(report.generated_on)}</p>'
        if report.generated_on
        else ""
    )
    sections = "".join(_section(s, inline_charts) for s in report.sections)
    return (
        f'<article class="ramme-report">{restricted}'
        f'<header class="report-head">{_logo(report)}'
        f'<p class="municipality">{escape(report.municipality)}</p>'
        f"<h1>{escape(report.title)}</h1>{subtitle}{made}</header>{sections}</article>"
    )


def document(report: Report, extra_css: str = "", inline_charts: bool = True) -> str:
    """A complete HTML document with the report's stylesheet inlined."""
    return (
        '<!doctype html><html lang="da"><head><meta charset="utf-8">'
        f"<title>{escape(report.title)} · {escape(report.municipality)}</title>"
        f"<style>{stylesheet()}{extra_css}</style></head>"
        f"<body>{render_body(report, inline_charts)}</body></html>"
    )


def render(report: Report) -> bytes:
    return document(report).encode("utf-8")
