from __future__ import annotations

from decimal import Decimal

import pytest

from ramme.reports import charts
from ramme.reports.model import Chart, ChartKind, Series

CATEGORIES = ("jan", "feb", "mar")
ONE = Series("Modtagere", (Decimal(10), None, Decimal(12)))


@pytest.mark.parametrize(
    "chart",
    [
        Chart("Søjler", ChartKind.BAR, CATEGORIES, (ONE,)),
        Chart("Vandret", ChartKind.HBAR, CATEGORIES, (ONE,), unit="1.000 kr."),
        Chart("Stablet", ChartKind.STACKED_BAR, CATEGORIES, (ONE, Series("B", (1, 2, 3)))),
        Chart(
            "Bånd",
            ChartKind.LINE_BAND,
            CATEGORIES,
            (ONE,),
            band=(Series("lav", (8, 9, 10)), Series("høj", (12, 13, 14))),
        ),
        Chart("Mål", ChartKind.LINE_TARGET, CATEGORIES, (ONE,), baseline=11, target=9),
    ],
    ids=lambda c: c.kind.value,
)
def test_every_kind_draws_to_svg_and_png(chart: Chart) -> None:
    svg = charts.svg(chart)
    assert svg.startswith("<svg") and "feb" in svg
    assert charts.png(chart).startswith(b"\x89PNG")


def test_the_same_chart_gives_the_same_drawing() -> None:
    chart = Chart("Søjler", ChartKind.BAR, CATEGORIES, (ONE,))
    again = Chart("Søjler", ChartKind.BAR, CATEGORIES, (Series("Modtagere", ONE.values),))
    charts._render.cache_clear()
    first = charts.svg(chart)
    charts._render.cache_clear()
    assert charts.svg(again) == first


def test_axis_ticks_use_danish_thousands_separators() -> None:
    chart = Chart("Store", ChartKind.BAR, ("a",), (Series("x", (Decimal(250000),)),))
    assert "250.000" in charts.svg(chart)
