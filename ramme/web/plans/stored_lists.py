"""The review lists stored per data version (lagrede opfølgningslister): the four lists over
every case and the cases at each provider (occupancy and caseload) on a day, computed once
(by the background task after new data, or by the first page that needs them) and stored on
the day's forecast row, so every gunicorn worker reads the same result and no request walks
every measure.

The «due» list is stored as computed from the imported reviews only; the reviews recorded in
ramme since are applied when it is read (``reviews.with_later_reviews``), so recording one
changes nothing stored. The row holds them pickled, as ``page_figures`` does: only ramme
writes the column, and a row that cannot be read is computed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ramme.core.plans import reviews
from ramme.core.plans.internal import ProviderCase, provider_cases
from ramme.core.plans.reviews import ReviewItem
from ramme.core.records import MeasureType
from ramme.web.forecasts.services import cache, stored
from ramme.web.forecasts.services.stored_results import StoredResult
from ramme.web.plans.loader import imported_reviews, plan_data_at_hand

Lists = dict[str, list[ReviewItem]]
VERSION = 1  # bump when StoredLists changes shape: older rows are computed again


@dataclass(frozen=True)
class StoredLists:
    """What the review-list page shows on one day that does not depend on the user."""

    lists: Lists  # over every case; «due» from the imported reviews only
    cases: dict[str, list[ProviderCase]]  # provider id → its active cases on the day
    types: dict[str, MeasureType]  # the catalogue, for the filter's choices


def build(day: date) -> StoredLists:
    """Compute the lists from every case (seconds at Copenhagen size)."""
    data = plan_data_at_hand()
    measures = list(data.measures)
    imported = cache.per_import("imported_reviews", imported_reviews)
    lists = {
        "due": reviews.due_for_review(measures, imported, day),
        "past_limit": reviews.past_duration_limit(measures, data.types, day),
        "supplements": reviews.supplement_issues(measures, day),
        "unapproved": reviews.unapproved(measures, day),
    }
    return StoredLists(lists, provider_cases(measures, day), dict(data.types))


RESULT = StoredResult(
    "stored_review_lists", VERSION, StoredLists, stored.load_review_lists, stored.store_review_lists
)


def stored_or_built(day: date) -> StoredLists:
    """The lists on ``day`` for the current data version: from this process's memo, else
    the database, else computed here and stored for the others (when the day has a row)."""
    return RESULT.get(day, lambda: build(day))
