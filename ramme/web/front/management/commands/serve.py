"""``ramme serve [--production]``: run the web app (development server, or gunicorn)."""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
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
        commands = [gunicorn_argv(host, port, workers)]
        if uses_database_queue():
            commands.append(WORKER_ARGV)  # the background tasks, supervised with gunicorn
        code = supervise(commands)
        if code:
            raise CommandError(f"gunicorn stoppede med kode {code}.", returncode=code)

    def _serve_development(self, host: str, port: int) -> None:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        self.stdout.write(f"ramme kører på http://{shown}:{port}/  (stop med Ctrl+C)")
        self.stdout.write("Udviklingsserveren er til demo og lokal brug, ikke til drift.")
        start_worker()
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


WORKER_ARGV = [sys.executable, "-m", "ramme.cli", "worker"]


def uses_database_queue() -> bool:
    """Whether background tasks wait in the database (not in tests' immediate backend)."""
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def start_worker() -> subprocess.Popen[bytes] | None:
    """Start one ``ramme worker`` beside the web server, so one command runs the whole app.

    It stops when serve stops (normal exit, Ctrl+C or SIGTERM) and, on Linux, also when
    serve is killed. Without the database task queue (tests) there is nothing to run.
    """
    if not uses_database_queue():
        return None
    worker = subprocess.Popen(WORKER_ARGV, preexec_fn=_die_with_parent)
    atexit.register(_stop, worker)
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # so atexit runs
    return worker


def _stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.terminate()  # the worker finishes the task it runs, then stops
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the parent dies (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: atexit still stops the worker on a normal exit
