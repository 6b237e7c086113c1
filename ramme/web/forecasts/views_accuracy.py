"""The accuracy page (prognosens træfsikkerhed): the stored backtest of the latest complete
year, its computation asked for by an economist and followed with a progress bar."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ramme.core.forecast.band_oracle import one_year_range
from ramme.web.forecasts.chart import figure
from ramme.web.forecasts.models import AccuracyReport
from ramme.web.forecasts.services import accuracy
from ramme.web.forecasts.services import accuracy_tables as tables
from ramme.web.front.excel_tables import excel_tables


def _year(request: HttpRequest) -> int | None:
    text = request.GET.get("aar") or request.POST.get("aar") or ""
    return int(text) if text.isdigit() else accuracy.latest_year()


def _may_compute(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "sees_all_cases", False))


@login_required
@excel_tables
def accuracy_page(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    report = accuracy.current(year) if year else None
    if request.GET.get("format") == "json":
        return JsonResponse(_status(report))
    context: dict[str, object] = {
        "year": year,
        "report": report,
        "may_compute": _may_compute(request),
        "methods": [label for _, label in tables.METHODS],
    }
    payload = accuracy.payload_of(report) if report else None
    if payload is not None:
        months = tables.frame_months(payload)
        context |= {
            "months": months,
            # per line the errors rest on few cases: for those who may see them all
            "lines": tables.line_summaries(payload) if _may_compute(request) else [],
            "summary": payload["summary"],
            "chart": figure(tables.error_chart(months), "traefsikkerhed"),
            "honest_range": [bound / 100 for bound in one_year_range()],
        }
    return render(request, "forecasts/accuracy.html", context)


def _status(report: AccuracyReport | None) -> dict[str, object]:
    if report is None:
        return {"status": "missing", "months_done": 0}
    return {"status": report.status, "months_done": report.months_done, "error": report.error}


@require_POST
@login_required
def accuracy_compute(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    if not _may_compute(request) or year is None:
        return HttpResponse("Kun økonomer kan bestille beregningen.", status=403)
    accuracy.request(year)
    return redirect(f"{request.path.rsplit('beregn/', 1)[0]}?aar={year}")
