"""Pages of action plans: list, detail with the effect tables, forms, case drill-down."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ramme.web.accounts.access import record_shown, visible_measures
from ramme.web.accounts.models import User
from ramme.web.accounts.rights import may_edit_plans, require_plan_editor
from ramme.web.front.danish_input import as_of_from_request
from ramme.web.front.excel_tables import excel_tables
from ramme.web.front.pagination import paginate
from ramme.web.plans import figures
from ramme.web.plans.forms import ActionForm, LinkForm, PlanForm
from ramme.web.plans.loader import load_plan_data
from ramme.web.plans.models import Action, ActionPlan
from ramme.web.plans.overspend import plan_overspend
from ramme.web.plans.services import plans as services


def current_user(request: HttpRequest) -> User:
    """The logged-in user (the views are behind ``login_required``)."""
    return cast(User, request.user)


@login_required
@excel_tables
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = ActionPlan.objects.select_related("updated_by")
    return render(
        request, "plans/plan_list.html", {"plans": plans, "can_edit": may_edit_plans(request.user)}
    )


@login_required
def plan_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = require_plan_editor(request.user)
    plan = get_object_or_404(ActionPlan, pk=pk) if pk else None
    form = PlanForm(
        request.POST or None, instance=plan, initial={"version": plan.version if plan else 0}
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        if plan is None:
            plan = services.create_plan(user, data)
            return redirect("plans:detail", pk=plan.pk)
        try:
            services.update_plan(user, plan.pk, form.cleaned_data["version"] or 0, data)
            return redirect("plans:detail", pk=plan.pk)
        except services.PlanConflict as conflict:
            form.add_error(None, str(conflict))
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


@login_required
@excel_tables
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(ActionPlan, pk=pk)
    day = figures.plan_as_of(plan, as_of_from_request(request))
    rows = figures.effect_rows(plan, load_plan_data(), day)
    areas, total = figures.area_rows(rows)
    context = {
        "plan": plan,
        "as_of": day,
        "rows": rows,
        "areas": areas,
        "total": total,
        "expected": figures.expected_table(plan),
        "can_edit": may_edit_plans(request.user),
        "overspend": plan_overspend(plan, day),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def action_form(request: HttpRequest, plan_pk: int, pk: int | None = None) -> HttpResponse:
    user = require_plan_editor(request.user)
    plan = get_object_or_404(ActionPlan, pk=plan_pk)
    action = get_object_or_404(Action, pk=pk, plan=plan) if pk else None
    form = ActionForm(
        request.POST or None, instance=action, plan=plan, initial={"version": plan.version}
    )
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ActionForm.Meta.fields}
        try:
            services.save_action(
                user, plan.pk, form.cleaned_data["version"], data, form.effects(), pk
            )
            return redirect("plans:detail", pk=plan.pk)
        except services.PlanConflict as conflict:
            form.add_error(None, str(conflict))
    return render(request, "plans/action_form.html", {"form": form, "plan": plan, "action": action})


@login_required
def action_cases(request: HttpRequest, pk: int) -> HttpResponse:
    """The cases behind an action's realised effect, limited to the user's visible cases."""
    action = get_object_or_404(Action.objects.select_related("plan"), pk=pk)
    day = figures.plan_as_of(action.plan, as_of_from_request(request))
    (row,) = [
        r for r in figures.effect_rows(action.plan, load_plan_data(), day) if r.action.pk == pk
    ]
    visible = set(visible_measures(current_user(request)).values_list("measure_id", flat=True))
    cases = [c for c in row.realised.cases if c.measure_id in visible]
    record_shown(current_user(request), "measure", [c.measure_id for c in cases], f"handling {pk}")
    form = LinkForm(request.POST or None)
    if request.method == "POST" and _link(request, action, form):
        return redirect(request.get_full_path())
    context = {
        "action": action,
        "row": row,
        "cases": paginate(request, cases),
        "hidden": len(row.realised.cases) - len(cases),
        "as_of": day,
        "form": form if may_edit_plans(request.user) else None,
        "links": action.links.select_related("measure", "created_by").filter(
            measure__measure_id__in=visible
        ),
    }
    return render(request, "plans/action_cases.html", context)


def _link(request: HttpRequest, action: Action, form: LinkForm) -> bool:
    """Link the measure named in the form; a message beside the field when it cannot."""
    user = require_plan_editor(request.user)
    if not form.is_valid():
        return False
    measure_id = form.cleaned_data["measure_id"].strip()
    measure = visible_measures(user).filter(measure_id=measure_id).first()
    if measure is None:
        form.add_error("measure_id", f"Indsatsen {measure_id} findes ikke eller er ikke din.")
        return False
    services.link_measure(user, action, measure.pk, form.cleaned_data["note"])
    return True
