"""The budget page: the year's budget per line with its history, and the budget form."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ramme.web.accounts.models import User
from ramme.web.accounts.rights import may_edit_reports, require_report_editor
from ramme.web.budgets.forms import BudgetForm
from ramme.web.budgets.overview import year_budget
from ramme.web.budgets.services.budgets import BudgetEntry, BudgetError, enter_budget
from ramme.web.front.danish_input import as_of_from_request
from ramme.web.front.excel_tables import excel_tables


def _year(request: HttpRequest) -> int:
    text = request.GET.get("aar") or request.POST.get("aar") or ""
    return int(text) if text.isdigit() else as_of_from_request(request).year


@login_required
@excel_tables
def budget_page(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    form = BudgetForm(request.POST or None, initial={"kind": "korrigeret"})
    if request.method == "POST":
        require_report_editor(request.user)
        if form.is_valid():
            data = form.cleaned_data
            entry = BudgetEntry(
                data["activity"], year, data["kind"], data["amount"], data["day"], data["note"]
            )
            try:
                enter_budget(cast(User, request.user), entry)
                messages.success(request, f"Budgettet for {entry.activity.name} er gemt.")
                return redirect(f"{reverse('budgets:page')}?aar={year}")
            except BudgetError as error:
                form.add_error(None, str(error))
    context = {
        "year": year,
        "budget": year_budget(year),
        "form": form,
        "can_edit": may_edit_reports(request.user),
    }
    return render(request, "budgets/page.html", context)
