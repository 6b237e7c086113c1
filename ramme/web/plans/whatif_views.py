"""What-if page (hvad nu hvis): a proposed action's saving per month and for the year, and
the year-end forecast before and after, before the action is adopted."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ramme.core.periods import Month
from ramme.core.plans import whatif
from ramme.reports.suppression import MIN_CHILDREN
from ramme.web.accounts.access import visible_measures
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.accounts.rights import may_edit_plans, require_plan_editor
from ramme.web.front.danish_input import as_of_from_request
from ramme.web.front.excel_tables import excel_tables
from ramme.web.plans.loader import load_plan_data
from ramme.web.plans.services import plans as services
from ramme.web.plans.whatif_forms import MECHANISMS, SaveWhatIfForm, WhatIfForm

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ForecastEffect:
    forecast: Decimal
    budget: Decimal
    saving: Decimal  # the part of the saving in months after the as-of month

    @property
    def after(self) -> Decimal:
        return self.forecast - self.saving


def compute(data: dict[str, Any], as_of: date, user: User) -> whatif.WhatIf:
    """The core's saving over the chosen types, on the measures ``user`` may see (a
    caseworker: her own cases), narrowed to the chosen providers/cases."""
    plan_data = load_plan_data()
    visible = set(visible_measures(user).values_list("measure_id", flat=True))
    measures = tuple(
        m
        for m in plan_data.measures
        if m.measure_id in visible
        and (not data.get("providers") or m.provider_id in data["providers"])
        and (not data.get("cases") or m.measure_id in data["cases"])
    )
    types = frozenset(data["measure_types"])
    start = Month.of(data["start"])
    if data["kind"] == "price_cut":
        cut = data["cut_pct"] / Decimal(100)
        return whatif.price_cut(measures, types, data["top_n"], cut, start, as_of, plan_data.index)
    if data["kind"] == "conversion":
        to = frozenset(data["to_types"])
        return whatif.conversion(measures, types, to, data["per_month"], start, as_of,
                                 plan_data.index)  # fmt: skip
    return whatif.fewer_new(measures, types, data["per_month"], start, as_of, plan_data.index)


def action_data(data: dict[str, Any], result: whatif.WhatIf, area: str) -> dict[str, Any]:
    """The proposed action (foreslået handling) the what-if describes."""
    price_cut = data["kind"] == "price_cut"
    return {
        "effort_area": area,
        "action_text": result.note,
        "consequences": "Foreslået fra hvad-nu-hvis; besparelsen pr. måned er beregnet.",
        "mechanism": MECHANISMS[data["kind"]],
        "measure_types": ",".join(data["measure_types"]),
        "to_types": ",".join(data.get("to_types") or []),
        "providers": ",".join(data.get("providers") or []),
        "from_date": data["start"],
        "count_per_month": None if price_cut else data["per_month"],
        "price_change_pct": -data["cut_pct"] if price_cut else None,
        "top_n": data["top_n"] if price_cut else None,
        "proposed": True,
    }


def monthly_effect(result: whatif.WhatIf) -> dict[int, Decimal | None]:
    return {m.month: v.quantize(Decimal(1)) for m, v in result.by_month.items()}


def forecast_effect(result: whatif.WhatIf, as_of: date) -> ForecastEffect | None:
    """The year-end forecast on ``as_of`` before and after the saving still to come."""
    try:
        from ramme.web.forecasts.services.year_end import compute_forecast

        fc = compute_forecast(as_of)
    except Exception:  # the saving is still worth showing when the forecast cannot be made
        log.exception("hvad-nu-hvis: prognosen kunne ikke beregnes")
        return None
    later = sum((v for m, v in result.by_month.items() if m > Month.of(as_of)), Decimal(0))
    return ForecastEffect(fc.total.forecast, fc.total.budget, later)


def record_whatif(user: User, data: dict[str, Any], result: whatif.WhatIf) -> None:
    """The what-if in the access log: its parameters and the measures it rested on."""
    params = ", ".join(f"{k}={v}" for k, v in sorted(data.items()))
    ids = ", ".join(result.measure_ids)
    detail = f"{params}; {result.basis} indsatser" + (f": {ids}" if ids else "")
    record_access(user, AuditEvent.Action.READ, "whatif", data["kind"], detail)


@login_required
@excel_tables
def whatif_page(request: HttpRequest) -> HttpResponse:
    day = as_of_from_request(request)
    user = cast(User, request.user)
    form = WhatIfForm(request.GET if "kind" in request.GET else None, as_of=day, user=user)
    result = effect = None
    too_few = False
    if form.is_bound and form.is_valid():
        result = compute(form.cleaned_data, day, user)
        record_whatif(user, form.cleaned_data, result)
        if result.basis < MIN_CHILDREN:  # the reports' small-number rule (diskretionering)
            result, too_few = None, True
        else:
            effect = forecast_effect(result, day)
    context = {"form": form, "as_of": day, "result": result, "effect": effect,
               "too_few": too_few, "min_cases": MIN_CHILDREN,
               "save_form": SaveWhatIfForm(), "can_save": may_edit_plans(user),
               "query": request.GET.urlencode(),
               "hidden": [(k, v) for k in request.GET for v in request.GET.getlist(k)
                          if k != "excel"]}  # fmt: skip
    return render(request, "plans/whatif.html", context)


@login_required
@require_POST
def whatif_save(request: HttpRequest) -> HttpResponse:
    """Save the what-if (recomputed from its parameters) as a proposed action of a plan."""
    user = require_plan_editor(request.user)
    day = as_of_from_request(request)
    form = WhatIfForm(request.POST, as_of=day, user=user)
    target = SaveWhatIfForm(request.POST)
    if not (form.is_valid() and target.is_valid()):
        messages.error(request, "Handlingen kunne ikke gemmes: " + _errors(form, target))
        return redirect(f"{reverse('plans:whatif')}?{request.POST.get('query', '')}")
    plan = target.cleaned_data["plan"]
    result = compute(form.cleaned_data, day, user)
    data = action_data(form.cleaned_data, result, target.cleaned_data["effort_area"])
    services.save_action(user, plan.pk, plan.version, data, monthly_effect(result))
    messages.success(request, f"Gemt som foreslået handling i «{plan.title}».")
    return redirect("plans:detail", pk=plan.pk)


def _errors(*forms_: forms.Form) -> str:
    return " ".join(str(e) for f in forms_ for errors in f.errors.values() for e in errors)
