"""The text page (tekster): every written element of a report for a month or a year."""

from __future__ import annotations

from datetime import date
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ramme.reports.richtext import to_html
from ramme.web.accounts.models import User
from ramme.web.accounts.rights import may_edit_reports, require_report_editor
from ramme.web.front.danish_input import as_of_from_request
from ramme.web.texts.elements import ANNUAL, MONTHLY, REPORT_LABELS, areas_of, elements
from ramme.web.texts.read import period_of, texts_for_editing
from ramme.web.texts.services.texts import TextError, save_texts

SLUGS = {"maaned": MONTHLY, "aar": ANNUAL}


def _period(request: HttpRequest, report: str) -> date:
    year = request.GET.get("aar") or request.POST.get("aar") or ""
    if report == ANNUAL and year.isdigit():
        return date(int(year), 1, 1)
    return period_of(report, as_of_from_request(request))


def _slots(report: str, period: date) -> list[dict[str, object]]:
    saved = texts_for_editing(report, period)
    slots: list[dict[str, object]] = []
    for element in elements(report):
        for area in areas_of(element):
            text = saved.get((element.key, area))
            slots.append({
                "name": f"{element.key}|{area}", "element": element, "area": area,
                "body": text.body if text else "", "draft_from": text.draft_from if text else None,
                "preview": to_html(text.body) if text else "",
            })  # fmt: skip
    return slots


@login_required
def edit_texts(request: HttpRequest, slug: str) -> HttpResponse:
    report = SLUGS.get(slug)
    if report is None:
        raise Http404("Ukendt rapport.")
    period = _period(request, report)
    if request.method == "POST":
        require_report_editor(request.user)
        texts = {tuple(k.split("|", 1)): v for k, v in request.POST.items() if "|" in k}
        try:
            n = save_texts(cast(User, request.user), report, period, texts)  # type: ignore[arg-type]
            messages.success(request, f"{n} tekst{'er' if n != 1 else ''} gemt.")
        except TextError as error:
            messages.error(request, str(error))
        query = f"aar={period.year}" if report == ANNUAL else f"dato={period:%d.%m.%Y}"
        return redirect(f"{reverse('texts:edit', args=[slug])}?{query}")
    context = {
        "slug": slug, "report": report, "label": REPORT_LABELS[report], "period": period,
        "slots": _slots(report, period), "can_edit": may_edit_reports(request.user),
    }  # fmt: skip
    return render(request, "texts/edit.html", context)
