"""``ramme import MAPPE [--profile FIL]``: import a folder of data-contract files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.core.money import format_kr, format_number
from ramme.web.data.services.importer import ImportResult, import_folder

FILE_LABELS = {
    "read": "læst",
    "created": "oprettet",
    "updated": "opdateret",
    "unchanged": "uændret",
}
# A broken million-row file would otherwise flood the terminal; the total is still told.
MAX_ERRORS_SHOWN = 200


class Command(BaseCommand):
    help = (
        "Importér en mappe med datafiler (catalogue, activities, providers, children, measures, "
        "prices, price_index, postings, budget, events; CSV eller XLSX). Alt eller intet: "
        "ved fejl ændres intet."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", help="mappen med datafilerne")
        parser.add_argument("--profile", help="importprofil (TOML) for et andet filformat")
        parser.add_argument("--user", default="", help="brugernavn til importloggen")
        parser.add_argument(
            "--progress", action="store_true", help="vis fremdrift, også uden terminal"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        profile = Path(options["profile"]) if options["profile"] else None
        progress = options["progress"] or sys.stderr.isatty()
        result = import_folder(Path(options["folder"]), profile, options["user"], progress)
        if not result.ok:
            for error in result.errors[:MAX_ERRORS_SHOWN]:
                self.stderr.write(str(error))
            hidden = len(result.errors) - MAX_ERRORS_SHOWN
            if hidden > 0:
                self.stderr.write(f"… og {format_number(hidden)} fejl mere")
            raise CommandError(
                f"Importen er afvist: {format_number(len(result.errors))} fejl. Intet er ændret."
            )
        self.stdout.write(render_summary(result))


def render_summary(result: ImportResult) -> str:
    """The Danish text summary of a successful import."""
    summary = result.summary
    lines = ["Importen er gennemført.", "", "Filer:"]
    header = "  " + "fil".ljust(22) + "".join(label.rjust(11) for label in FILE_LABELS.values())
    lines.append(header)
    for counts in summary["files"].values():
        figures = "".join(format_number(counts[key]).rjust(11) for key in FILE_LABELS)
        lines.append("  " + counts["file"].ljust(22) + figures)
    if summary.get("children_from_cpr"):
        lines.append(f"  Børn oprettet ud fra CPR-nummer: {summary['children_from_cpr']}")
    if summary.get("remapped_postings"):
        count = format_number(summary["remapped_postings"])
        lines.append(f"  Posteringer henført til en (ny) aktivitet: {count}")
    if summary["totals"]:
        lines += ["", "Posteringer pr. år og aktivitet:"]
        for row in summary["totals"]:
            activity = row["activity"] or "(ingen aktivitet)"
            lines.append(
                f"  {row['year']}  {activity.ljust(30)}{format_kr(row['amount']).rjust(20)}"
            )
    unmatched = summary["unmatched"]
    if unmatched["count"]:
        lines += ["", f"Posteringer uden aktivitet: {format_number(unmatched['count'])}, fx:"]
        for ex in unmatched["examples"]:
            lines.append(
                f"  {ex['posting_id']}  {ex['date']}  funktion {ex['account']}"
                f"  dranst {ex['dranst']}  {format_kr(ex['amount'])}"
            )
    if result.warnings:
        lines += ["", "Advarsler:"] + [f"  - {warning}" for warning in result.warnings]
    return "\n".join(lines)
