"""``ramme reconcile --year Y [--as-of DATE] [--json]``: the ledger reconciled to the krone."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.core.money import format_number
from ramme.core.periods import format_date
from ramme.core.reconcile import Reconciliation
from ramme.web.data.models import ActivityLine
from ramme.web.front.command_options import add_as_of, add_json, as_of_option, write_json
from ramme.web.quality.services.reconciliation import reconciliation

HEADERS = ("Bogført", "På indsatser", "Øvrige", "I prognosen", "Afvigelse")
NAME, WIDTH = 40, 16


def _row(name: str, values: list[Any]) -> str:
    cells = "".join(("" if v is None else format_number(v)).rjust(WIDTH) for v in values)
    return f"{name[:NAME].ljust(NAME)}{cells}"


def render(r: Reconciliation) -> str:
    """The Danish text form of a reconciliation (amounts in kr.)."""
    rule = "-" * (NAME + WIDTH * len(HEADERS))
    out = [
        f"Afstemning {r.year} pr. {format_date(r.as_of)}: {format_number(r.postings)} posteringer",
        f"{'Aktivitet (kr.)'.ljust(NAME)}{''.join(h.rjust(WIDTH) for h in HEADERS)}",
        rule,
    ]
    for ln in r.lines:
        values = [ln.total, ln.linked, ln.unlinked, ln.forecast, ln.forecast_difference]
        out.append(_row(ln.activity, values))
    out.append(rule)
    out.append(_row("Aktiviteter i alt", [r.lines_total, r.linked_total]))
    out.append(_row("Ikke henført til en aktivitet", [r.unmapped_total]))
    out.append(_row("Posteringer i alt", [r.ledger_total]))
    out.append(_row("Uforklaret difference", [r.difference]))
    for u in r.unmapped:
        p = u.posting
        out.append(
            f"  {p.posting_id} {format_date(p.date)} funktion {p.account} "
            f"{format_number(p.amount, 2)} kr.: {u.reason}"
        )
    return "\n".join(out)


class Command(BaseCommand):
    help = (
        "Afstemning af regnskabet til kronen for et år: posteringer i alt, pr. aktivitet "
        "(på indsatser og øvrige), de ikke henførte med årsag, og differencen (skal være 0)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, default=None, help="år (standard: datoens år)")
        add_as_of(parser)
        add_json(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        if not ActivityLine.objects.exists():
            raise CommandError("Der er ingen data. Indlæs først med 'ramme import MAPPE'.")
        as_of: date = as_of_option(options)
        year = options["year"] or as_of.year
        if year > as_of.year:
            raise CommandError(f"Året {year} ligger efter opgørelsesdatoen {format_date(as_of)}.")
        result = reconciliation(year, as_of)
        if options["json"]:
            write_json(self.stdout, result.to_dict())
        else:
            self.stdout.write(render(result))
