"""Pages of the follow-up: key indicators with chart and conclusion, review lists."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe

from ramme.core.plans.indicators import IndicatorKind
from ramme.core.plans.internal import Capacity, caseloads, occupancy
from ramme.reports import chart_text, charts
from ramme.web.accounts.access import get_measure_for_user
from ramme.web.accounts.rights import may_edit_plans, require_plan_editor
from ramme.web.front.danish_input import as_of_from_request
from ramme.web.front.excel_tables import excel_tables
from ramme.web.front.pagination import paginate
from ramme.web.plans import figures, stored_lists
from ramme.web.plans.forms import ConclusionForm, IndicatorForm, ReviewForm
from ramme.web.plans.loader import load_plan_data
from ramme.web.plans.models import Action, Indicator, InternalOffer
from ramme.web.plans.review_lists import record_lists_shown, review_lists
from ramme.web.plans.review_order import SORTS, order_from_request, type_choices
from ramme.web.plans.services import followup
from ramme.web.plans.views import current_user


@login_required
@excel_tables
def indicator_list(request: HttpRequest) -> HttpResponse:
    data, day = load_plan_data(), as_of_from_request(request)
    rows = [(ind, figures.indicator_report(ind, data, day)) for ind in Indicator.objects.all()]
    return render(
        request,
        "plans/indicator_list.html",
        {"rows": rows, "as_of": day, "can_edit": may_edit_plans(request.user)},
    )


@login_required
def indicator_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = require_plan_editor(request.user)
    indicator = get_object_or_404(Indicator, pk=pk) if pk else None
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        saved = followup.save_indicator(user, form.cleaned_data, indicator)
        return redirect("plans:indicator", pk=saved.pk)
    return render(request, "plans/indicator_form.html", {"form": form, "indicator": indicator})


@login_required
@excel_tables
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    day = as_of_from_request(request)
    form = ConclusionForm(request.POST or None, initial={"month": day.replace(day=1)})
    if request.method == "POST" and form.is_valid():
        followup.record_conclusion(
            require_plan_editor(request.user),
            indicator,
            form.cleaned_data["month"],
            form.cleaned_data["text"],
        )
        return redirect("plans:indicator", pk=pk)
    status = figures.indicator_report(indicator, load_plan_data(), day)
    decimals = 2 if indicator.kind == IndicatorKind.SHARE else 0
    context = {
        "indicator": indicator,
        "status": status,
        "as_of": day,
        "form": form,
        "chart": mark_safe(charts.indicator_svg(status, decimals, described_by="graf-tekst")),
        "chart_summary": chart_text.indicator_summary(status, decimals),
        "conclusions": indicator.conclusions.select_related("author"),
    }
    return render(request, "plans/indicator_detail.html", context)


# The review lists in page order: key (also the heading's id), heading, whether each row has
# the «reviewed» form, and the query parameter of its pages.
REVIEW_LISTS = (
    ("due", "Over 6 måneder siden start eller sidste gennemgang", True, "side-gennemgang"),
    ("past_limit", "Over varighedsgrænsen", False, "side-varighed"),
    ("supplements", "Tillæg uden forhandling eller slutdato", False, "side-tillaeg"),
    ("unapproved", "Uden ledelsesgodkendelse", False, "side-godkendelse"),
)


def _paged_lists(request: HttpRequest, lists: dict[str, object]) -> list[dict[str, object]]:
    """Each review list with its heading and the page of it asked for, filtered and sorted
    as the querystring says (on the server: only one page of rows is sent)."""
    order = lists["order"]
    return [
        {"key": key, "title": title, "with_form": form, "param": param,
         "page": paginate(request, order.apply(lists[key]), param)}  # type: ignore[attr-defined]
        for key, title, form, param in REVIEW_LISTS
    ]  # fmt: skip


def _capacities() -> list[Capacity]:
    """The internal offers as capacities (configuration edited in ramme: read per view)."""
    return [
        Capacity(
            o.provider.provider_id,
            str(o),
            o.places,
            o.waiting,
            o.staff,
            frozenset(Action.codes(o.measure_types)),
        )
        for o in InternalOffer.objects.select_related("provider")
    ]


def _review_lists(request: HttpRequest) -> dict[str, object]:
    # everything over every case is stored per data version (stored_lists): a view walks
    # no measure, only the rows of the lists and the cases at the internal providers
    day = as_of_from_request(request)
    lists = review_lists(current_user(request), day, record=False)
    stored = stored_lists.stored_or_built(day)
    capacities = _capacities()
    return {
        "as_of": day,
        **lists,
        "order": order_from_request(request, stored.types),
        "sorts": [(value, label) for value, (label, _) in SORTS.items()],
        "types": type_choices(lists, stored.types),
        "occupancy": occupancy(capacities, stored.cases),
        "caseloads": caseloads(capacities, stored.cases),
    }


@login_required
@excel_tables
def review_list(request: HttpRequest) -> HttpResponse:
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        measure = get_measure_for_user(current_user(request), form.cleaned_data["measure_id"])
        followup.record_review(
            current_user(request),
            measure,
            form.cleaned_data["reviewed_on"],
            form.cleaned_data["note"],
        )
        return redirect(request.get_full_path())
    context = _review_lists(request)
    context["lists"] = _paged_lists(request, context)
    # the access log names the cases this page showed, not every row of the four lists
    shown = [item for entry in context["lists"] for item in entry["page"].object_list]  # type: ignore[attr-defined]
    record_lists_shown(current_user(request), shown)
    return render(request, "plans/review_list.html", {**context, "form": form})
