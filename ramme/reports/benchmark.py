"""The benchmark (sammenligning) as report blocks: one table per key figure, the municipality
first, and a chart of the headline figures. The annual report, the benchmark page and
``ramme benchmark`` show these same blocks; the small-number rule hides the municipality's
figures that rest on fewer than five children."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ramme.core.benchmark import Comparison, Figure, Unit
from ramme.reports.model import (
    Block,
    Cell,
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Paragraph,
    Row,
    RowLevel,
    Series,
    Table,
)
from ramme.reports.suppression import derived_cell, is_small

KINDS = {Unit.KR: ColumnKind.AMOUNT_KR, Unit.PER_THOUSAND: ColumnKind.RATE,
         Unit.SHARE: ColumnKind.PERCENT}  # fmt: skip
CHARTED = ("udgift_pr_0_17", "anbragte_pr_1000_0_22", "forebyggende_pr_1000_0_22",
           "andel_familiepleje")  # fmt: skip
NOTE = (
    "Egne tal er beregnet af ramme på samme måde som kilderne (se docs/benchmark.md); "
    "andre kommuners og landets tal er som indlæst fra benchmark.csv. «–»: færre end 5 børn."
)


def cell(figure: Figure | None) -> Cell:
    """A figure as a cell: hidden («–») when it rests on 1-4 children."""
    if figure is None:
        return None
    if figure.children is None:
        return figure.value
    return derived_cell(figure.value, figure.children)


def _chart_value(figure: Figure | None, unit: Unit) -> Decimal | None:
    if figure is None or figure.value is None:
        return None
    if figure.children is not None and is_small(figure.children):
        return None
    return figure.value * 100 if unit is Unit.SHARE else figure.value


def table(comparison: Comparison) -> Table:
    kind = KINDS[comparison.indicator.unit]
    columns = (
        Column("Kommune", width=24),
        *(Column(str(year), kind) for year in comparison.years),
        Column("Kilde", width=18),
    )
    rows = tuple(
        Row(
            (row.municipality, *(cell(f) for f in row.figures), "ramme" if row.own else row.source),
            RowLevel.SUBTOTAL if row.own else RowLevel.NORMAL,
        )
        for row in comparison.rows
    )
    return Table(
        comparison.indicator.label, columns, rows, sheet_name=comparison.indicator.code[:31]
    )


def chart(comparison: Comparison) -> Chart:
    unit = comparison.indicator.unit
    return Chart(
        comparison.indicator.label,
        ChartKind.BAR,
        tuple(str(year) for year in comparison.years),
        tuple(
            Series(row.municipality, tuple(_chart_value(f, unit) for f in row.figures))
            for row in comparison.rows
        ),
        unit={Unit.KR: "kr.", Unit.PER_THOUSAND: "pr. 1.000", Unit.SHARE: "pct."}[unit],
    )


def has_values(comparison: Comparison) -> bool:
    return any(f is not None and f.value is not None for r in comparison.rows for f in r.figures)


def benchmark_blocks(comparisons: Sequence[Comparison], charts: bool = True) -> tuple[Block, ...]:
    """Tables (and charts of the headline figures) of every indicator that has values."""
    shown = [c for c in comparisons if has_values(c)]
    blocks: list[Block] = []
    for comparison in shown:
        if charts and comparison.indicator.code in CHARTED and len(comparison.rows) > 0:
            blocks.append(chart(comparison))
        blocks.append(table(comparison))
    if shown:
        blocks.append(Paragraph(NOTE))
    return tuple(blocks)
