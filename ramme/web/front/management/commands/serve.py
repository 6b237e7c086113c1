"""``ramme serve``: run the web app."""

from __future__ import annotations

import os
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Start webapplikationen (standard: http://127.0.0.1:8000/)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="adresse (standard 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (standard 8000)")

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = options["host"], options["port"]
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        self.stdout.write(f"ramme kører på http://{shown}:{port}/  (stop med Ctrl+C)")
        self.stdout.write("Udviklingsserveren er til demo og lokal brug, ikke til drift.")
        os.environ.setdefault("DJANGO_RUNSERVER_HIDE_WARNING", "true")
        # Django's development server without the autoreloader; --insecure serves the
        # stylesheet without a separate web server (one local user, no build step).
        call_command(
            "runserver",
            f"{host}:{port}",
            use_reloader=False,
            insecure_serving=True,
            skip_checks=True,
        )
