"""Long lists in pages (sider): a screen reader or keyboard user can get past a list of
3,000 cases only if it is not one table of 3,000 rows.

Each list on a page has its own query parameter, so paging one list keeps the others (and
``?dato=``) where they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

T = TypeVar("T")
PAGE_SIZE = 50  # rows per page; settings.RAMME_PAGE_SIZE overrides it (tests use a few)


def page_size() -> int:
    return int(getattr(settings, "RAMME_PAGE_SIZE", PAGE_SIZE))


def paginate(
    request: HttpRequest, items: Sequence[T] | QuerySet[Any], param: str = "side"
) -> Page[Any]:
    """The page of ``items`` that ``?<param>=N`` asks for (the first one for a bad N)."""
    return Paginator(items, page_size()).get_page(request.GET.get(param))
