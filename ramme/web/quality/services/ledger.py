"""The ledger as the quality rules and the reconciliation read it, from the database: the
postings linked to a measure as columns (one query, on PostgreSQL packed like the
forecast's), the few the rules or the reconciliation list one by one as records, and the
reconciliation's sums per line summed by the database. No record per posting: at all of
Denmark (4.4 million postings) the records held gigabytes.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from django.db.models import Count, Min, Q, Sum

from ramme.core.forecast.data import IntArray
from ramme.core.periods import DateRange
from ramme.core.quality.ledger import QualityLedger, kroner
from ramme.core.reconcile import LedgerSums
from ramme.web.data import columns
from ramme.web.data.dataset import load_postings
from ramme.web.data.models import Measure, Posting

CHUNK = 900  # ids per query: below SQLite's oldest limit on a statement's parameters
ORE = columns.ORE


def quality_ledger() -> QualityLedger:
    """Every posting as the quality rules read them (``ramme.core.quality.ledger``)."""
    with columns.one_snapshot():
        measure, day, ore, ref = columns.linked_postings()
        pks, ids = _measures()
        first = Posting.objects.aggregate(first=Min("date"))["first"]
        children = load_postings(Q(measure__isnull=True, child__isnull=False))
    index = np.full(int(max(pks.max(initial=0), measure.max(initial=0))) + 1, -1, np.int64)
    index[pks] = np.arange(len(pks))
    code = index[measure]
    assert (code >= 0).all(), "a posting's measure was not read"
    return QualityLedger.from_columns(ids, code, day, ore, ref, _posting_ids, children, first)


def _measures() -> tuple[IntArray, list[str]]:
    """Every measure's row id and measure id."""
    rows = Measure.objects.values_list("pk", "measure_id")
    pks, ids = columns.columns_of(rows, columns.int64, list)
    return pks, ids


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
        total=Sum(ORE), linked=Sum(ORE, filter=Q(measure__isnull=False)), count=Count("id")
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
    return kroner(int(ore or 0))
