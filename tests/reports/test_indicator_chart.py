"""Issue 17: the key indicator chart's labels are legible (4.5:1) and never overlap, and the
chart has a text summary."""

from __future__ import annotations

import re
from decimal import Decimal

from ramme.core.periods import Month
from ramme.core.plans.indicators import IndicatorStatus, Point
from ramme.reports.chart_text import indicator_summary as summary
from ramme.reports.charts import LABEL_GAP, indicator_svg


def _contrast_on_white(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


def _status(baseline: str, goal: str) -> IndicatorStatus:
    points = tuple(
        Point(Month(2024, m), Decimal(v), Decimal(v) <= Decimal(goal))
        for m, v in ((1, "30"), (2, "28"), (3, "25"))
    )
    return IndicatorStatus(Decimal(baseline), Decimal(goal), points)


def _labels(svg: str) -> dict[str, tuple[str, float]]:
    found = re.findall(
        r'<text x="[^"]+" y="([^"]+)" font-size="11" fill="([^"]+)">(\w+)</text>', svg
    )
    return {label: (colour, float(y)) for y, colour, label in found}


def test_basis_and_goal_labels_have_text_contrast_on_white() -> None:
    labels = _labels(indicator_svg(_status("30", "20")))
    assert set(labels) == {"basis", "mål"}
    assert all(_contrast_on_white(colour) >= 4.5 for colour, _ in labels.values())


def test_labels_move_apart_when_basis_and_goal_lie_close() -> None:
    labels = _labels(indicator_svg(_status("30", "29.9")))
    assert abs(labels["basis"][1] - labels["mål"][1]) >= LABEL_GAP - 0.1


def test_summary_states_the_latest_value_against_basis_and_goal() -> None:
    text = summary(_status("30", "26"))
    assert text.startswith("Seneste måling marts 2024: 25, basis 30, mål 26.")
    assert "Målet er nået." in text


def test_chart_points_to_its_summary() -> None:
    assert 'aria-describedby="graf-tekst"' in indicator_svg(
        _status("30", "20"), described_by="graf-tekst"
    )
