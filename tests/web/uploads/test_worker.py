"""The database task queue and a real worker: nothing runs until a worker takes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult
from pytest_django import Settings

from ramme.web.accounts.models import Role
from ramme.web.data.models import ImportRun, Posting
from ramme.web.front.management.commands import serve
from ramme.web.uploads.models import Upload
from tests.web.personas import make_user
from tests.web.uploads.conftest import DATABASE, example_files


@pytest.mark.django_db(transaction=True)
def test_the_worker_validates_and_imports_through_the_database_queue(
    client: Client, settings: Settings
) -> None:
    settings.TASKS = DATABASE
    client.force_login(make_user("erik", Role.ECONOMIST))
    client.post("/import/", {"upload_files": example_files()})
    item = Upload.objects.get()
    assert item.status == Upload.Status.RECEIVED  # queued, not run
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    call_command("worker", "--batch", verbosity=0)
    item.refresh_from_db()
    assert item.status == Upload.Status.VALID and not Posting.objects.exists()

    client.post(f"/import/{item.pk}/bekraeft/")
    assert client.get(f"/import/{item.pk}/status.json").json()["status"] == "importing"
    call_command("worker", "--batch", verbosity=0)
    item.refresh_from_db()
    assert item.status == Upload.Status.IMPORTED and Posting.objects.exists()
    assert ImportRun.objects.get().origin == "web"
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


def test_serve_starts_a_worker_process_and_stops_it(tmp_path: Path, settings: Settings) -> None:
    settings.TASKS = DATABASE
    env = {
        **os.environ,
        "RAMME_VAR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
    }
    saved, handler = dict(os.environ), signal.getsignal(signal.SIGTERM)
    os.environ.update(env)  # the child inherits serve's environment
    try:
        worker = serve.start_worker()
    finally:
        os.environ.clear()
        os.environ.update(saved)
        signal.signal(signal.SIGTERM, handler)  # serve's own handler, not pytest's
    assert worker is not None
    try:
        time.sleep(1.0)
        assert worker.poll() is None  # waiting for tasks
        assert isinstance(worker.args, list)
        assert worker.args[:3] == [sys.executable, "-m", "ramme.cli"]
    finally:
        serve._stop(worker)
    assert worker.poll() is not None


def test_serve_starts_no_worker_without_the_database_queue() -> None:
    assert serve.start_worker() is None  # tests run tasks at once


def test_worker_help_is_danish() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ramme.cli", "worker", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DATABASE_URL": "sqlite:///:memory:"},
    ).stdout
    assert "baggrundsopgaver" in out
