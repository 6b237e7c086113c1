"""``ramme serve [--production]``: run the web app (development server, or gunicorn)."""

from __future__ import annotations

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.web.env import integer
from ramme.web.front.processes import supervise


def gunicorn_argv(host: str, port: int, workers: int) -> list[str]:
    """The gunicorn command of production mode; more options come from GUNICORN_CMD_ARGS."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable, "-m", "gunicorn", "ramme.web.wsgi:application",
        "--bind", bind,
        "--workers", str(workers),
        "--access-logfile", "-",  # to the journal, beside the error log
        "--no-control-socket",  # ramme does not use it; two servers on a host would share it
    ]  # fmt: skip


class Command(BaseCommand):
    help = (
        "Start webapplikationen (standard: http://127.0.0.1:8000/); "
        "--production starter den med gunicorn til drift."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="adresse (standard 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (standard 8000)")
        parser.add_argument(
            "--production",
            action="store_true",
            help="driftstilstand: gunicorn, whitenoise og sikre indstillinger; kræver "
            "RAMME_SECRET_KEY, RAMME_PSEUDONYM_KEY, RAMME_ALLOWED_HOSTS og DATABASE_URL",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=integer("RAMME_WORKERS", 2),
            help="antal gunicorn-processer i driftstilstand (standard RAMME_WORKERS eller 2)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["production"] or settings.PRODUCTION:
            self._serve_production(options["host"], options["port"], options["workers"])
        else:
            self._serve_development(options["host"], options["port"])

    def _serve_production(self, host: str, port: int, workers: int) -> None:
        if not settings.PRODUCTION:
            # The settings were read in dev mode (with generated keys): start over.
            raise CommandError("Start driftstilstand med 'ramme serve --production'.")
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"ramme kører i driftstilstand på {host}:{port} med {workers} processer")
        code = supervise([gunicorn_argv(host, port, workers)])
        if code:
            raise CommandError(f"gunicorn stoppede med kode {code}.", returncode=code)

    def _serve_development(self, host: str, port: int) -> None:
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
