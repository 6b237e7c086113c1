"""What the accessibility statement (tilgængelighedserklæring) promises, in one place.

The browser tests (tests/web/a11y/) check exactly the pages in :data:`CHECKED_PAGES` with
axe-core, as each persona in :data:`PERSONAS` and at each width in :data:`WIDTHS`; the
statement page lists the same pages, so the statement cannot claim more than the tests
check. Another app adds its page with one line, e.g.
``CHECKED_PAGES.append(CheckedPage("Import af data", "data:import", editors_only=True))``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from ramme.web.accounts.access import visible_measures
from ramme.web.accounts.models import User
from ramme.web.data import queries
from ramme.web.data.models import ActivityLine, MeasureType
from ramme.web.plans.models import Action, ActionPlan, Indicator

# An example object for a page with an id in its address, chosen from the data the given
# user may see: returns the URL arguments (and is only called by the tests).
Example = Callable[[User], tuple[object, ...]]
Query = Callable[[User], str]  # the query string, likewise (e.g. "year=2024" for a report)


class CheckedPage(NamedTuple):
    label: str  # as the statement names the page
    url_name: str
    example: Example | None = None
    query: Query | None = None
    editors_only: bool = False  # a caseworker gets 403 here, so only editors are checked
    public: bool = False  # open without login: checked once, not per persona


def _first_line(user: User) -> tuple[object, ...]:
    used = MeasureType.objects.values_list("activity_id", flat=True)
    return (ActivityLine.objects.filter(pk__in=used).order_by("position", "pk").first().pk,)  # type: ignore[union-attr]


def _own_measure(user: User) -> tuple[object, ...]:
    return (visible_measures(user).order_by("measure_id").first().measure_id,)  # type: ignore[union-attr]


def _plan(user: User) -> tuple[object, ...]:
    return (ActionPlan.objects.order_by("pk").first().pk,)  # type: ignore[union-attr]


def _action(user: User) -> tuple[object, ...]:
    return (Action.objects.order_by("pk").first().pk,)  # type: ignore[union-attr]


def _indicator(user: User) -> tuple[object, ...]:
    return (Indicator.objects.order_by("pk").first().pk,)  # type: ignore[union-attr]


def _plan_query(user: User) -> str:
    return f"id={_plan(user)[0]}"


def _last_year_query(user: User) -> str:
    return f"year={queries.years_covered()[-1]}"


def _report(kind: str) -> Example:
    return lambda user: (kind,)


CHECKED_PAGES: list[CheckedPage] = [
    CheckedPage("Log ind", "login", public=True),
    CheckedPage("Tilgængelighedserklæring", "front:accessibility", public=True),
    CheckedPage("Forside", "front:start"),
    CheckedPage("Budgetopfølgning", "forecasts:follow_up"),
    CheckedPage("Prognose for en aktivitet", "forecasts:line", _first_line),
    CheckedPage("Indsats", "forecasts:measure", _own_measure),
    CheckedPage("Handleplaner", "plans:list"),
    CheckedPage("Handleplan", "plans:detail", _plan),
    CheckedPage("Ny handleplan", "plans:create", editors_only=True),
    CheckedPage("Sager bag en handlings effekt", "plans:action_cases", _action),
    CheckedPage("Pejlemærker", "plans:indicators"),
    CheckedPage("Pejlemærke", "plans:indicator", _indicator),
    CheckedPage("Opfølgningslister", "plans:reviews"),
    CheckedPage("Hvad nu hvis", "plans:whatif"),
    CheckedPage("Rapporter", "reports:index"),
    CheckedPage("Månedsrapport", "reports:show", _report("monthly")),
    CheckedPage("Regnskab", "reports:show", _report("annual"), _last_year_query),
    CheckedPage("Handleplan som rapport", "reports:show", _report("actionplan"), _plan_query),
    CheckedPage("Initiativportefølje (rapport)", "reports:show", _report("portfolio")),
    CheckedPage("Initiativportefølje", "reports:portfolio"),
    CheckedPage("Nyt initiativ", "reports:initiative_new", editors_only=True),
    CheckedPage("Prognosens træfsikkerhed", "forecasts:accuracy"),
    CheckedPage("Import af data", "uploads:upload", editors_only=True),
    CheckedPage("Importhistorik", "uploads:history", editors_only=True),
    CheckedPage("Datakvalitet", "quality:findings"),
    CheckedPage("Afstemning af posteringer", "quality:reconcile"),
    CheckedPage("Sammenligning med andre kommuner", "benchmark:comparison"),
    CheckedPage("Interne tilbud", "benchmark:offers"),
    CheckedPage("Underretninger og undersøgelser", "benchmark:casework"),
    CheckedPage("Budget og korrektioner", "budgets:page", editors_only=True),
    CheckedPage("Månedens tekster", "texts:edit", lambda u: ("maaned",), editors_only=True),
    CheckedPage("Adgangslog", "audit_log", editors_only=True),
]

# The reports whose downloadable HTML file is checked like a page (same rules, both widths).
CHECKED_REPORT_FILES: list[CheckedPage] = [
    CheckedPage("Månedsrapport (HTML-fil)", "reports:download", lambda u: ("monthly", "html")),
    CheckedPage(
        "Regnskab (HTML-fil)", "reports:download", lambda u: ("annual", "html"), _last_year_query
    ),
    CheckedPage(
        "Handleplan (HTML-fil)", "reports:download", lambda u: ("actionplan", "html"), _plan_query
    ),
    CheckedPage(
        "Initiativportefølje (HTML-fil)", "reports:download", lambda u: ("portfolio", "html")
    ),
]

PERSONAS = {"economist": "økonomikonsulent", "caseworker": "rådgiver"}
WIDTHS = (1280, 320)  # CSS pixels: a desktop, and 400 % zoom of 1280 (WCAG 1.4.10 reflow)
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
AXE_VERSION = "4.12.1"  # the axe-core the tests run; a test keeps this in step
REVIEWED_ON = date(2026, 12, 1)  # when the statement was last checked against the tests

# What is known not to meet WCAG 2.1 AA, or is not tested (manglende overholdelse). Keep
# this honest: when a test is added for one of these, or a new gap is found, change it here.
KNOWN_GAPS = (
    "Administrationen (/admin/, Djangos standardadministration, som kun økonomikonsulenter "
    "bruger til stamdata) er ikke testet og kan have fejl.",
    "Rapporterne som PDF, Word og Excel er ikke testet: PDF-filen er ikke tagget (PDF/UA), og "
    "figurerne har kun deres titel som tekstalternativ. Rapporternes HTML-udgave (på siden og "
    "som fil) er testet og har tekst og tal til hver figur.",
    "I graferne skelnes prognose og korrigeret budget kun på farven; tallene står i tabellen "
    "under hver graf.",
    "Testen er automatisk (axe-core finder ikke alle typer fejl) og med tastatur. Skærmlæsere "
    "(NVDA, JAWS, VoiceOver), Windows' kontrasttema og brugertest med personer med handicap er "
    "ikke gennemført.",
    "Sider, der ikke står på listen over testede sider (fx nye sider under udvikling), er ikke "
    "testet.",
)
