"""Fetch the annual accounts' figures once from the database and build the report."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings

from ramme.core.ladder import LadderStep
from ramme.core.records import Dataset
from ramme.reports.annual import UNMAPPED, AnnualFigures, LineFigures, build_annual
from ramme.reports.development import development, most_expensive_in_year
from ramme.reports.model import Report
from ramme.web.benchmark import figures as benchmark_figures
from ramme.web.benchmark import sections as benchmark_sections
from ramme.web.budgets.models import YearTransfer
from ramme.web.data import queries
from ramme.web.data.dataset import load_dataset
from ramme.web.data.models import ActivityLine
from ramme.web.reports.branding import branded
from ramme.web.texts.elements import ANNUAL
from ramme.web.texts.read import saved_texts

ZERO = Decimal(0)


def report_year(value: str) -> int:
    """``--year``: a year between 1900 and 2100 (the bounds the import holds dates to)."""
    try:
        year = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' er ikke et år") from None
    if not 1900 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"året {year} ligger uden for 1900-2100")
    return year


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=report_year, required=True, help="regnskabsåret, fx 2024")
    parser.add_argument(
        "--restricted",
        action="store_true",
        help="ledelsesversion med de dyreste sager (fortrolig på hver side)",
    )


def transfers(year: int) -> tuple[dict[str, Decimal], Decimal]:
    """Transfers per activity line name, and the one for the frame as a whole."""
    per_line: dict[str, Decimal] = {}
    frame = ZERO
    for row in YearTransfer.objects.filter(year=year).select_related("activity"):
        if row.activity is None:
            frame += row.amount
        else:
            per_line[row.activity.name] = row.amount
    return per_line, frame


def line_figures(year: int) -> tuple[list[LineFigures], Decimal]:
    budget = queries.budgets(year)
    ledger = queries.ledger_totals([year])
    moved, frame_transfer = transfers(year)
    lines = []
    for activity in ActivityLine.objects.all():
        figures = budget.get(activity.name, {})
        line = LineFigures(
            activity.name,
            LadderStep(activity.ladder_step),
            figures.get("adopted", ZERO),
            figures.get("corrected", ZERO),
            ledger.get((year, activity.name), ZERO),
            moved.get(activity.name, ZERO),
        )
        if any((line.adopted, line.corrected, line.accounts, line.transfers)):
            lines.append(line)
    unmapped = ledger.get((year, None), ZERO)
    if unmapped:
        lines.append(LineFigures(UNMAPPED, None, accounts=unmapped))
    return lines, frame_transfer


def own_rows(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """``RAMME_SPECIALISED_ROW``, kept only when one of its activity lines exists here."""
    existing = {line.name.casefold() for line in dataset.activities}
    configured: dict[str, tuple[str, ...]] = getattr(settings, "SPECIALISED_ROW", {})
    return {
        label: lines
        for label, lines in configured.items()
        if any(line.casefold() in existing for line in lines)
    }


def annual_figures(year: int, today: date, restricted: bool = False) -> AnnualFigures:
    """Everything the annual report shows for ``year``, each figure fetched once."""
    lines, frame_transfer = line_figures(year)
    years = range(year - 3, year + 1)
    dataset = load_dataset(postings=False)  # the ledger comes from queries.ledger_totals
    municipality = str(settings.MUNICIPALITY_NAME)
    compared = benchmark_figures.benchmark(year, municipality, dataset)
    return AnnualFigures(
        year=year,
        frame=str(getattr(settings, "FRAME_NAME", "") or "Bevillingsrammen"),
        municipality=municipality,
        lines=tuple(lines),
        frame_transfer=frame_transfer,
        development=development(
            dataset.measures, dataset.measure_types, dataset.price_index, years, own_rows(dataset)
        ),
        generated_on=today,
        texts=saved_texts(ANNUAL, date(year, 1, 1)),
        committee=str(getattr(settings, "COMMITTEE_NAME", "")),
        corrected_note=f"Korrigeret budget {year} er det seneste korrigerede budget i året.",
        expensive=tuple(
            most_expensive_in_year(
                dataset.measures, dataset.measure_types, dataset.price_index, year
            )
        )
        if restricted
        else None,
        benchmark=compared.comparisons,
        benchmark_missing=benchmark_sections.missing_benchmark_files(compared),
    )


def build(options: dict[str, Any]) -> Report:
    figures = annual_figures(
        int(options["year"]), options["today"], bool(options.get("restricted"))
    )
    return branded(build_annual(figures))
