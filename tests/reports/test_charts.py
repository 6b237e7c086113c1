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


def test_horizontal_bar_labels_never_overlap() -> None:
    import itertools
    from decimal import Decimal

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from ramme.reports import charts
    from ramme.reports.model import Chart, ChartKind, Series

    names = tuple(f"Aktivitet nummer {i} med et langt navn" for i in range(40))
    values = tuple(Decimal((i * 7919) % 5000 - 800) for i in range(40))
    chart = Chart("Regnskab fordelt på aktiviteter", ChartKind.HBAR, names,
                  (Series("Regnskab", values),), unit="1.000 kr.")  # fmt: skip
    fig = charts.figure(chart)
    try:
        fig.canvas.draw()
        canvas = fig.canvas
        assert isinstance(canvas, FigureCanvasAgg)  # charts draws with Agg
        renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]  # Agg: unannotated
        ax = fig.axes[0]
        boxes = [t.get_window_extent(renderer) for t in ax.get_yticklabels()]
        boxes.sort(key=lambda b: b.y0)
        assert all(a.y1 <= b.y0 + 0.5 for a, b in itertools.pairwise(boxes))
        inside = ax.get_window_extent(renderer)
        for text in ax.texts:  # value labels stay inside the axes
            box = text.get_window_extent(renderer)
            assert inside.x0 - 1 <= box.x0 and box.x1 <= inside.x1 + 1
    finally:
        import matplotlib.pyplot as plt

        plt.close(fig)


def test_the_svg_is_drawn_in_plain_nodes() -> None:
    """WeasyPrint draws the PDF's charts node by node (issue 12): no bare groups, no
    metadata, no ``<use>``, no ``style`` to parse, and the ``*`` rule's stroke settings
    on each shape, under its own."""
    import re

    from ramme.reports import lean_svg

    chart = Chart("Mål", ChartKind.LINE_TARGET, CATEGORIES, (ONE,), baseline=11, target=9)
    charts._render.cache_clear()
    raw = charts._render(chart, "svg").decode("utf-8")
    raw = raw[raw.index("<svg") :]
    svg = charts.svg(chart)
    assert svg.startswith('<svg width="504pt"') and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert len(re.findall(r"<\w", svg)) < len(re.findall(r"<\w", raw)) / 2
    assert not re.search(r"<g id=\"[^\"]*\">|<metadata|<use |style=|<style", svg)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts == re.findall(r"<text[^>]*>([^<]*)</text>", raw) and "feb" in texts
    assert 'stroke-linejoin="miter" stroke-linecap="square"' in svg  # the axes' own
    assert 'stroke-linejoin="round" stroke-linecap="butt" fill="#ffffff"' in svg  # the rule's
    other = (
        '<svg xmlns="http://www.w3.org/2000/svg"><style>path{fill:red}</style>'
        '<path style="stroke: blue"/></svg>'
    )
    assert lean_svg.lean(other) == other  # another stylesheet may select by nesting: kept
