"""``ramme serve``: run the web app."""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
import sys
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


def start_worker() -> subprocess.Popen[bytes] | None:
    """Start one ``ramme worker`` beside the web server, so one command runs the whole app.

    It stops when serve stops (normal exit, Ctrl+C or SIGTERM) and, on Linux, also when
    serve is killed. Without the database task queue (tests) there is nothing to run.
    """
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend

    if not isinstance(task_backends["default"], DatabaseBackend):
        return None
    worker = subprocess.Popen(
        [sys.executable, "-m", "ramme.cli", "worker"], preexec_fn=_die_with_parent
    )
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
