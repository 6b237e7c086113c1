"""``ramme check-data [--as-of DATE] [--json]``: the data-quality findings."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.core.money import format_number
from ramme.core.periods import format_date
from ramme.core.quality import RULES
from ramme.web.data.models import ActivityLine
from ramme.web.front.command_options import add_as_of, add_json, as_of_option, write_json
from ramme.web.quality.services.findings import all_findings, explained


class Command(BaseCommand):
    help = (
        "Datakvalitet: indsatser uden betalinger, betalinger uden for indsatsens periode, "
        "overlap, afvigelse fra takst, posteringer uden indsats, manglende godkendelse, "
        "tillæg og takst."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_as_of(parser)
        add_json(parser, "skriv JSON i stedet for tekst")

    def handle(self, *args: Any, **options: Any) -> None:
        if not ActivityLine.objects.exists():
            raise CommandError("Der er ingen data. Indlæs først med 'ramme import MAPPE'.")
        as_of = as_of_option(options)
        findings = all_findings(as_of)
        if options["json"]:
            payload = {"as_of": as_of.isoformat(), "findings": [f.to_dict() for f in findings]}
            write_json(self.stdout, payload)
            return
        notes = explained([f.key for f in findings])
        self.stdout.write(f"Datakvalitet pr. {format_date(as_of)}: {len(findings)} fund")
        for rule in RULES:
            mine = [f for f in findings if f.kind == rule.kind]
            self.stdout.write(f"\n{rule.title} ({rule.kind}): {len(mine)}")
            for f in mine:
                amount = "" if f.amount is None else f" {format_number(f.amount)} kr."
                mark = " [forklaret]" if f.key in notes else ""
                line = f"  {f.measure_id or '-'} barn {f.child}:{amount} {f.detail}{mark}"
                self.stdout.write(line)
