"""``GET /api/v1/reviews``: the review lists of the caller's cases (the read is logged)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from ramme.web.api.auth import api_user
from ramme.web.front.danish_input import default_as_of
from ramme.web.plans.review_lists import review_lists

router = Router(tags=["opfølgning"])


class ReviewItemOut(Schema):
    measure_id: str
    measure_type: str
    since: date
    reason: str


class ReviewsOut(Schema):
    as_of: date
    due: list[ReviewItemOut]  # six months or more since start or last review
    past_limit: list[ReviewItemOut]  # longer than the catalogue's duration limit
    supplements: list[ReviewItemOut]  # unnegotiated or open-ended supplements
    unapproved: list[ReviewItemOut]  # started without management approval


@router.get("", response=ReviewsOut, summary="Opfølgningslister")
def reviews(request: HttpRequest, as_of: date | None = None) -> dict[str, Any]:
    """As known on ``as_of`` (default: the pages' default opgørelsesdato)."""
    day = as_of or default_as_of()
    return {"as_of": day, **review_lists(api_user(request), day)}
