"""Report pages, downloads, the portfolio's forms and import, and the transfers form.

A report page and its downloads call the same builder with the same options (parsed from
the query string by the builder's own argument definitions), so every figure on the page
is the figure in the files.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from ramme.reports.renderers import RENDERERS
from ramme.reports.renderers.html import render_body, stylesheet
from ramme.web.accounts.models import User
from ramme.web.accounts.rights import may_edit_reports, require_report_editor
from ramme.web.budgets.models import YearTransfer
from ramme.web.budgets.services.transfers import set_transfers
from ramme.web.data import queries
from ramme.web.data.models import ActivityLine
from ramme.web.front.danish_input import default_as_of
from ramme.web.plans.models import ActionPlan
from ramme.web.reports import forms
from ramme.web.reports.access import require_case_access
from ramme.web.reports.builders import BUILDERS, OptionError, Options, parse_options
from ramme.web.reports.models import Initiative
from ramme.web.reports.services.portfolio import save_initiative
from ramme.web.reports.services.portfolio_import import import_portfolio
from ramme.web.reports.services.rendered import render_file


def _options(request: HttpRequest, kind: str) -> Options:
    if kind not in BUILDERS:
        raise Http404("Ukendt rapport.")
    options = parse_options(kind, request.GET)
    options["today"] = date.today()
    if options.get("restricted"):
        require_case_access(request.user, kind)
    return options


def _index_context() -> dict[str, object]:
    """What the reports page offers: each report with the inputs it takes."""
    return {
        "builders": BUILDERS,
        "years": queries.years_covered()[::-1],
        "monthly_as_of": default_as_of(),
        "plans": ActionPlan.objects.order_by("-year", "title"),
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/index.html", _index_context())


@login_required
def show(request: HttpRequest, kind: str) -> HttpResponse:
    try:
        options = _options(request, kind)
    except OptionError as error:
        return render(
            request,
            "reports/index.html",
            _index_context() | {"error": str(error)},
            status=400,
        )
    report = BUILDERS[kind].build(options)
    context = {
        "kind": kind,
        "report": report,
        "body": render_body(report),
        "css": stylesheet(),
        "formats": RENDERERS.values(),
        "query": request.GET.urlencode(),
        "options": options,
        "can_edit": may_edit_reports(request.user),
        "can_see_cases": getattr(request.user, "sees_all_cases", False),
    }
    return render(request, "reports/show.html", context)


@login_required
def download(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    if fmt not in RENDERERS:
        raise Http404("Ukendt format.")
    try:
        options = _options(request, kind)
    except OptionError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    report = BUILDERS[kind].build(options)
    renderer = RENDERERS[fmt]
    response = HttpResponse(render_file(report, fmt), content_type=renderer.content_type)
    response["Content-Disposition"] = f'attachment; filename="{renderer.filename(report)}"'
    return response


@login_required
def initiative_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_report_editor(request.user)
    initiative = get_object_or_404(Initiative, pk=pk) if pk else None
    form = forms.InitiativeForm(request.POST or None, instance=initiative)
    needs = forms.BudgetNeedFormSet(
        request.POST or None, initial=forms.needs_initial(initiative), prefix="behov"
    )
    if request.method == "POST" and form.is_valid() and needs.is_valid():
        years = forms.cleaned_needs(needs)
        if all(f.is_valid() for f in needs.forms):
            data = form.cleaned_data
            save_initiative(
                initiative, data["focus_area"], data["sub_strategy"], data, years, _user(request)
            )
            messages.success(request, "Initiativet er gemt.")
            return redirect("reports:portfolio")
    return render(
        request,
        "reports/initiative_form.html",
        {"form": form, "needs": needs, "initiative": initiative},
    )


@login_required
def portfolio(request: HttpRequest) -> HttpResponse:
    rows = Initiative.objects.select_related("sub_strategy__focus_area")
    return render(
        request,
        "reports/portfolio.html",
        {"initiatives": rows, "can_edit": may_edit_reports(request.user)},
    )


@login_required
def portfolio_import(request: HttpRequest) -> HttpResponse:
    require_report_editor(request.user)
    form = forms.PortfolioImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.read())
            result = import_portfolio(path, _user(request))
        if not result.errors:
            messages.success(
                request,
                f"Importeret: {result.created} nye, {result.updated} ændrede, "
                f"{result.unchanged} uændrede initiativer.",
            )
            return redirect("reports:portfolio")
        errors = [str(e) for e in result.errors]
    return render(request, "reports/portfolio_import.html", {"form": form, "errors": errors})


@login_required
def transfers(request: HttpRequest, year: int) -> HttpResponse:
    require_report_editor(request.user)
    lines = list(ActivityLine.objects.all())
    current = {t.activity_id: t.amount for t in YearTransfer.objects.filter(year=year)}
    initial = {"frame": current.get(None)} | {
        f"line_{line.pk}": current.get(line.pk) for line in lines
    }
    form = forms.TransfersForm(request.POST or None, initial=initial, lines=lines)
    if request.method == "POST" and form.is_valid():
        set_transfers(year, form.amounts(), _user(request))
        messages.success(request, f"Overførslerne for {year} er gemt.")
        return redirect(reverse("reports:show", args=["annual"]) + f"?year={year}")
    return render(request, "reports/transfers.html", {"form": form, "year": year})


def _user(request: HttpRequest) -> User | None:
    """The logged-in user, for the audit row of a service."""
    return request.user if isinstance(request.user, User) else None
