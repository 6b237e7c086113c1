"""Imports and pages at the same time: one import at a time, and pages keep working."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from ramme.web.data.services.import_lock import BUSY, exclusive_import
from ramme.web.data.services.importer import import_folder
from tests.web.test_import import FILES, write_folder

ROOT = Path(__file__).resolve().parents[3]


def test_a_second_import_is_told_that_one_is_running(db: None, tmp_path: Path) -> None:
    """On both databases: a real lock held by another thread (its own connection)."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with exclusive_import():
                held.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(30)
        result = import_folder(write_folder(tmp_path / "data"))
    finally:
        release.set()
        thread.join()
    assert not result.ok and [e.reason for e in result.errors] == [BUSY]
    assert import_folder(write_folder(tmp_path / "data")).ok  # and afterwards it runs


def _env(var: Path) -> dict[str, str]:
    own = ("RAMME_", "DATABASE_URL", "DJANGO_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    return {**env, "RAMME_VAR": str(var), "DATABASE_URL": f"sqlite:///{var / 'ramme.sqlite3'}",
            "PYTHONPATH": str(ROOT)}  # fmt: skip


def _ramme(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ramme.cli", *args], env=env, text=True,
                          capture_output=True, timeout=300, cwd=ROOT)  # fmt: skip


def _big_ledger(folder: Path, rows: int) -> Path:
    files = dict(FILES)
    lines = [FILES["postings.csv"].splitlines()[0]]
    lines += [f"L{i},2024-0{1 + i % 9}-10,5.28.20,1,,{100 + i % 997}.50,løn,M1,,P2"
              for i in range(rows)]  # fmt: skip
    files["postings.csv"] = "\n".join(lines) + "\n"
    return write_folder(folder, files)


def _import_lock_held(var: Path) -> bool:
    import fcntl

    path = var / "ramme.sqlite3.import-lock"
    if not path.exists():
        return False
    with path.open() as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
    return False


@pytest.mark.slow
def test_case_pages_work_and_a_second_import_waits_while_an_import_runs(tmp_path: Path) -> None:
    """SQLite, three processes: a long import, a user reading case pages, a second import."""
    var = tmp_path / "var"
    env = _env(var)
    assert _ramme(env, "import", str(write_folder(tmp_path / "first"))).returncode == 0
    made = _ramme(env, "createuser", "erik", "--role", "economist", "--password", "lang-kode-123")
    assert made.returncode == 0, made.stderr
    client = subprocess.Popen(
        [sys.executable, "-m", "tests.web.security.concurrent_client", "erik",
         str(write_folder(tmp_path / "second"))],
        env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert client.stdout is not None and client.stdin is not None
    assert client.stdout.readline().strip() == "ready"
    big = subprocess.Popen(
        [sys.executable, "-m", "ramme.cli", "import", str(_big_ledger(tmp_path / "big", 300_000))],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not _import_lock_held(var) and time.monotonic() < deadline and big.poll() is None:
        time.sleep(0.05)
    time.sleep(1.0)  # well inside the import's write transaction
    client.stdin.write("go\n")
    client.stdin.flush()
    seen = json.loads(client.stdout.readline())
    client.wait(60)
    _out, err = big.communicate(timeout=300)
    assert big.returncode == 0, err
    assert seen["import_running_before"] and seen["import_running_after"], seen
    assert [p["status"] for p in seen["pages"]] == [200] * len(seen["pages"]), seen
    assert all(p["seconds"] < 10 for p in seen["pages"]), seen
    assert any("en anden import kører allerede" in e for e in seen["second_import"]), seen
    # The pages' access-log rows waited in the spool and are in the log now.
    check = _ramme(
        env,
        "shell",
        "-c",
        "from ramme.web.accounts.models import AuditEvent as A; "
        "print(A.objects.filter(username='erik', object_key='M1').count())",
    )
    assert check.stdout.strip() not in ("", "0"), check.stderr


@pytest.mark.slow
def test_an_import_killed_with_kill_9_leaves_no_lock_and_an_intact_database(
    tmp_path: Path,
) -> None:
    import signal
    import sqlite3

    var = tmp_path / "var"
    env = _env(var)
    assert _ramme(env, "import", str(write_folder(tmp_path / "first"))).returncode == 0
    big = subprocess.Popen(
        [sys.executable, "-m", "ramme.cli", "import", str(_big_ledger(tmp_path / "big", 200_000))],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not _import_lock_held(var) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    big.send_signal(signal.SIGKILL)
    big.wait(30)
    assert not _import_lock_held(var)
    with sqlite3.connect(var / "ramme.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM data_posting").fetchone() == (4,)
    again = _ramme(env, "import", str(write_folder(tmp_path / "first")))
    assert again.returncode == 0, again.stdout + again.stderr
    mode = (var / "ramme.sqlite3").stat().st_mode & 0o777
    assert mode == 0o600 and not [p for p in var.iterdir() if p.stat().st_mode & 0o077]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    env = _env(tmp_path / "var")
    code = ("from django.db import connection as c; k = c.cursor(); "
            "print(k.execute('PRAGMA journal_mode').fetchone()[0], "
            "k.execute('PRAGMA busy_timeout').fetchone()[0])")  # fmt: skip
    result = _ramme(env, "shell", "-c", code)
    assert result.stdout.splitlines()[-1].split() == ["wal", "30000"], result.stderr
