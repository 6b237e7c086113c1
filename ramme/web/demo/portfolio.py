"""The demo's initiative portfolio (initiativportefølje): an example XLSX and its import.

``ramme demo`` writes the example workbook and imports it through the same importer as
``/rapporter/portefoelje/import/``, so the demo shows the portfolio report with data and a
new user has a file to copy. The workbook repeats what the original merges: a blank
Fokusområde, Delstrategi or Problem means «as the row above».
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ramme.web.demo.portfolio_data import INITIATIVES, LINKS, DemoInitiative
from ramme.web.plans.models import Action, Indicator
from ramme.web.reports.models import Initiative
from ramme.web.reports.services.portfolio_import import ImportResult, import_portfolio

FILENAME = "demo_initiativportefoelje.xlsx"
HEADER = [
    "Fokusområde",
    "Delstrategi",
    "Problem",
    "Handling",
    "Årlige forventede udgifter",
    "Finansiering",
    "Forventet effekt",
    "Implementeringsforudsætninger",
    "Anbefalet implementeringsstart",
]


def budget_years(items: tuple[DemoInitiative, ...] = INITIATIVES) -> list[int]:
    return sorted({year for item in items for year in item.needs})


def _row(item: DemoInitiative, previous: DemoInitiative | None, years: list[int]) -> list[object]:
    same_area = previous is not None and previous.focus_area == item.focus_area
    same_sub = same_area and previous is not None and previous.sub_strategy == item.sub_strategy
    same_problem = same_sub and previous is not None and previous.problem == item.problem
    return [
        "" if same_area else item.focus_area,
        "" if same_sub else item.sub_strategy,
        "" if same_problem else item.problem,
        item.action,
        item.yearly_cost,
        item.financing,
        item.expected_effect,
        item.prerequisites,
        item.start_year,
        *(item.needs.get(year) for year in years),
    ]


def write_workbook(path: Path, items: tuple[DemoInitiative, ...] = INITIATIVES) -> Path:
    """Write the example portfolio as the importer reads it (one sheet, header in row 1)."""
    years = budget_years(items)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = "Initiativer"
    sheet.append(HEADER + [f"Budgetbehov {year}" for year in years])
    previous = None
    for item in items:
        sheet.append(_row(item, previous, years))
        previous = item
    for column, width in zip("ABCDEFGHI", (28, 32, 50, 40, 28, 20, 50, 40, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "E2"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def link_demo_initiatives() -> int:
    """Link a few initiatives to the demo plan's indicators and actions (idempotent).

    Returns how many links exist afterwards; a missing indicator or action is skipped.
    """
    links = 0
    for action_text, indicator_name, mechanism in LINKS:
        initiative = Initiative.objects.filter(action=action_text).first()
        if initiative is None:
            continue
        if indicator_name:
            indicator = Indicator.objects.filter(name=indicator_name).order_by("-pk").first()
            if indicator is not None:
                initiative.indicators.add(indicator)
                links += 1
        if mechanism:
            action = Action.objects.filter(mechanism=mechanism).order_by("-plan__year").first()
            if action is not None:
                initiative.actions.add(action)
                links += 1
    return links


def ensure_demo_portfolio(folder: Path) -> ImportResult:
    """Write the example workbook into ``folder`` and import it; a second call changes nothing."""
    result = import_portfolio(write_workbook(folder / FILENAME))
    if result.errors:
        first = result.errors[0]
        raise RuntimeError(f"Demoporteføljen kunne ikke importeres: {first}")
    link_demo_initiatives()
    return result
