"""The data-quality findings stored per data version (lagrede datakvalitetsfund): every
finding on a day over every case, computed once (by the background task after new data, or
by the first page that needs them) and stored on the day's forecast row beside the review
lists, so no gunicorn worker loads the whole ledger and runs the rules while a user waits
for the follow-up page's badge or the findings page.

The findings are case level and stored for every case: readers keep only what the user
may see (``findings.visible``, ``findings.unexplained_count``). The explanations are not
stored here: they are written between imports and read on each view. The thresholds the
rules ran with are stored too, so a changed ``RAMME_QUALITY_*`` setting computes again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ramme.core.quality import Finding, Thresholds, check
from ramme.web.forecasts.services import stored
from ramme.web.forecasts.services.stored_results import StoredResult
from ramme.web.quality.services.data import dataset, ledger, thresholds

VERSION = 1  # bump when StoredFindings or Finding changes shape: older rows are computed again


@dataclass(frozen=True)
class StoredFindings:
    """The findings (datakvalitetsfund) on one day over every case, with their thresholds."""

    thresholds: Thresholds
    findings: list[Finding]


def build(day: date, limits: Thresholds) -> StoredFindings:
    """Run every rule on the whole dataset and ledger (seconds at Copenhagen size)."""
    return StoredFindings(limits, check(dataset(), day, limits, ledger=ledger()))


RESULT = StoredResult(
    "stored_quality_findings",
    VERSION,
    StoredFindings,
    stored.load_findings,
    stored.store_findings,
)


def stored_or_built(day: date) -> list[Finding]:
    """Every finding on ``day`` for the current data version: from this process's memo,
    else the database, else computed here and stored for the others (when the day has a
    row); computed again when the thresholds changed. Case level: filter before showing."""
    limits = thresholds()
    found = RESULT.get(
        day,
        lambda: build(day, limits),
        key=(day, limits),
        fresh=lambda kept: kept.thresholds == limits,
    )
    return found.findings
