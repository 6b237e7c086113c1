"""HTML of a report: a standalone document (file, PDF input) and the fragment the web page embeds.

Plain string building with :func:`html.escape` on every value, so it works from the CLI and
the web without a template engine. Charts are inlined as SVG.
"""

from __future__ import annotations

import base64
import itertools
from collections.abc import Iterator
from html import escape
from importlib import resources

from ramme.core.periods import format_date
from ramme.reports import chart_text, charts
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


def _region(content: str, labelled_by: str) -> str:
    """A wide table scrolls inside this region; focusable so a keyboard can scroll it."""
    return (
        f'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="{labelled_by}">'
        f"{content}</div>"
    )


def _table(table: Table, key: str = "tabel") -> str:
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
    grid = (
        f'<table class="{css}">{colgroup}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    return (
        f'<figure class="table-block{short}"><figcaption id="{key}">{escape(table.title)}'
        f"</figcaption>{_region(grid, key)}{note}</figure>"
    )


def _values_table(chart: Chart, key: str) -> str:
    """The chart's numbers as a table, folded away under the drawing (web and HTML file)."""
    numbers = chart_text.values(chart)
    head = "".join(
        f'<th scope="col" class="{"text" if i == 0 else "num count"}">{escape(h)}</th>'
        for i, h in enumerate(numbers.headers)
    )
    body = "".join(
        f'<tr><th scope="row" class="text">{escape(row[0])}</th>'
        + "".join(f'<td class="num count">{escape(v)}</td>' for v in row[1:])
        + "</tr>"
        for row in numbers.rows
    )
    grid = (
        f'<table class="report-table numeric"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return (
        f'<details class="chart-values"><summary id="{key}-tal">Vis tallene i figuren som tabel'
        f"</summary>{_region(grid, f'{key}-tal')}</details>"
    )


def _accessible_svg(drawing: str, title_id: str, text_id: str) -> str:
    """The inline SVG as one image named by the caption and described by the summary, so a
    screen reader reads the summary, not every tick label."""
    attributes = f'<svg role="img" aria-labelledby="{title_id}" aria-describedby="{text_id}" '
    return drawing.replace("<svg ", attributes, 1)


def chart_figure(chart: Chart, key: str = "figur", inline: bool = True) -> str:
    """A chart with its caption, a short text summary and (inline) its values as a table.

    ``key`` makes the ids unique on the page; the web pages call this too, so a chart reads
    the same on a page, in the HTML file and in the PDF.
    """
    title_id, text_id = f"{key}-titel", f"{key}-tekst"
    note = f'<p class="note">{escape(chart.note)}</p>' if chart.note else ""
    drawing = chart.drawn or charts.svg(chart)
    if inline:
        drawing, table = _accessible_svg(drawing, title_id, text_id), _values_table(chart, key)
    else:
        # The PDF takes the same SVG as an image: WeasyPrint draws it with its SVG renderer.
        data = base64.b64encode(drawing.encode("utf-8")).decode("ascii")
        drawing = f'<img alt="{escape(chart.title)}" src="data:image/svg+xml;base64,{data}">'
        table = ""
    return (
        f'<figure class="chart-block"><figcaption id="{title_id}">{escape(chart.title)}'
        f'</figcaption><p class="chart-summary" id="{text_id}">'
        f"{escape(chart_text.summary(chart))}</p>"
        f'<div class="chart">{drawing}</div>{note}{table}</figure>'
    )


def _paragraph(block: Paragraph) -> str:
    """Runs escaped one by one, bold ones in ``<strong>``; a bullet is a list item."""
    text = "".join(
        f"<strong>{escape(t)}</strong>" if bold else escape(t) for t, bold in block.pieces()
    ).replace("\n", "<br>")
    return f'<ul class="bullets"><li>{text}</li></ul>' if block.bullet else f"<p>{text}</p>"


def _block(block: Block, keys: Iterator[int], inline: bool = True) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Table):
        return _table(block, f"tabel-{next(keys)}")
    return chart_figure(block, f"figur-{next(keys)}", inline)


def _section(section: Section, keys: Iterator[int], inline: bool = True) -> str:
    level = min(max(section.level, 2), 4)
    blocks = "".join(_block(b, keys, inline) for b in section.blocks)
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
    keys = itertools.count(1)  # ids unique within the report
    sections = "".join(_section(s, keys, inline_charts) for s in report.sections)
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
