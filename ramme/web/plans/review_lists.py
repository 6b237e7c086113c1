"""The review lists (opfølgningslister) of the cases a user may see: the page and the API.

The lists of every case are computed once per data version, day and state of the recorded
reviews (``cache.per_import``), not on every request: at Copenhagen size that took seconds
per view. Each request then only keeps the rows the user may see.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ramme.core.plans import reviews
from ramme.core.plans.reviews import ReviewItem
from ramme.web.accounts.access import record_shown, visible_measures
from ramme.web.accounts.models import User
from ramme.web.forecasts.services import cache
from ramme.web.plans.loader import (
    PlanData,
    imported_reviews,
    latest_reviews,
    recorded_reviews,
)

Lists = dict[str, list[ReviewItem]]
MAX_DAYS = 16  # lists of this many (day, reviews) kept per data version


def _all_lists(data: PlanData, day: date, recorded: tuple[tuple[str, date], ...]) -> Lists:
    measures = list(data.measures)
    imported = cache.per_import("imported_reviews", imported_reviews)
    return {
        "due": reviews.due_for_review(measures, latest_reviews(imported, recorded), day),
        "past_limit": reviews.past_duration_limit(measures, data.types, day),
        "supplements": reviews.supplement_issues(measures, day),
        "unapproved": reviews.unapproved(measures, day),
    }


def all_review_lists(data: PlanData, day: date) -> Lists:
    """The four lists over every case, cached per data version (not per user)."""
    # A review saved here (or corrected in the admin) changes the «due» list without an
    # import, so the lists are keyed on the recorded reviews too (few rows, one query).
    recorded = recorded_reviews()
    by_day: dict[object, Lists] = cache.per_import("review_lists", dict)
    key = (day, recorded)
    if key not in by_day:
        if len(by_day) >= MAX_DAYS:
            by_day.pop(next(iter(by_day)))
        by_day[key] = _all_lists(data, day, recorded)
    return by_day[key]


def review_lists(user: User, data: PlanData, day: date, record: bool = True) -> Lists:
    """Due for review, past the duration limit, supplement issues, unapproved, of the
    user's measures (one logged read). ``record=False``: the caller logs what it shows."""
    visible = set(visible_measures(user).values_list("measure_id", flat=True))
    lists = {
        key: [item for item in items if item.measure_id in visible]
        for key, items in all_review_lists(data, day).items()
    }
    if record:
        record_lists_shown(user, (item for items in lists.values() for item in items))
    return lists


def record_lists_shown(user: User, items: Iterable[ReviewItem]) -> None:
    """One access-log row naming the cases of the review lists that were shown."""
    record_shown(user, "measure", [item.measure_id for item in items], "opfølgningslister")
