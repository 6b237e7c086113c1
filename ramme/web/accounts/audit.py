"""The one function that writes the audit log, and its spool for when the database is busy.

An audit row must never fail the page it records: on SQLite a running import holds the
write lock for its whole transaction. The row is then written to a spool file (one JSON
line, 0600, in the data folder) and moved into the log, with its original time, by the
next audit write that gets through (or ``flush_spool``). Nothing is lost and the page works.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.services.import_lock import running_elsewhere

log = logging.getLogger(__name__)
BUSY_MS = 2000  # how long an audit row waits for SQLite's write lock before it is spooled


def record_access(
    user: User | None, action: str, object_type: str, object_key: str = "", detail: str = ""
) -> AuditEvent:
    """Log that ``user`` read, changed, imported or exported case-level data."""
    event = AuditEvent(
        user=user if user is not None and user.pk else None,
        username=user.get_username() if user is not None else "system",
        action=action,
        object_type=object_type,
        object_key=object_key[:200],
        detail=detail,
    )
    if connection.in_atomic_block:  # part of a service's transaction: stands or falls with it
        event.save()
        return event
    if running_elsewhere():  # SQLite and an import holds the lock: don't make the page wait
        _spool(event)
        return event
    try:
        with _short_busy_wait(), transaction.atomic():
            event.save()
    except DatabaseError:
        log.warning("adgangslog: databasen er optaget; hændelsen venter i %s", spool_path())
        _spool(event)
        return event
    flush_spool()
    return event


def spool_path() -> Path:
    return Path(settings.VAR_DIR) / "audit-spool.jsonl"


def _spool(event: AuditEvent) -> None:
    row = {
        "at": timezone.now().isoformat(),
        "user_id": event.user_id,
        "username": event.username,
        "action": event.action,
        "object_type": event.object_type,
        "object_key": event.object_key,
        "detail": event.detail,
    }
    path = spool_path()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def flush_spool() -> int:
    """Move spooled rows into the log (with their own times); the number moved."""
    path = spool_path()
    if not path.exists() or connection.in_atomic_block:
        return 0
    with path.open("r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        rows = [json.loads(line) for line in handle if line.strip()]
        if not rows:
            return 0
        try:
            with _short_busy_wait(), transaction.atomic():
                AuditEvent.objects.bulk_create([_event(row) for row in rows])
        except DatabaseError:
            return 0
        handle.truncate(0)
    return len(rows)


def _event(row: dict[str, Any]) -> AuditEvent:
    user_id = row["user_id"] if User.objects.filter(pk=row["user_id"]).exists() else None
    return AuditEvent(
        at=datetime.fromisoformat(row["at"]),
        user_id=user_id,
        username=row["username"],
        action=row["action"],
        object_type=row["object_type"],
        object_key=row["object_key"],
        detail=row["detail"] + " (skrevet forsinket: databasen var optaget)",
    )


@contextmanager
def _short_busy_wait() -> Iterator[None]:
    """On SQLite, wait at most BUSY_MS for the write lock (the connection's own is longer)."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    try:
        yield
    finally:
        timeout = int(settings.DATABASES["default"].get("OPTIONS", {}).get("timeout", 5))
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {timeout * 1000}")
