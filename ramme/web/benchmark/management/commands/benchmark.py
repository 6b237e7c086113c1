"""``ramme benchmark --year Y [--json]``: the key figures per 1,000 children beside others."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from ramme.core.benchmark import Comparison
from ramme.reports.benchmark import has_values, table
from ramme.reports.cells import format_cell
from ramme.web.benchmark import figures, sections
from ramme.web.benchmark.serialize import comparisons_json
from ramme.web.front.command_options import add_json, write_json


def _line(cells: list[str]) -> str:
    """The first cell left-aligned, the figures right-aligned."""
    first, *rest = cells
    return f"{first[:27]:<28}" + "".join(f"{cell:>14}" for cell in rest[:-1]) + f"  {rest[-1]}"


def render(comparisons: tuple[Comparison, ...]) -> str:
    """Each indicator as the annual report's table, in plain text."""
    lines: list[str] = []
    for comparison in (c for c in comparisons if has_values(c)):
        t = table(comparison)
        lines += ["", t.title, _line([c.title for c in t.columns])]
        for row in t.rows:
            pairs = zip(row.cells, t.columns, strict=True)
            lines.append(_line([format_cell(value, column.kind) for value, column in pairs]))
    return "\n".join(lines).strip()


class Command(BaseCommand):
    help = "Sammenligning pr. 1.000 børn: kommunens nøgletal ved siden af andre kommuner og landet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--year",
            type=int,
            default=None,
            help="seneste år (standard: seneste år med posteringer)",
        )
        add_json(parser, "skriv JSON (som API'et)")

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"] or figures.default_year()
        found = figures.benchmark(year, str(settings.MUNICIPALITY_NAME))
        if options["json"]:
            payload = comparisons_json(year, found.comparisons)
            write_json(self.stdout, payload)
            return
        for ask in sections.missing_benchmark_files(found):
            self.stdout.write(ask)
        self.stdout.write(render(found.comparisons) or "Ingen nøgletal for de valgte år.")
