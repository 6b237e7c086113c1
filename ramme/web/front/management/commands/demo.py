"""``ramme demo``: build the demo municipality and serve it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.web.demo.setup import DEMO_PASSWORD, ECONOMIST, prepare_demo


class Command(BaseCommand):
    help = "Byg demokommunen (faste data) og start webapplikationen på den."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="byg data, men start ikke")
        parser.add_argument("--port", type=int, default=8000, help="port (standard 8000)")
        parser.add_argument("--host", default="127.0.0.1", help="adresse (standard 127.0.0.1)")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("Forbereder demokommunen ...")
        try:
            state = prepare_demo(settings.VAR_DIR)
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        what = "indlæst" if state.loaded_now else "allerede indlæst"
        self.stdout.write(f"Demodata {what} fra {state.source}")
        host = "127.0.0.1" if options["host"] in ("0.0.0.0", "::") else options["host"]
        self.stdout.write(
            "\n"
            f"  Adresse:   http://{host}:{options['port']}/\n"
            f"  Log ind:   {ECONOMIST} / {DEMO_PASSWORD}   (økonomikonsulent, administrator)\n"
            f"  Rådgiver:  {state.caseworker} / {DEMO_PASSWORD}\n"
        )
        if not options["no_serve"]:
            call_command("serve", host=options["host"], port=options["port"])
