"""The three pages: benchmark, internal offers, notifications and investigations.

Each builds its report section once (``sections``) and shows it with the reports' HTML
renderer, so the page shows exactly what the annual and monthly reports print.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ramme.reports.model import Report, Section
from ramme.reports.renderers.html import render_body, stylesheet
from ramme.web.benchmark import figures, sections
from ramme.web.data import queries
from ramme.web.front.danish_input import as_of_from_request


def _year(request: HttpRequest) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1900 < int(text) < 2200 else figures.default_year()


def _page(request: HttpRequest, title: str, section: Section, **context: object) -> HttpResponse:
    report = Report(title, str(settings.MUNICIPALITY_NAME), (section,))
    context |= {"title": title, "body": render_body(report), "css": stylesheet()}
    return render(request, "benchmark/page.html", context)


@login_required
def comparison(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    section = sections.benchmark_section(year, str(settings.MUNICIPALITY_NAME))
    years = queries.years_covered()[::-1] or [year]
    return _page(request, "Sammenligning med andre kommuner", section, year=year, years=years)


@login_required
def offers(request: HttpRequest) -> HttpResponse:
    as_of = as_of_from_request(request)
    section = sections.offers_section(as_of, figures.months_to(as_of))
    return _page(request, "Interne tilbud", section, as_of=as_of)


@login_required
def casework(request: HttpRequest) -> HttpResponse:
    as_of = as_of_from_request(request)
    section = sections.casework_section(as_of, figures.months_to(as_of))
    return _page(request, "Underretninger og undersøgelser", section, as_of=as_of)
