"""Writes of the follow-up: reviews, indicators and their conclusions, internal offers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.models import Measure, Provider
from ramme.web.plans.models import Indicator, IndicatorConclusion, InternalOffer, Review


def record_review(user: User, measure: Measure, reviewed_on: date, note: str = "") -> Review:
    """Record that a measure was reviewed (gennemgået) by ``user``."""
    with transaction.atomic():
        review = Review.objects.create(
            measure=measure, reviewed_on=reviewed_on, reviewer=user.get_username(), note=note
        )
        record_access(user, AuditEvent.Action.CHANGE, "measure", measure.measure_id, "gennemgået")
    return review


def save_indicator(
    user: User, data: Mapping[str, Any], indicator: Indicator | None = None
) -> Indicator:
    with transaction.atomic():
        indicator = indicator or Indicator(created_by=user)
        for name, value in data.items():
            setattr(indicator, name, value)
        indicator.updated_by = user
        indicator.save()
        record_access(user, AuditEvent.Action.CHANGE, "indicator", str(indicator.pk), "gemt")
    return indicator


def record_conclusion(
    user: User, indicator: Indicator, month: date, text: str
) -> IndicatorConclusion:
    """The month's conclusion (delkonklusion); a new one replaces the month's older text."""
    with transaction.atomic():
        conclusion = IndicatorConclusion.objects.create(
            indicator=indicator, month=month.replace(day=1), text=text, author=user
        )
        record_access(
            user,
            AuditEvent.Action.CHANGE,
            "indicator",
            str(indicator.pk),
            f"delkonklusion {month:%m.%Y}",
        )
    return conclusion


def set_internal_offer(
    user: User | None, provider: Provider, places: int, waiting: int = 0, staff: int = 0,
    label: str = "", measure_types: str = "",
) -> InternalOffer:  # fmt: skip
    with transaction.atomic():
        offer, _ = InternalOffer.objects.update_or_create(
            provider=provider,
            defaults={
                "places": places,
                "waiting": waiting,
                "staff": staff,
                "label": label,
                "measure_types": measure_types,
                "updated_by": user,
            },
        )
        record_access(user, AuditEvent.Action.CHANGE, "internaloffer", provider.provider_id)
    return offer
