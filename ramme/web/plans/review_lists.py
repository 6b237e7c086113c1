"""The review lists (opfølgningslister) of the cases a user may see: the page and the API."""

from __future__ import annotations

from datetime import date

from ramme.core.plans import reviews
from ramme.core.plans.reviews import ReviewItem
from ramme.web.accounts.access import record_shown, visible_measures
from ramme.web.accounts.models import User
from ramme.web.plans.loader import PlanData, last_reviews


def review_lists(user: User, data: PlanData, day: date) -> dict[str, list[ReviewItem]]:
    """Due for review, past the duration limit, supplement issues, unapproved (one logged
    read of the user's measures)."""
    visible = set(visible_measures(user).values_list("measure_id", flat=True))
    measures = [m for m in data.measures if m.measure_id in visible]
    lists = {
        "due": reviews.due_for_review(measures, last_reviews(), day),
        "past_limit": reviews.past_duration_limit(measures, data.types, day),
        "supplements": reviews.supplement_issues(measures, day),
        "unapproved": reviews.unapproved(measures, day),
    }
    shown = [item.measure_id for items in lists.values() for item in items]
    record_shown(user, "measure", shown, "opfølgningslister")
    return lists
