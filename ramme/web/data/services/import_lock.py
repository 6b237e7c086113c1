"""One import at a time (én import ad gangen), on SQLite and PostgreSQL alike.

Two imports at once would wait on each other's rows and end in a lock timeout (SQLite) or
a duplicate key (PostgreSQL). The second one is told at once, in Danish, instead. The lock
belongs to the process or database session holding it, so an import killed with kill -9
leaves no stale lock behind: PostgreSQL drops a dead session's advisory lock, and the
kernel drops a dead process's ``flock``.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

BUSY = "en anden import kører allerede; vent til den er færdig, og prøv igen"
_ADVISORY_KEY = 0x72616D6D65  # "ramme": any fixed number shared by every app server


class ImportBusy(Exception):
    """Another import holds the lock."""


@contextmanager
def exclusive_import() -> Iterator[None]:
    """Hold the import lock for the block, or raise ImportBusy at once."""
    if connection.vendor == "postgresql":
        with _advisory_lock():
            yield
    else:
        with _file_lock(lock_path()):
            yield


def lock_path() -> Path:
    """The lock file beside the SQLite database (or in the data folder for one in memory)."""
    name = str(settings.DATABASES["default"]["NAME"])
    database = Path(name)
    if name.startswith("file:") or ":memory:" in name or not database.parent.is_dir():
        return Path(settings.VAR_DIR) / "import.lock"
    return database.with_name(database.name + ".import-lock")


_held_here = False  # this process runs the import: its own audit rows may wait for the lock


def running_elsewhere() -> bool:
    """On SQLite: another process's import holds the write lock right now (checked in
    microseconds, without touching the database)."""
    if _held_here or connection.vendor != "sqlite":
        return False
    try:
        descriptor = os.open(lock_path(), os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    global _held_here
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportBusy(BUSY) from None
        _held_here = True
        try:
            yield
        finally:
            _held_here = False
    finally:
        os.close(descriptor)  # closing releases the lock


@contextmanager
def _advisory_lock() -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [_ADVISORY_KEY])
        if not cursor.fetchone()[0]:
            raise ImportBusy(BUSY)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_ADVISORY_KEY])
