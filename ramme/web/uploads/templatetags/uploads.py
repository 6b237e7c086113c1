"""Template filters of the import pages (the amounts and dates use the danish filters)."""

from __future__ import annotations

from datetime import date

from django import template

from ramme.web.data.models import ImportRun

register = template.Library()

ORIGINS = {"cli": "kommandolinje", "web": "browser", "api": "API"}


@register.filter
def origin_label(run: ImportRun) -> str:
    return ORIGINS.get(run.origin, run.origin)


@register.filter
def rows_read(run: ImportRun) -> int | None:
    """The rows read from all files of the import (unknown for an import before history)."""
    counts = [f.get("rows") for f in run.files]
    known = [c for c in counts if c is not None]
    return sum(known) if known else None


@register.filter
def isodate(value: str | None) -> date | None:
    """An ISO date from stored JSON, for the ``dkdate`` filter."""
    return date.fromisoformat(value) if value else None
