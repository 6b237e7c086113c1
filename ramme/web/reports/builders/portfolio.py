"""Fetch the initiative portfolio once and build its report."""

from __future__ import annotations

import argparse
from typing import Any

from django.conf import settings

from ramme.reports.model import Report
from ramme.reports.portfolio import InitiativeFigures, build_portfolio
from ramme.web.reports.branding import branded
from ramme.web.reports.models import Initiative


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", default="Initiativportefølje", help="rapportens titel")


def initiative_figures() -> list[InitiativeFigures]:
    """Every initiative, ordered by focus area, sub-strategy and position (two queries)."""
    rows = Initiative.objects.select_related("sub_strategy__focus_area").prefetch_related(
        "budget_needs"
    )
    return [
        InitiativeFigures(
            focus_area=i.sub_strategy.focus_area.name,
            sub_strategy=i.sub_strategy.name,
            action=i.action,
            problem=i.problem,
            yearly_cost_text=i.yearly_cost_text,
            yearly_cost=i.yearly_cost,
            financing=i.financing,
            expected_effect=i.expected_effect,
            prerequisites=i.prerequisites,
            start_year=i.start_year,
            budget_need={n.year: n.amount for n in i.budget_needs.all()},
        )
        for i in rows
    ]


def build(options: dict[str, Any]) -> Report:
    return branded(
        build_portfolio(
            initiative_figures(),
            municipality=str(settings.MUNICIPALITY_NAME),
            generated_on=options["today"],
            title=options.get("title") or "Initiativportefølje",
        )
    )
