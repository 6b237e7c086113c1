"""Sorting and filtering of the review lists (sortering og filtrering af opfølgningslisterne)
on the server, from the querystring: ``?sorter=`` and ``?type=``, so a page sends only its
page of rows however long the lists are, and a link keeps the order it was shown in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.http import HttpRequest

from ramme.core.plans.reviews import ReviewItem
from ramme.core.records import MeasureType

SortKey = Callable[[ReviewItem], tuple[object, ...]]


def _oldest(i: ReviewItem) -> tuple[object, ...]:
    return (i.since, i.measure_id)


def _newest(i: ReviewItem) -> tuple[object, ...]:
    return (-i.since.toordinal(), i.measure_id)


def _measure(i: ReviewItem) -> tuple[object, ...]:
    return (i.measure_id,)


def _type(i: ReviewItem) -> tuple[object, ...]:
    return (i.measure_type, i.since, i.measure_id)


# value of ?sorter= → its Danish label and key; the first is the lists' own order
SORTS: dict[str, tuple[str, SortKey]] = {
    "aeldste": ("Ældste først", _oldest),
    "nyeste": ("Nyeste først", _newest),
    "indsats": ("Indsats", _measure),
    "type": ("Indsatstype", _type),
}
DEFAULT_SORT = "aeldste"


@dataclass(frozen=True)
class ReviewOrder:
    """The order and filter asked for: a ``SORTS`` key, and a measure type code ('' all)."""

    sort: str = DEFAULT_SORT
    measure_type: str = ""

    def apply(self, items: list[ReviewItem]) -> list[ReviewItem]:
        """The rows of one list kept by the filter, in the order asked for."""
        kept = [i for i in items if not self.measure_type or i.measure_type == self.measure_type]
        if self.sort == DEFAULT_SORT:  # the rule engine's own order: no sort needed
            return kept
        return sorted(kept, key=SORTS[self.sort][1])


def order_from_request(request: HttpRequest, types: Mapping[str, MeasureType]) -> ReviewOrder:
    """``?sorter=`` and ``?type=`` as given, an unknown value read as no choice."""
    sort = request.GET.get("sorter", DEFAULT_SORT)
    code = request.GET.get("type", "")
    return ReviewOrder(sort if sort in SORTS else DEFAULT_SORT, code if code in types else "")


def type_choices(
    lists: Mapping[str, list[ReviewItem]], types: Mapping[str, MeasureType]
) -> list[tuple[str, str]]:
    """(code, «code – name») of the measure types on any of the lists, by code."""
    codes = sorted({i.measure_type for items in lists.values() for i in items})
    return [(c, f"{c} – {types[c].name}" if c in types else c) for c in codes]
