"""The initiative portfolio report (initiativportefølje), like Copenhagen's city strategy.

Per focus area (fokusområde) a table of its initiatives: sub-strategy, problem, action,
yearly cost, financing, expected effect, prerequisites and recommended start year; then the
budget need per initiative and year, summed per year, and a chart of it by focus area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ramme.core.money import MILLION, format_kr
from ramme.reports.cells import total_row
from ramme.reports.model import (
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Paragraph,
    Report,
    Row,
    Section,
    Series,
    Table,
)


@dataclass(frozen=True)
class InitiativeFigures:
    """One initiative (tiltag) as the report shows it."""

    focus_area: str
    sub_strategy: str
    action: str
    problem: str = ""
    yearly_cost_text: str = ""
    yearly_cost: Decimal | None = None
    financing: str = ""
    expected_effect: str = ""
    prerequisites: str = ""
    start_year: int | None = None
    budget_need: dict[int, Decimal] = field(default_factory=dict)

    @property
    def cost_label(self) -> str:
        if self.yearly_cost_text:
            return self.yearly_cost_text
        return format_kr(self.yearly_cost) if self.yearly_cost is not None else ""


DETAIL_COLUMNS = (
    Column("Delstrategi", width=12),
    Column("Problem", width=20),
    Column("Handling", width=14),
    Column("Årlige forventede udgifter", width=10),
    Column("Finansiering", width=10),
    Column("Forventet effekt", width=16),
    Column("Implementeringsforudsætninger", width=14),
    Column("Start", ColumnKind.YEAR, width=5),
)


def _focus_areas(initiatives: Sequence[InitiativeFigures]) -> list[str]:
    return list(dict.fromkeys(i.focus_area for i in initiatives))


def table_focus_area(name: str, number: int, initiatives: Sequence[InitiativeFigures]) -> Table:
    rows = tuple(
        Row(
            (
                i.sub_strategy,
                i.problem,
                i.action,
                i.cost_label,
                i.financing,
                i.expected_effect,
                i.prerequisites,
                i.start_year,
            )
        )
        for i in initiatives
        if i.focus_area == name
    )
    return Table(f"Tabel {number}. {name}", DETAIL_COLUMNS, rows, sheet_name=f"{number} {name}")


def budget_years(initiatives: Sequence[InitiativeFigures]) -> list[int]:
    return sorted({year for i in initiatives for year in i.budget_need})


def table_budget(initiatives: Sequence[InitiativeFigures], number: int) -> Table:
    years = budget_years(initiatives)
    columns = (
        Column("Tiltag"),
        Column("Fokusområde"),
        *(Column(f"Budgetbehov {y}", ColumnKind.AMOUNT_KR) for y in years),
    )
    rows = [
        Row((i.action, i.focus_area, *(i.budget_need.get(y) for y in years)))
        for i in initiatives
        if i.budget_need
    ]
    rows.append(total_row("I alt", rows, tuple(c.kind for c in columns)))
    return Table(
        f"Tabel {number}. Budgetbehov pr. år (kr.)", columns, tuple(rows), sheet_name="Budgetbehov"
    )


def chart_budget(initiatives: Sequence[InitiativeFigures]) -> Chart:
    years = budget_years(initiatives)
    series = tuple(
        Series(
            area,
            tuple(
                sum(
                    (i.budget_need.get(y, Decimal(0)) for i in initiatives if i.focus_area == area),
                    Decimal(0),
                )
                / MILLION
                for y in years
            ),
        )
        for area in _focus_areas(initiatives)
        if any(i.budget_need for i in initiatives if i.focus_area == area)
    )
    return Chart(
        "Budgetbehov pr. år fordelt på fokusområder",
        ChartKind.STACKED_BAR,
        tuple(map(str, years)),
        series,
        unit="mio. kr.",
    )


def build_portfolio(
    initiatives: Sequence[InitiativeFigures],
    municipality: str,
    generated_on: date | None = None,
    title: str = "Initiativportefølje",
) -> Report:
    """The portfolio report; initiatives arrive ordered by focus area and sub-strategy."""
    areas = _focus_areas(initiatives)
    intro = Paragraph(
        f"Porteføljen rummer {len(initiatives)} initiativer fordelt på {len(areas)} fokusområder."
        if initiatives
        else "Der er endnu ikke registreret initiativer."
    )
    sections = [Section("Oversigt", (intro,))]
    for number, area in enumerate(areas, start=1):
        sections.append(Section(area, (table_focus_area(area, number, initiatives),)))
    if budget_years(initiatives):
        sections.append(
            Section(
                "Budgetbehov",
                (table_budget(initiatives, len(areas) + 1), chart_budget(initiatives)),
            )
        )
    return Report(
        title=title,
        subtitle="Fokusområder, delstrategier, initiativer og budgetbehov",
        municipality=municipality,
        sections=tuple(sections),
        generated_on=generated_on,
        landscape=True,
        slug="initiativportefoelje",
    )
