"""Views of the front pages: fetch, call the core, render."""

from __future__ import annotations

from typing import cast

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ramme.web.accounts.access import visible_child_keys
from ramme.web.accounts.models import User
from ramme.web.data import queries
from ramme.web.data.models import ActivityLine, ImportRun
from ramme.web.front import accessibility as a11y
from ramme.web.front.excel_tables import excel_tables
from ramme.web.front.overview import build_ledger_table, hide_small_figures


@login_required
@excel_tables
def start(request: HttpRequest) -> HttpResponse:
    """What is loaded: years, counts, ledger totals per year and activity line (aggregates)."""
    years = queries.years_covered()
    lines = ActivityLine.objects.values_list("name", "ladder_step")
    table = build_ledger_table(years, lines, queries.ledger_totals(years))
    visible = visible_child_keys(cast(User, request.user))
    if visible is not None:  # economists and heads see every figure: no need to look
        hide_small_figures(table, queries.children_behind_ledger(years), visible)
    context = {
        "years": years,
        "counts": queries.loaded_counts(),
        "table": table,
        "last_import": ImportRun.objects.first(),
    }
    return render(request, "front/start.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (tilgængelighedserklæring), open without login: what the
    tests check (the same lists they read) and what is known not to meet WCAG 2.1 AA."""
    context = {
        "municipality": settings.MUNICIPALITY_NAME,
        "email": settings.ACCESSIBILITY_EMAIL,
        "phone": settings.ACCESSIBILITY_PHONE,
        "official_url": settings.ACCESSIBILITY_URL,
        "pages": [*a11y.CHECKED_PAGES, *a11y.CHECKED_REPORT_FILES],
        "personas": a11y.PERSONAS.values(),
        "widths": a11y.WIDTHS,
        "axe_version": a11y.AXE_VERSION,
        "axe_tags": a11y.AXE_TAGS,
        "gaps": a11y.KNOWN_GAPS,
        "reviewed_on": a11y.REVIEWED_ON,
    }
    return render(request, "front/accessibility.html", context)
