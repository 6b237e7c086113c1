"""``unlinked_posting``: an operating posting that names a child (or a CPR) but no measure.

State refunds (dranst 2) are booked per child by design (særligt dyre enkeltsager), so they
are not findings.
"""

from __future__ import annotations

from collections.abc import Iterator

from ramme.core.periods import format_date
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding

KIND = "unlinked_posting"
REFUND = 2


def unlinked_posting(ctx: Context) -> Iterator[Finding]:
    for p in ctx.child_postings:
        if p.dranst != REFUND:
            yield Finding(
                KIND,
                f"{KIND}:{p.posting_id}",
                p.date,
                p.child_key,
                None,
                p.amount,
                f"postering {p.posting_id} {format_date(p.date)} (funktion {p.account}) "
                "har et barn, men ingen indsats",
            )
