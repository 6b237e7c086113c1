"""``ramme worker``: run background tasks (imports from the browser) from the database queue."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Kør baggrundsopgaver (import fra browseren) fra køen i databasen. 'ramme serve' "
        "starter selv én; flere kan køre side om side, også på andre maskiner."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=1.0, help="sekunder mellem kig i køen (standard 1)"
        )
        parser.add_argument(
            "--batch", action="store_true", help="kør de ventende opgaver og stop så"
        )
        parser.add_argument("--max-tasks", type=int, default=None, help="stop efter N opgaver")

    def handle(self, *args: Any, **options: Any) -> None:
        # django-tasks' own worker; never its autoreloader, which could stop an import midway.
        call_command(
            "db_worker",
            interval=options["interval"],
            batch=options["batch"],
            max_tasks=options["max_tasks"],
            reload=False,
            startup_delay=not options["batch"],
            verbosity=options["verbosity"],
        )
