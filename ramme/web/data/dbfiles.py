"""SQLite's files are readable by their owner only (0600).

The database holds pseudonyms, birth months and every case's figures; a world-readable
file (and its WAL beside it, which holds the latest writes) lets any local user copy them.
SQLite gives the WAL and shared-memory files the database file's mode, so the database
file is made 0600 before SQLite first opens it, and all three are checked at each connect.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.db.backends.signals import connection_created

SUFFIXES = ("", "-wal", "-shm", "-journal")


def database_file(name: object) -> Path | None:
    """The file of a SQLite database name (None for one in memory)."""
    text = str(name)
    if not text or text.startswith("file:") or ":memory:" in text:
        return None
    return Path(text)


def protect(path: Path) -> None:
    """Create ``path`` empty with 0600 if it is new; make it and its companions 0600."""
    if not path.exists() and path.parent.is_dir():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for suffix in SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists() and companion.stat().st_mode & 0o077:
            companion.chmod(0o600)


def _on_connect(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        path = database_file(connection.settings_dict["NAME"])
        if path is not None:
            protect(path)


def connect() -> None:
    connection_created.connect(_on_connect, dispatch_uid="ramme-sqlite-0600")
