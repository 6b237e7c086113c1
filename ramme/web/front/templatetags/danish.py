"""Danish formatting in templates: thin wrappers over ramme.core.money and periods.

``{{ amount|kr }}`` → ``1.175.000 kr.``, ``{{ amount|mio }}`` → ``-3,3 mio. kr.``,
``{{ n|number }}`` → ``12.345``, ``{{ day|dkdate }}`` → ``31.03.2024``. Blank values render
as an empty string, so a missing figure never shows as ``None``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone

from ramme.core.money import format_kr, format_mio, format_number
from ramme.core.periods import format_date

register = template.Library()

Number = Decimal | int | float | None


@register.filter
def kr(value: Number) -> str:
    return "" if value is None or value == "" else format_kr(value)


@register.filter
def mio(value: Number, decimals: int = 1) -> str:
    return "" if value is None or value == "" else format_mio(value, int(decimals))


@register.filter
def number(value: Number, decimals: int = 0) -> str:
    return "" if value is None or value == "" else format_number(value, int(decimals))


@register.filter
def dkdate(value: date | datetime | None) -> str:
    """A date as 31.03.2024; an aware datetime is shown in local time with hours."""
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{format_date(local.date())} kl. {local:%H.%M}"
    return format_date(value)


@register.filter
def percent(share: Number, decimals: int = 0) -> str:
    """A share (0.83) as ``83 %``."""
    return (
        ""
        if share is None or share == ""
        else f"{format_number(float(share) * 100, int(decimals))} %"
    )
