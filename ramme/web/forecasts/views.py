"""The follow-up pages (budgetopfølgning): the table for everyone, case-level drill-down
only through the access helpers (a caseworker sees her own cases; every read is logged)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ramme.core.disclosure import TableDisclosure
from ramme.core.forecast import METHOD_LABELS, Forecast
from ramme.core.ladder import LadderStep
from ramme.core.periods import is_month_end
from ramme.reports.suppression import MIN_CHILDREN
from ramme.web.accounts.access import (
    get_measure_for_user,
    record_shown,
    visible_measure_ids,
    visible_measures,
)
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.disclosure import (
    ShownVolume,
    line_disclosure,
    shown_changes,
    shown_volumes,
)
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.models import ActivityLine, Posting
from ramme.web.forecasts.services import (
    approval,
    cache,
    change_split,
    page_figures,
    precompute,
    year_end,
)
from ramme.web.forecasts.services import followup as service
from ramme.web.forecasts.services.figures import CaseRow, volume_children
from ramme.web.forecasts.services.known import UnknownImport, known_label
from ramme.web.forecasts.services.printed import PrintedRow, printed_rows
from ramme.web.forecasts.services.table import Table
from ramme.web.front.danish_input import as_of_from_request
from ramme.web.front.excel_tables import excel_tables
from ramme.web.front.pagination import paginate

# fewer earlier years than this: the line page says the calibration and the band rest on
# little (on the synthetic worlds, two years gave twice the error at 31 March and a frame
# band holding about 70 %: docs/forecast-worlds.md, "A shorter history")
SHORT_HISTORY = 3
CALIBRATION_LABELS = METHOD_LABELS | {
    "accrual": "Årets sagsudgift × tidligere års bogføringsforhold"
}


def calibration_view(fc: Forecast, activity: str) -> dict[str, object]:
    """The line's calibration in the words and figures of the line page."""
    cal = fc.calibration
    if cal is None or not cal.years:
        return {"years": []}
    labels = CALIBRATION_LABELS
    weights = cal.weights[activity]
    return {
        "years": cal.years,
        "years_text": years_text(cal.years),
        "case_based": cal.case_based[activity],
        "ratio_pct": round(100 * cal.case_based_ratio[activity], 1),
        "weights": [(labels[m], round(100 * w)) for m, w in weights.items() if w >= 0.005],
        "switched": cal.switched[activity],
        "short_history": len(cal.years) < SHORT_HISTORY,
    }


def years_text(years: tuple[int, ...]) -> str:
    """``2021, 2022 og 2023``."""
    names = [str(y) for y in years]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _visible(user: User, rows: list[CaseRow]) -> list[CaseRow]:
    """Only the rows of measures ``user`` may see (one logged read of the list)."""
    if not rows:
        return []
    # None: she sees every case, so a month's thousands of rows need no query to filter
    allowed = visible_measure_ids(user)
    shown = rows if allowed is None else [r for r in rows if r.measure_id in allowed]
    record_shown(user, "measure", [r.measure_id for r in shown], "budgetopfølgning")
    return shown


def _case_lists(request: HttpRequest, user: User, fu: service.FollowUp) -> dict[str, object]:
    """The month's new and ended cases she may see, a page of each: at Copenhagen size a
    month has thousands, and one table of them all was most of the page's cost and size."""
    new, ended = _visible(user, fu.new), _visible(user, fu.ended)
    return {
        "new": paginate(request, new, "nye"),
        "ended": paginate(request, ended, "ophoerte"),
        "new_count": len(new),
        "ended_count": len(ended),
        # paging one list reloads the page: keep the list open that she was paging
        "cases_open": "nye" in request.GET or "ophoerte" in request.GET,
    }


def table_groups(
    table: Table, hide: TableDisclosure[str, str], line_pks: dict[str, int]
) -> tuple[list[dict[str, object]], PrintedRow]:
    """The page's groups and total as printed (the reports' rounding), with what ``hide``
    keeps from the user marked ``hidden``."""
    printed = iter(printed_rows(table))
    groups: list[dict[str, object]] = []
    for g in table.groups:
        rows = [replace(next(printed), hidden=hide.hides(r.activity)) for r in g.rows]
        subtotal = replace(next(printed), hidden=g.step in hide.groups)
        groups.append({"label": g.label, "subtotal": subtotal,
                       "rows": [(r, line_pks.get(r.activity)) for r in rows]})  # fmt: skip
    return groups, replace(next(printed), hidden=hide.total_hidden)


def _volumes(user: User, fu: service.FollowUp) -> dict[str, list[ShownVolume]]:
    """Units and prices per ladder step as ``user`` may see them."""
    page = fu.page
    if page is not None:  # the children behind each figure are stored with the figures
        return shown_volumes(user, fu.volumes, lambda: page.behind)
    return shown_volumes(user, fu.volumes,
                         lambda: volume_children(cache.prepared(), fu.forecast))  # fmt: skip


def _volume_table(
    user: User, fu: service.FollowUp
) -> tuple[list[int], list[tuple[str, list[ShownVolume | None]]]]:
    """The years, and per ladder step its label and each year's units and price (or none)."""
    steps = {s.value: s.label for s in LadderStep}
    years = sorted({v.year for rows in fu.volumes.values() for v in rows})
    rows = [
        (steps.get(step, step), [next((v for v in shown if v.year == y), None) for y in years])
        for step, shown in _volumes(user, fu).items()
    ]
    return years, rows


def _most_expensive(user: User, fu: service.FollowUp) -> list[CaseRow]:
    """The most expensive cases, for those who see every case (and the read is logged)."""
    if not user.sees_all_cases:
        return []
    expensive = fu.most_expensive()
    record_access(user, AuditEvent.Action.READ, "measure", detail="dyreste sager")
    return expensive


def _change_split(user: User, as_of: date, known_at: int | None) -> change_split.MonthChange | None:
    # per line, each part rests on a few cases: for those who may see them all
    if user.sees_all_cases and not known_at:
        return change_split.between_approved_months(as_of)
    return None


@login_required
@excel_tables
def follow_up(request: HttpRequest) -> HttpResponse:
    as_of = as_of_from_request(request)
    if not ActivityLine.objects.exists():
        return render(request, "forecasts/empty.html", {"as_of": as_of})
    waiting = precompute.waiting(as_of)
    if waiting is not None:  # new data: the background task is computing what we show
        return render(request, "forecasts/computing.html", {"as_of": as_of, "progress": waiting})
    user = _user(request)
    known_at = known_from_request(request)
    try:
        fu = service.followup(as_of, known_at=known_at)
    except UnknownImport as error:
        raise Http404(str(error)) from error
    line_pks = dict(ActivityLine.objects.values_list("name", "pk"))
    methods = [(key, label) for key, label in METHOD_LABELS.items()]
    volume_years, volume_rows = _volume_table(user, fu)
    hide = line_disclosure(user, fu.forecast, fu.page.children if fu.page else None)
    groups, total = table_groups(fu.table, hide, line_pks)
    context = {
        "as_of": as_of,
        "fu": fu,
        "line_pks": line_pks,
        "expensive": _most_expensive(user, fu),
        "methods": methods,
        "method_rows": [
            (m, [m.figures[k] for k, _ in methods])
            for m in fu.methods.lines
            if not hide.hides(m.activity)
        ],
        "method_total": [fu.methods.total.figures[k] for k, _ in methods],
        "volume_rows": volume_rows,
        "groups": groups,
        "total": total,
        "changes": shown_changes(user, fu.changes, fu.new, fu.ended),
        "hide": hide,
        "hidden_lines": hide.cells,
        "bridge_change": None if fu.bridge is None else fu.bridge.after - fu.bridge.before,
        "volume_years": volume_years,
        "chart": (fu.page or service.stored_figures(as_of)).charts[None],
        "sees_all": user.sees_all_cases,
        "closed": fu.months[-1] if fu.months[-1].approved else None,
        "can_close": user.sees_all_cases and is_month_end(as_of) and not known_at,
        "known_label": known_label(known_at) if known_at else "",
        "change_split": _change_split(user, as_of, known_at),
    }
    context |= _case_lists(request, user, fu)
    return render(request, "forecasts/follow_up.html", context)


def known_from_request(request: HttpRequest) -> int | None:
    """``?kendt=N``: the data as known after import N (none or not a number: the latest)."""
    value = request.GET.get("kendt", "").strip()
    return int(value) if value.isdigit() else None


@login_required
@excel_tables
def line_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(ActivityLine, pk=pk)
    as_of = as_of_from_request(request)
    waiting = precompute.waiting(as_of)
    if waiting is not None:
        return render(request, "forecasts/computing.html", {"as_of": as_of, "progress": waiting})
    fc = year_end.compute_forecast(as_of)
    try:
        line = fc.line(activity.name)
    except StopIteration as error:
        raise Http404("Aktiviteten har ingen prognose.") from error
    allowed = set(
        visible_measures(_user(request))
        .filter(measure_type__activity=activity)
        .values_list("measure_id", flat=True)
    )
    page = service.stored_figures(as_of)
    # hidden as on the follow-up page: the line itself, or as the one that would give it away
    hidden = line_disclosure(_user(request), fc, page.children).hides(activity.name)
    # stored highest cost first, as the page lists them
    measures = [row for row in page.line_rows[activity.name] if row["measure_id"] in allowed]
    record_shown(_user(request), "measure", [r["measure_id"] for r in measures], activity.name)
    history = page.history[activity.name]
    context = {
        "as_of": as_of,
        "activity": activity,
        "line": line,
        "calibration": calibration_view(fc, activity.name),
        "measures": measures,
        "measures_page": paginate(request, measures),
        "chart": page_figures.chart(page, activity.name, line.budget),
        "history": history,
        "hidden": hidden,  # the line's own figures: fewer than 5 children, not all hers
        "min_cases": MIN_CHILDREN,
    }
    return render(request, "forecasts/line_detail.html", context)


@login_required
def progress(request: HttpRequest) -> JsonResponse:
    """How far the background computation of the forecasts on ``?dato=`` has come."""
    waiting = precompute.waiting(as_of_from_request(request))
    if waiting is None:
        return JsonResponse({"ready": True})
    return JsonResponse({"ready": False, "done": waiting.done, "total": waiting.total})


@login_required
def measure_detail(request: HttpRequest, measure_id: str) -> HttpResponse:
    measure = get_measure_for_user(_user(request), measure_id)  # 404 unless visible; logged
    as_of = as_of_from_request(request)
    postings = Posting.objects.filter(measure=measure, date__lte=as_of).order_by("-date")
    page = page_figures.ready(as_of, year_end.default_simulations())
    if page is not None:  # stored: no walk over every measure of the forecast
        detail = page_figures.measure_row(page, measure_id)
    else:
        fc = year_end.compute_forecast(as_of)
        detail = next((r for r in fc.measures.rows() if r["measure_id"] == measure_id), None)
    context = {
        "as_of": as_of,
        "measure": measure,
        "detail": detail,
        "postings": paginate(request, postings),
        "prices": measure.prices.order_by("valid_from"),
    }
    return render(request, "forecasts/measure_detail.html", context)


@login_required
@require_POST
def approve(request: HttpRequest) -> HttpResponse:
    """ "Godkend månedens prognose": save and lock the month's forecast (who and when)."""
    as_of = as_of_from_request(request)
    try:
        approval.approve_month(_user(request), as_of)
        messages.success(request, f"Prognosen pr. {as_of:%d.%m.%Y} er godkendt og låst.")
    except approval.ApprovalError as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('forecasts:follow_up')}?dato={as_of:%d.%m.%Y}")
