"""What-if page (hvad nu hvis): a proposed action's saving per month and for the year, and
the year-end forecast before and after, before the action is adopted."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ramme.core.periods import Month
from ramme.core.plans import whatif
from ramme.reports.suppression import MIN_CHILDREN
from ramme.web.accounts.access import visible_measures
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.plans.forms import DATE_INPUT, _check_codes
from ramme.web.plans.loader import load_plan_data

log = logging.getLogger(__name__)
KINDS = [
    ("fewer_new", "Færre nye indsatser pr. måned"),
    ("price_cut", "Lavere pris for de dyreste indsatser"),
    ("conversion", "Omlægning til billigere indsatstype pr. måned"),
]


class WhatIfForm(forms.Form):
    kind = forms.ChoiceField(label="Handling", choices=KINDS)
    measure_types = forms.CharField(label="Indsatstyper (koder)", initial="OPH")
    to_types = forms.CharField(label="Omlægges til (koder)", initial="NPL", required=False)
    per_month = forms.DecimalField(
        label="Antal pr. måned", initial=4, min_value=0, max_digits=8, decimal_places=2,
        localize=True,
    )  # fmt: skip
    top_n = forms.IntegerField(label="Antal dyreste", initial=20, min_value=1)
    cut_pct = forms.DecimalField(
        label="Prisnedsættelse (%)", initial=10, min_value=0, max_value=100, localize=True
    )
    start = forms.DateField(label="Virker fra (måned)", widget=DATE_INPUT)

    def __init__(self, *args: Any, as_of: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.as_of = as_of
        self.fields["start"].initial = date(as_of.year, min(as_of.month + 1, 12), 1)

    def clean_measure_types(self) -> str:
        return _check_codes(self.cleaned_data["measure_types"])

    def clean_to_types(self) -> str:
        return _check_codes(self.cleaned_data.get("to_types") or "")

    def clean_start(self) -> date:
        start: date = self.cleaned_data["start"]
        if start.year != self.as_of.year:
            raise forms.ValidationError(f"Måneden skal ligge i prognoseåret {self.as_of.year}.")
        return start

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == "conversion" and not data.get("to_types"):
            self.add_error("to_types", "Angiv hvilken indsatstype der omlægges til.")
        return data


@dataclass(frozen=True)
class ForecastEffect:
    forecast: Decimal
    budget: Decimal
    saving: Decimal  # the part of the saving in months after the as-of month

    @property
    def after(self) -> Decimal:
        return self.forecast - self.saving


def compute(data: dict[str, Any], as_of: date, user: User) -> whatif.WhatIf:
    """The what-if on the measures ``user`` may see (a caseworker: her own cases)."""
    plan_data = load_plan_data()
    visible = set(visible_measures(user).values_list("measure_id", flat=True))
    types = frozenset(data["measure_types"].split(","))
    start = Month.of(data["start"])
    args = ([m for m in plan_data.measures if m.measure_id in visible],)
    if data["kind"] == "price_cut":
        cut = data["cut_pct"] / Decimal(100)
        return whatif.price_cut(*args, types, data["top_n"], cut, start, as_of, plan_data.index)
    if data["kind"] == "conversion":
        to = frozenset(data["to_types"].split(","))
        return whatif.conversion(*args, types, to, data["per_month"], start, as_of, plan_data.index)
    return whatif.fewer_new(*args, types, data["per_month"], start, as_of, plan_data.index)


def forecast_effect(result: whatif.WhatIf, as_of: date) -> ForecastEffect | None:
    """The year-end forecast on ``as_of`` before and after the saving still to come."""
    try:
        from ramme.web.forecasts.services.followup import compute_forecast

        fc = compute_forecast(as_of)
    except Exception:  # the saving is still worth showing when the forecast cannot be made
        log.exception("hvad-nu-hvis: prognosen kunne ikke beregnes")
        return None
    later = sum((v for m, v in result.by_month.items() if m > Month.of(as_of)), Decimal(0))
    return ForecastEffect(fc.total.forecast, fc.total.budget, later)


def default_as_of(request: HttpRequest) -> date:
    """``?dato=`` or the month end of the latest posting (what the forecast page uses)."""
    try:
        return date.fromisoformat(request.GET.get("dato", ""))
    except ValueError:
        from ramme.web.forecasts.services.followup import default_as_of as latest

        return latest()


def record_whatif(user: User, data: dict[str, Any], result: whatif.WhatIf) -> None:
    """The what-if in the access log: its parameters and the measures it rested on."""
    params = ", ".join(f"{k}={v}" for k, v in sorted(data.items()))
    ids = ", ".join(result.measure_ids)
    detail = f"{params}; {result.basis} indsatser" + (f": {ids}" if ids else "")
    record_access(user, AuditEvent.Action.READ, "whatif", data["kind"], detail)


@login_required
def whatif_page(request: HttpRequest) -> HttpResponse:
    day = default_as_of(request)
    user = cast(User, request.user)
    form = WhatIfForm(request.GET if "kind" in request.GET else None, as_of=day)
    result = effect = None
    too_few = False
    if form.is_bound and form.is_valid():
        result = compute(form.cleaned_data, day, user)
        record_whatif(user, form.cleaned_data, result)
        if result.basis < MIN_CHILDREN:  # the reports' small-number rule (diskretionering)
            result, too_few = None, True
        else:
            effect = forecast_effect(result, day)
    context = {
        "form": form, "as_of": day, "result": result, "effect": effect, "too_few": too_few,
        "min_cases": MIN_CHILDREN,
    }  # fmt: skip
    return render(request, "plans/whatif.html", context)
