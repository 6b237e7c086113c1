"""The ledger as the quality rules and the reconciliation read it, from the database: the
postings linked to a measure as columns (one query, on PostgreSQL packed like the
forecast's), the few the rules or the reconciliation list one by one as records, and the
reconciliation's sums per line summed by the database. No record per posting: at all of
Denmark (4.4 million postings) the records held gigabytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import numpy as np
from django.db.models import Count, Min, Q, Sum

from ramme.core.forecast.data import IntArray
from ramme.core.money import from_ore
from ramme.core.periods import DateRange
from ramme.core.quality.ledger import QualityLedger
from ramme.core.reconcile import LedgerSums
from ramme.web.data import columns
from ramme.web.data.dataset import load_postings
from ramme.web.data.models import Measure, Posting

CHUNK = 900  # ids per query: below SQLite's oldest limit on a statement's parameters


def quality_ledger(measure_ids: Sequence[str]) -> QualityLedger:
    """Every posting as the quality rules read them (``ramme.core.quality.ledger``), each
    measure by its place in ``measure_ids`` (the dataset's, whose strings it keeps)."""
    place = {mid: i for i, mid in enumerate(measure_ids)}
    with columns.one_snapshot():
        measure, day, ore, ref = columns.linked_postings()
        code = _places(place, int(measure.max(initial=0)))[measure]
        first = Posting.objects.aggregate(first=Min("date"))["first"]
        children = load_postings(Q(measure__isnull=True, child__isnull=False))
    known = code >= 0  # as the records: the rules read only the dataset's measures
    if not known.all():
        code, day, ore, ref = code[known], day[known], ore[known], ref[known]
    del measure  # the rows stand sorted in the ledger: not here as well
    return QualityLedger.from_columns(place, code, day, ore, ref, _posting_ids, children, first)


def _places(place: dict[str, int], largest: int) -> IntArray:
    """From a measure's row id to its place (-1: not in ``place``)."""

    def places(ids: Sequence[str]) -> IntArray:
        return np.array([place.get(mid, -1) for mid in ids], dtype=np.int64)

    rows = Measure.objects.values_list("pk", "measure_id")
    pks, at = columns.columns_of(rows, columns.int64, places)
    index = np.full(max(largest, int(pks.max(initial=0))) + 1, -1, dtype=np.int64)
    index[pks] = at
    return index


def _posting_ids(refs: IntArray) -> list[str]:
    """The posting ids (bilag) of rows by row id, in their order."""
    wanted = refs.tolist()
    found: dict[int, str] = {}
    for start in range(0, len(wanted), CHUNK):
        rows = Posting.objects.filter(pk__in=wanted[start : start + CHUNK])
        found.update(rows.values_list("pk", "posting_id"))
    return [found[pk] for pk in wanted]


def ledger_sums(period: DateRange) -> LedgerSums:
    """The reconciliation's sums of the postings dated in ``period``, by the database."""
    dated = Q(date__gte=period.start, date__lt=period.stop)
    rows = Posting.objects.filter(dated).values("activity__name")
    sums = rows.annotate(
        total=Sum(columns.ORE),
        linked=Sum(columns.ORE, filter=Q(measure__isnull=False)),
        count=Count("id"),
    )
    lines = {
        r["activity__name"]: (_kr(r["total"]), _kr(r["linked"]), r["count"])
        for r in sums
        if r["activity__name"] is not None
    }
    total = sum((t for t, _, _ in lines.values()), Decimal(0))
    unmapped = load_postings(dated & Q(activity__isnull=True))
    total += sum((p.amount for p in unmapped), Decimal(0))
    count = sum(n for _, _, n in lines.values()) + len(unmapped)
    return LedgerSums(total, count, lines, unmapped)


def _kr(ore: int | Decimal | None) -> Decimal:
    return from_ore(int(ore or 0))
