"""``{{ amount|tkr }}``: an amount in thousands of kroner, Danish format (1.000 kr.)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from ramme.core.money import format_number

register = template.Library()


@register.filter
def tkr(value: Decimal | int | float | None) -> str:
    if value is None or value == "":
        return ""
    return format_number(Decimal(repr(value) if isinstance(value, float) else value) / 1000)
