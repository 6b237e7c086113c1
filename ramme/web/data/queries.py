"""Read-side queries over the contract data that several pages and reports share.

Each figure is computed here once; pages, the CLI and reports format the same values.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import F, Max, Min, Sum
from django.db.models.functions import ExtractYear

from ramme.web.data.models import Budget, Child, Measure, Posting


def ledger_totals(years: list[int] | None = None) -> dict[tuple[int, str | None], Decimal]:
    """Booked amount per (year, activity line name); ``None`` for unmapped postings."""
    rows = Posting.objects.annotate(year=ExtractYear("date"))
    if years:
        rows = rows.filter(year__in=years)
    totals = rows.values("year", "activity__name").annotate(total=Sum("amount"))
    return {(r["year"], r["activity__name"]): r["total"] or Decimal(0) for r in totals}


def children_behind_ledger(years: list[int]) -> dict[tuple[int, str | None], set[str]]:
    """The children whose postings make up each (year, activity line name) of
    ``ledger_totals``: for deciding which totals rest on too few children."""
    rows = Posting.objects.annotate(year=ExtractYear("date"))
    if years:
        rows = rows.filter(year__in=years)
    # a posting names its child directly, or through its measure
    fields = ("year", "activity__name", "child__key", "measure__child__key")
    behind: dict[tuple[int, str | None], set[str]] = defaultdict(set)
    for year, name, child, of_measure in rows.values_list(*fields).distinct():
        if child or of_measure:
            behind[(year, name)].add(child or of_measure)
    return behind


def years_covered() -> list[int]:
    """The calendar years that have postings, in order."""
    span = Posting.objects.aggregate(first=Min("date"), last=Max("date"))
    if span["first"] is None:
        return []
    return list(range(span["first"].year, span["last"].year + 1))


def budgets(year: int) -> dict[str, dict[str, Decimal]]:
    """Per activity line: ``{"adopted": ..., "corrected": ...}`` for ``year``.

    The latest corrected budget by date applies; without any, the adopted one.
    """
    result: dict[str, dict[str, Decimal]] = defaultdict(dict)
    rows = Budget.objects.filter(year=year).select_related("activity")
    rows = rows.order_by(F("date").asc(nulls_first=True))
    for row in rows:
        key = "adopted" if row.kind == Budget.Kind.ADOPTED else "corrected"
        # ordered by date (NULL first), so the latest corrected row wins
        result[row.activity.name][key] = row.amount
    for figures in result.values():
        figures.setdefault("adopted", Decimal(0))
        figures.setdefault("corrected", figures["adopted"])
    return dict(result)


def loaded_counts() -> dict[str, int]:
    """How many children, measures and postings are loaded (for the start page)."""
    return {
        "children": Child.objects.count(),
        "measures": Measure.objects.count(),
        "postings": Posting.objects.count(),
    }
