"""The review lists (opfølgningslister) of the cases a user may see: the page and the API.

The lists of every case are stored per data version and day (``stored_lists``), not
computed on every request: at Copenhagen size that took seconds per view. Each request
applies the reviews recorded since and keeps only the rows the user may see.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ramme.core.plans import reviews
from ramme.core.plans.reviews import ReviewItem
from ramme.web.accounts.access import record_shown, visible_measure_ids
from ramme.web.accounts.models import User
from ramme.web.forecasts.services import cache
from ramme.web.plans import stored_lists
from ramme.web.plans.loader import latest_reviews, recorded_reviews

Lists = dict[str, list[ReviewItem]]
MAX_DAYS = 16  # lists of this many (day, reviews) kept per data version


def all_review_lists(day: date) -> Lists:
    """The four lists over every case, with the reviews recorded in ramme (not per user)."""
    # A review saved here (or corrected in the admin) changes the «due» list without an
    # import, so the lists are keyed on the recorded reviews too (few rows, one query).
    recorded = recorded_reviews()
    by_day: dict[object, Lists] = cache.per_import("review_lists", dict)
    key = (day, recorded)
    if key not in by_day:
        if len(by_day) >= MAX_DAYS:
            by_day.pop(next(iter(by_day)))
        lists = dict(stored_lists.stored_or_built(day).lists)
        later = latest_reviews({}, recorded)
        lists["due"] = reviews.with_later_reviews(lists["due"], later, day)
        by_day[key] = lists
    return by_day[key]


def review_lists(user: User, day: date, record: bool = True) -> Lists:
    """Due for review, past the duration limit, supplement issues, unapproved, of the
    user's measures (one logged read). ``record=False``: the caller logs what it shows."""
    visible = visible_measure_ids(user)
    lists = all_review_lists(day)
    if visible is not None:
        lists = {
            key: [item for item in items if item.measure_id in visible]
            for key, items in lists.items()
        }
    if record:
        record_lists_shown(user, (item for items in lists.values() for item in items))
    return lists


def record_lists_shown(user: User, items: Iterable[ReviewItem]) -> None:
    """One access-log row naming the cases of the review lists that were shown."""
    record_shown(user, "measure", [item.measure_id for item in items], "opfølgningslister")
