"""``ramme generate MAPPE [--population N] [--years 2021-2024] [--seed S] [--scenario NAVN]``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.core.money import format_number
from ramme.demo import GenerationSummary, generate
from ramme.demo.parameters import SCENARIOS

_YEARS = re.compile(r"^\s*(\d{4})\s*-\s*(\d{4})\s*$")


def parse_years(text: str) -> tuple[int, int]:
    """``2021-2024`` → (2021, 2024); a single year means one year."""
    match = _YEARS.match(text)
    if match:
        first, last = int(match[1]), int(match[2])
    elif text.strip().isdigit() and len(text.strip()) == 4:
        first = last = int(text)
    else:
        raise CommandError(f"Ugyldige år «{text}»: skriv fx 2021-2024.")
    if first > last or first < 2000 or last > 2040:
        raise CommandError(f"Ugyldige år «{text}»: første år skal ligge før sidste, 2000-2040.")
    return first, last


class Command(BaseCommand):
    help = (
        "Generér en demokommune: alle datafiler (catalogue … events) og scenario.json i MAPPE. "
        "Samme frø giver byte-identiske filer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out_dir", metavar="MAPPE", help="mappen filerne skrives til")
        parser.add_argument(
            "--population", type=int, default=48_000, help="indbyggertal (standard 48.000)"
        )
        parser.add_argument("--years", default="2021-2024", help="årene, fx 2021-2024")
        parser.add_argument("--seed", type=int, default=1, help="tilfældighedsfrø (standard 1)")
        parser.add_argument(
            "--scenario",
            default="handleplan",
            choices=sorted(SCENARIOS),
            help="plantet handleplan: handleplan (standard) eller ingen",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["population"] < 1_000:
            raise CommandError("Indbyggertallet skal være mindst 1.000.")
        years = parse_years(options["years"])
        out = Path(options["out_dir"])
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} findes og er ikke en mappe.")
        try:
            summary = generate(
                out,
                population=options["population"],
                years=years,
                seed=options["seed"],
                scenario=options["scenario"],
            )
        except (ValueError, OSError) as exc:
            raise CommandError(f"Demokommunen kunne ikke genereres: {exc}") from None
        self.stdout.write(render(summary))


def render(summary: GenerationSummary) -> str:
    """The Danish report of what was written."""
    first, last = summary.years
    lines = [
        f"Demokommune genereret i {summary.out_dir}",
        f"  {format_number(summary.population)} indbyggere, {first}-{last}, "
        f"frø {summary.seed}, scenarie «{summary.scenario}»",
        "",
        "Filer:",
    ]
    for name, count in summary.counts.items():
        lines.append(f"  {name:<18}{format_number(count).rjust(12)} rækker")
    lines.append("  scenario.json      (det plantede scenarie og gennemgangssager)")
    lines.append("")
    lines.append(f"Tid: {format_number(summary.seconds, 1)} sekunder")
    return "\n".join(lines)
