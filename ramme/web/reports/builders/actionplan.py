"""``ramme report actionplan --id N``: an action plan (handleplan) as the 2021 template.

Header, cause, the actions table, the expected effect per month and action (the plans
page's ``expected_table``), the expected overspend before and after, and the realised effect
per action (the plans page's ``effect_rows``): nothing is computed twice.
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from typing import Any

from ramme.core.periods import MONTH_ABBR_DA, format_date
from ramme.reports.model import (
    Cell,
    Column,
    ColumnKind,
    Paragraph,
    Report,
    Row,
    RowLevel,
    Section,
    Table,
)
from ramme.web.front.command_options import add_as_of, as_of_option
from ramme.web.plans import figures
from ramme.web.plans.loader import load_plan_data
from ramme.web.plans.models import ActionPlan
from ramme.web.plans.overspend import Overspend, plan_overspend
from ramme.web.reports.branding import branded

TEXT, KR = ColumnKind.TEXT, ColumnKind.AMOUNT_KR


def plan_id(value: str) -> int:
    """``--id``: an existing plan's number (a Danish message otherwise)."""
    try:
        pk = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' er ikke et handleplansnummer") from None
    if not ActionPlan.objects.filter(pk=pk).exists():
        raise argparse.ArgumentTypeError(f"handleplan {pk} findes ikke")
    return pk


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id", type=plan_id, required=True, help="handleplanens nummer")
    add_as_of(
        parser,
        "status pr. DD.MM.ÅÅÅÅ for den realiserede effekt og prognosen "
        "(standard: ultimo måneden for seneste postering)",
    )


def header(plan: ActionPlan) -> Section:
    rows = (
        ("Center", plan.centre, "Ansvarlig", plan.responsible),
        ("Virksomhed / område", plan.unit, "Ansvarlig", plan.unit_responsible),
        # dates as dates: Excel gets a date cell (dd.mm.åååå), the other formats 22.04.2021
        ("Opstart af handleplan", plan.start_date, "", ""),
        ("Opdateret", plan.last_updated or plan.start_date, "", ""),
    )
    table = Table(
        "Handleplanens hoved",
        tuple(Column(t, TEXT, w) for t, w in (("", 2), ("", 3), ("", 1), ("", 3))),
        tuple(Row(r) for r in rows),
        sheet_name="Hoved",
    )
    cause = plan.cause or "Ikke udfyldt."
    return Section(plan.title, (table, Paragraph("Årsag til merforbrug", True), Paragraph(cause)))


def actions(plan: ActionPlan) -> Section:
    columns = (
        Column("Nr.", TEXT, 1),
        Column("Indsatsområde", TEXT, 2),
        Column("Konkrete mål", TEXT, 3),
        Column("Handling og indsats", TEXT, 5),
        Column("Konsekvenser", TEXT, 3),
    )
    rows = tuple(
        Row((str(a.number), a.effort_area, a.goal, a.action_text, a.consequences))
        for a in plan.actions.all()
    )
    return Section(
        "Handlinger", (Table("Tabel 1. Handlinger", columns, rows, sheet_name="Handlinger"),)
    )


def _given(amount: Decimal | None) -> Cell:
    return "ikke angivet" if amount is None else amount


def expected(plan: ActionPlan, overspend_figures: tuple[Overspend, ...]) -> Section:
    """Months × actions with totals per month and year (Excel: SUM formulas)."""
    table = figures.expected_table(plan)
    columns = (
        Column("Handling (kr.)", TEXT, 16),
        *(Column(MONTH_ABBR_DA[m.month - 1], KR) for m in table.months),
        Column("I alt", KR, 11),
    )
    rows: list[Row] = []
    for action, cells, total in table.rows:
        values: list[Cell] = [f"{action.number}. {action.effort_area}", *cells, total]
        rows.append(Row(tuple(values)))
    rows.append(Row(("I alt", *table.totals, table.grand_total), RowLevel.TOTAL))
    overspend = Table(
        "Tabel 3. Forventet merforbrug",
        (Column("", TEXT, 30), Column("kr.", KR, 10)),
        tuple(Row((o.label, _given(o.amount))) for o in overspend_figures),
        sheet_name="Merforbrug",
    )
    title = f"Tabel 2. Forventet effekt pr. måned {plan.year}"
    return Section(
        "Forventet økonomisk effekt",
        (Table(title, columns, tuple(rows), sheet_name="Forventet effekt"), overspend),
    )


def realised(plan: ActionPlan, as_of: date) -> Section:
    day = figures.plan_as_of(plan, as_of)
    columns = (
        Column("Handling", TEXT, 30),
        Column("Forventet i året", KR),
        Column("Forventet til dato", KR),
        Column(f"Realiseret pr. {format_date(day)}", KR),
        Column("Difference", KR),
    )
    effect_rows = figures.effect_rows(plan, load_plan_data(), day)
    rows = [
        Row((f"{r.action.number}. {r.action.effort_area}", r.expected_year, r.expected_to_date,
             r.realised.total, r.difference))
        for r in effect_rows
    ]  # fmt: skip
    _, total = figures.area_rows(effect_rows)
    rows.append(
        Row(("I alt", total.expected_year, total.expected_to_date, total.realised,
             total.difference), RowLevel.TOTAL)
    )  # fmt: skip
    note = (
        "Realiseret effekt: kontrafaktisk minus faktisk udgift for handlingens målgruppe, "
        "beregnet som på handleplanssiden. Difference = forventet i året − realiseret."
    )
    table = Table("Tabel 4. Realiseret effekt pr. handling", columns, tuple(rows), note=note,
                  sheet_name="Realiseret effekt")  # fmt: skip
    return Section("Realiseret effekt", (table,))


def build(options: dict[str, Any]) -> Report:
    plan = ActionPlan.objects.get(pk=options["id"])
    today: date = options["today"]
    as_of = figures.plan_as_of(plan, as_of_option(options))
    report = Report(
        title=f"Handleplan {plan.year}",
        subtitle=f"{plan.title} – udarbejdes ved forventet merforbrug på 5 % af korrigeret "
        "budget eller 1 mio. kr.",
        municipality="",
        sections=(header(plan), actions(plan), expected(plan, plan_overspend(plan, as_of)),
                  realised(plan, as_of)),
        generated_on=today,
        landscape=True,
        slug=f"handleplan-{plan.pk}",
    )  # fmt: skip
    return branded(report)
