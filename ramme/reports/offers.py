"""Internal offers (interne tilbud) as report blocks: per offer a chart of places, occupied
places and the waiting list, and a monthly table with occupancy, caseload and the cost per
occupied place beside the external price; then the caseworkers' caseload."""

from __future__ import annotations

from collections.abc import Sequence

from ramme.core.money import format_number
from ramme.core.offers import CaseworkerLoad, OfferMonth, OfferSeries
from ramme.core.periods import MONTH_ABBR_DA, Month
from ramme.reports.model import (
    Block,
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Paragraph,
    Row,
    Series,
    Table,
)
from ramme.reports.suppression import NOTE as SUPPRESSION_NOTE
from ramme.reports.suppression import chart_value, count_cell, derived_cell

COLUMNS = (
    Column("Måned", width=12),
    Column("Pladser", ColumnKind.COUNT),  # capacity, not children: never hidden
    Column("Belagte pladser", ColumnKind.RATE),
    Column("Belægning", ColumnKind.PERCENT),
    Column("Børn i måneden", ColumnKind.COUNT),
    Column("På venteliste", ColumnKind.COUNT),
    Column("Børn pr. medarbejder", ColumnKind.RATE),
    Column("Udgift pr. belagt plads (kr./md.)", ColumnKind.AMOUNT_KR),
    Column("Ekstern pris pr. plads (kr./md.)", ColumnKind.AMOUNT_KR),
)


def month_label(month: Month) -> str:
    return f"{MONTH_ABBR_DA[month.month - 1]}. {month.year}"


def axis_label(month: Month, i: int, n: int) -> str:
    """Short labels (``jan. 24``) on every month of a short axis, every third of up to two
    years and every sixth of more, so the labels never overlap."""
    step = 1 if n <= 6 else 3 if n <= 24 else 6
    if i % step:
        return ""
    return f"{MONTH_ABBR_DA[month.month - 1]}. {month.year % 100:02d}"


def offer_row(m: OfferMonth) -> Row:
    return Row(
        (
            month_label(m.month),
            m.places,
            derived_cell(m.occupied, m.children),
            derived_cell(m.occupancy, m.children),
            count_cell(m.children),
            count_cell(m.waiting),
            derived_cell(m.caseload, m.children_at_end),
            derived_cell(m.cost_per_place, m.children),
            derived_cell(m.external_price, m.external_children),
        )
    )


def _chart(series: OfferSeries) -> Chart:
    months = series.months
    n = len(months)
    lines = [
        Series("Belagte pladser", tuple(None if 0 < m.children < 5 else m.occupied for m in months))
    ]
    if series.has_staff:
        lines.insert(0, Series("Pladser", tuple(m.places for m in months)))
    if series.has_waiting:
        lines.append(Series("På venteliste", tuple(chart_value(m.waiting) for m in months)))
    return Chart(
        f"{series.offer.name}: pladser, belægning og venteliste",
        ChartKind.LINE_BAND,
        tuple(axis_label(m.month, i, n) for i, m in enumerate(months)),
        tuple(lines),
        unit="pladser / børn",
    )


def _about(series: OfferSeries) -> Paragraph:
    compared = ", ".join(series.compared_with) or "ingen eksterne af samme slags"
    own = ", ".join(series.types) or "ingen"
    parts = [f"Indsatstyper: {own}. Ekstern pris fra: {compared}."]
    if not series.has_staff:
        parts.append("Ingen pladser/medarbejdere i staff.csv: belægning og sagsbyrde mangler.")
    return Paragraph(" ".join(parts))


def offer_blocks(offers: Sequence[OfferSeries]) -> tuple[Block, ...]:
    """Every offer that delivered anything or has places in the months shown."""
    blocks: list[Block] = []
    for series in offers:
        if not any(m.children or m.places or m.waiting for m in series.months):
            continue
        blocks += [
            _chart(series),
            Table(
                series.offer.name,
                COLUMNS,
                tuple(offer_row(m) for m in series.months),
                SUPPRESSION_NOTE,
                sheet_name=series.offer.provider_id[:31],
            ),
            _about(series),
        ]
    return tuple(blocks)


def caseworker_table(loads: Sequence[CaseworkerLoad]) -> Table:
    columns = (
        Column("Måned", width=12),
        Column("Rådgivere", ColumnKind.COUNT),
        Column("Børn med indsats", ColumnKind.COUNT),
        Column("Børn pr. rådgiver", ColumnKind.RATE),
        Column("Flest børn hos én rådgiver", ColumnKind.COUNT),
    )
    rows = tuple(
        # 1-4 caseworkers are hidden too: their average would be one person's caseload
        Row((month_label(x.month), count_cell(x.caseworkers), count_cell(x.children),
             derived_cell(x.average, x.caseworkers), count_cell(x.highest)))
        for x in loads
    )  # fmt: skip
    average = [x.average for x in loads if x.average is not None]
    note = "Børn med en aktiv indsats sidste dag i måneden, efter rådgiveren i children.csv."
    if average:
        note += f" Gennemsnit over perioden: {format_number(sum(average) / len(average), 1)}."
    return Table("Sagsbyrde pr. rådgiver", columns, rows, note, "Sagsbyrde")
