"""Views of the front pages: fetch, call the core, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ramme.web.data import queries
from ramme.web.data.models import ActivityLine, ImportRun
from ramme.web.front.excel_tables import excel_tables
from ramme.web.front.overview import build_ledger_table


@login_required
@excel_tables
def start(request: HttpRequest) -> HttpResponse:
    """What is loaded: years, counts, ledger totals per year and activity line (aggregates)."""
    years = queries.years_covered()
    lines = ActivityLine.objects.values_list("name", "ladder_step")
    table = build_ledger_table(years, lines, queries.ledger_totals(years))
    context = {
        "years": years,
        "counts": queries.loaded_counts(),
        "table": table,
        "last_import": ImportRun.objects.first(),
    }
    return render(request, "front/start.html", context)
