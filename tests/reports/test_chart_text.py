"""Issue 17: every chart has a short text summary and its values as a table, made from the
same Chart as the drawing; the HTML names the drawing by its caption and summary."""

from __future__ import annotations

import re
from decimal import Decimal

from ramme.reports import chart_text
from ramme.reports.annual import build_annual
from ramme.reports.model import Chart, ChartKind, Series
from ramme.reports.renderers.html import chart_figure, render_body
from tests.reports.sample import figures_2017

MONTHS = ("jan.", "feb.", "mar.")
FORECAST = Chart(
    "Prognose",
    ChartKind.LINE_BAND,
    MONTHS,
    (
        Series("Prognose", (Decimal(185_100), Decimal(192_400), Decimal(190_000))),
        Series("Korrigeret budget", (188_000, 188_000, 188_000)),
    ),
    unit="1.000 kr.",
    band=(Series("P10", (180_000, 181_000, 182_500)), Series("P90", (190_000, 199_000, 201_250))),
)


def test_summary_names_first_last_and_highest_value_the_band_and_the_unit() -> None:
    text = chart_text.summary(FORECAST)
    assert "Prognose: fra 185.100 (jan.) til 190.000 (mar.), højest 192.400 (feb.)" in text
    assert "Korrigeret budget: 188.000 hele vejen" in text
    assert "P10–P90 (mar.): 182.500–201.250" in text
    assert text.endswith("Tal i 1.000 kr.")


def test_summary_of_a_horizontal_bar_chart_names_the_largest_and_smallest() -> None:
    chart = Chart(
        "Regnskab", ChartKind.HBAR, ("Opholdssted", "Familiepleje"), (Series("2024", (35, 26)),)
    )
    assert "størst Opholdssted med 35, mindst Familiepleje med 26" in chart_text.summary(chart)


def test_values_table_holds_every_value_with_gaps_blank_and_small_amounts_with_a_decimal() -> None:
    chart = Chart(
        "Behov",
        ChartKind.STACKED_BAR,
        ("2025", "2026"),
        (Series("Tidlig", (Decimal("1.25"), None)),),
    )
    table = chart_text.values(chart)
    assert table.headers == ("", "Tidlig")
    assert table.rows == (("2025", "1,3"), ("2026", ""))
    big = chart_text.values(FORECAST)
    assert big.headers == ("", "Prognose", "Korrigeret budget", "P10", "P90")
    assert big.rows[1] == ("feb.", "192.400", "188.000", "181.000", "199.000")


def test_inline_chart_is_one_image_named_by_its_caption_and_described_by_its_summary() -> None:
    html = chart_figure(FORECAST, "prognose")
    match = re.search(r"<svg [^>]*>", html)
    assert match is not None
    svg = match.group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="prognose-titel"' in svg and 'aria-describedby="prognose-tekst"' in svg
    assert '<figcaption id="prognose-titel">Prognose</figcaption>' in html
    assert f'id="prognose-tekst">{chart_text.summary(FORECAST)}</p>' in html
    details = html[html.index("<details") :]
    assert details.count("<tr>") == len(MONTHS) + 1  # the header and one row per month


def test_the_pdf_gets_the_summary_and_an_image_with_alt_text_but_no_folded_table() -> None:
    html = chart_figure(FORECAST, "f", inline=False)
    assert '<img alt="Prognose"' in html and chart_text.summary(FORECAST) in html
    assert "<details" not in html


def test_every_id_in_a_report_is_unique_and_every_table_scrolls_in_a_labelled_region() -> None:
    body = render_body(build_annual(figures_2017()))
    ids = re.findall(r' id="([^"]+)"', body)
    assert len(ids) == len(set(ids))
    regions = re.findall(r'role="region" tabindex="0" aria-labelledby="([^"]+)"', body)
    assert regions and set(regions) <= set(ids)
    assert body.count("<table") == len(regions)
    assert body.count('<svg role="img"') == body.count("<details")  # each chart, its numbers
