"""``ramme report KIND [options] --format pdf|docx|xlsx|html -o FILE``: a committee report."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.reports.renderers import RENDERERS
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent
from ramme.web.front.danish_input import date_argument
from ramme.web.reports.builders import BUILDERS
from ramme.web.reports.services.rendered import render_file


class Command(BaseCommand):
    help = (
        "Danner en udvalgsrapport (regnskab, initiativportefølje, ...) "
        "som PDF, Word, Excel eller HTML."
    )
    # the system checks import every view and the API to check the URLs (a second of a
    # report's few); a report serves no page, and ``ramme check`` and ``serve`` run them
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(
            dest="kind",
            required=True,
            title="rapporter",
            metavar="RAPPORT",
            parser_class=CommandParser,
        )
        for kind, builder in BUILDERS.items():
            sub = kinds.add_parser(kind, help=builder.title, description=builder.title)
            builder.add_arguments(sub)
            sub.add_argument(
                "--format",
                choices=sorted(RENDERERS),
                default="pdf",
                help="filformat (standard: pdf)",
            )
            sub.add_argument("-o", "--output", required=True, help="filen, der skrives")
            sub.add_argument(
                "--today", type=date_argument, default=None, help="dannelsesdato (ÅÅÅÅ-MM-DD)"
            )

    def handle(self, *args: Any, **options: Any) -> None:
        kind = options["kind"]
        if kind not in BUILDERS:
            raise CommandError(f"Ukendt rapport '{kind}'. Vælg mellem: {', '.join(BUILDERS)}.")
        options["today"] = options.get("today") or date.today()
        report = BUILDERS[kind].build(options)
        if report.restricted:  # case-level lists leave the system: log it like the web does
            record_access(None, AuditEvent.Action.EXPORT, "report", kind, "ledelsesversion (CLI)")
        output = Path(options["output"])
        if not output.parent.exists():
            raise CommandError(f"Mappen {output.parent} findes ikke.")
        try:
            output.write_bytes(render_file(report, options["format"]))
        except OSError as error:
            raise CommandError(f"Kunne ikke skrive {output}: {error}") from error
        self.stdout.write(f"Skrev {report.title} ({options['format']}) til {output}")
