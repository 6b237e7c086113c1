"""The summary of an import: counts per file, ledger totals, unmatched postings.

It holds no personal data (no CPR numbers, no child keys, no free text), so it can be
stored on the ImportRun row and written to the audit log.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from ramme.importing.errors import scrub_cpr
from ramme.web.data.models import ActivityLine, Posting
from ramme.web.data.services.context import ImportContext

EXAMPLES = 5


def build_summary(ctx: ImportContext, names: dict[str, str], remapped: int) -> dict[str, Any]:
    unmatched = Posting.objects.filter(activity__isnull=True)
    examples = [
        {
            "posting_id": scrub_cpr(p.posting_id)[0],
            "date": p.date.isoformat(),
            "account": p.account,
            "dranst": p.dranst,
            "amount": str(p.amount),
        }
        for p in unmatched.order_by("date", "posting_id")[:EXAMPLES]
    ]
    return {
        "files": {
            name: {"file": names[name], **counts.as_dict()} for name, counts in ctx.files.items()
        },
        "children_from_cpr": ctx.children_created,
        "remapped_postings": remapped,
        "totals": ledger_totals(),
        "unmatched": {"count": unmatched.count(), "examples": examples},
    }


def ledger_totals() -> list[dict[str, Any]]:
    """Posting totals per year and activity line (None: not mapped), as text amounts.

    Grouped by date in the database and by year here: portable and fast on both databases.
    """
    names = dict(ActivityLine.objects.values_list("pk", "name"))
    rows = Posting.objects.values_list("date", "activity_id").annotate(total=Sum("amount"))
    totals: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for day, activity, total in rows.order_by():
        totals[(day.year, names.get(activity, ""))] += total
    return [
        {"year": year, "activity": activity or None, "amount": str(amount)}
        for (year, activity), amount in sorted(totals.items())
    ]
