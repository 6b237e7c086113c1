"""The small-number rule (diskretionering): no figure about fewer than five children.

Committee reports carry aggregates only. A count of 1-4 children is shown as «<5»; a figure
derived from so few children (an average price, a share) is shown as «–». Zero reveals
nobody and is shown as it is. Every table and chart that counts children uses these.
"""

from __future__ import annotations

from decimal import Decimal

from ramme.core.disclosure import MIN_CASES
from ramme.reports.model import Suppressed

MIN_CHILDREN = MIN_CASES  # one threshold for reports, pages and the API
SMALL_COUNT = Suppressed("<5")
DERIVED = Suppressed("–")


def is_small(children: int) -> bool:
    """True for 1-4 children: too few to publish."""
    return 0 < children < MIN_CHILDREN


def count_cell(count: int, children: int | None = None) -> int | Suppressed:
    """A count of units; hidden when it concerns 1-4 children (``children`` defaults to it)."""
    return SMALL_COUNT if is_small(count if children is None else children) else count


def derived_cell(value: Decimal | None, children: int) -> Decimal | Suppressed | None:
    """A figure computed from ``children`` children (e.g. price per unit)."""
    if value is None:
        return None
    return DERIVED if is_small(children) else value


def chart_value(count: int) -> int | None:
    """A count for a chart: a gap instead of a small number."""
    return None if is_small(count) else count


NOTE = "Tal for færre end 5 børn vises som «<5» eller «–» (diskretionering)."
