"""``ramme forecast --as-of YYYY-MM-DD [--json] [--save]``: the year-end forecast."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.core.money import format_number
from ramme.core.periods import format_date
from ramme.web.data.models import ActivityLine
from ramme.web.forecasts.services import year_end
from ramme.web.forecasts.services.known import UnknownImport, known_label
from ramme.web.forecasts.services.snapshots import SnapshotLocked
from ramme.web.forecasts.services.table import Row, build_table
from ramme.web.front.command_options import add_as_of, add_json, as_of_option, write_json

HEADERS = ("Korr. budget", "Bogført", "Prognose", "P10", "P90", "Forv. resultat")
NAME_WIDTH, WIDTH = 46, 16


def _cells(row: Row) -> list[Decimal]:
    return [row.budget, row.actual, row.forecast, row.p10, row.p90, row.result]


def _line(name: str, values: list[Decimal]) -> str:
    cells = "".join(format_number(v).rjust(WIDTH) for v in values)
    return f"{name[:NAME_WIDTH].ljust(NAME_WIDTH)}{cells}"


def render_table(payload: dict[str, Any], table_rows: list[tuple[str, list[Decimal]]]) -> str:
    """The Danish text table of the forecast (amounts in kr.)."""
    head = "".join(h.rjust(WIDTH) for h in HEADERS)
    rule = "-" * (NAME_WIDTH + WIDTH * len(HEADERS))
    lines = [f"{'Aktivitet (kr.)'.ljust(NAME_WIDTH)}{head}", rule]
    for name, values in table_rows:
        if not values:
            lines.append(name)
        else:
            lines.append(_line(name, values))
    lines.append(rule)
    lines.append(payload["action_plan"]["reason"])
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Forventet regnskab (prognose) for året pr. en opgørelsesdato, pr. aktivitet og "
        "for rammen, med usikkerhedsbånd (P10-P90) og krav om handleplan."
    )
    # A read of the stored forecast: Django's system checks would import every view and
    # URL first, a second of the command's time (``ramme check`` runs them).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        add_as_of(parser)
        add_json(parser)
        parser.add_argument(
            "--save", action="store_true", help="gem prognosen som opgørelse for datoen"
        )
        parser.add_argument(
            "--simulations", type=int, default=None, help="antal simulationer (standard 200)"
        )
        parser.add_argument("--seed", type=int, default=0, help="startværdi for simulationen")
        parser.add_argument(
            "--known-at",
            type=int,
            default=None,
            metavar="N",
            help="brug data som kendt efter import nr. N i importhistorikken (standard: seneste)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not ActivityLine.objects.exists():
            raise CommandError("Der er ingen data. Indlæs først med 'ramme import MAPPE'.")
        if options["simulations"] is not None and options["simulations"] < 0:
            raise CommandError("Antal simulationer kan ikke være negativt.")
        as_of = as_of_option(options)
        known_at = options["known_at"]
        if known_at is not None and options["save"]:
            raise CommandError("En prognose på ældre data (--known-at) kan ikke gemmes.")
        try:
            fc = year_end.compute_forecast(
                as_of, simulations=options["simulations"], seed=options["seed"], known_at=known_at
            )
        except UnknownImport as error:
            raise CommandError(str(error)) from error
        payload = year_end.forecast_payload(fc)
        if options["save"]:
            try:
                year_end.save_snapshot(fc, "kommandolinje")
            except SnapshotLocked as error:
                raise CommandError(str(error)) from error
        if options["json"]:
            write_json(self.stdout, payload)
            return
        table = build_table(fc, [])
        rows: list[tuple[str, list[Decimal]]] = []
        for group in table.groups:
            rows.append((group.label, []))
            rows.extend((f"  {r.activity}", _cells(r)) for r in group.rows)
            rows.append((group.subtotal.activity, _cells(group.subtotal)))
            rows.append(("", []))
        rows.append((table.total.activity, _cells(table.total)))
        self.stdout.write(f"Forventet regnskab {fc.year} pr. {format_date(as_of)}\n")
        if known_at is not None:
            self.stdout.write(known_label(known_at) + "\n")
        self.stdout.write(render_table(payload, rows))
        if options["save"]:
            self.stdout.write(f"Gemt som opgørelse pr. {format_date(as_of)}.")
