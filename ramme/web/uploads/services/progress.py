"""Progress (fremdrift) of a running validation or import, visible to every web server.

The import runs in one transaction, so a progress row written on the import's own
connection would be invisible until the end. On PostgreSQL the worker therefore writes
``rows_done`` through a second connection, in autocommit. SQLite allows one writer at a
time and the import holds that lock, so there the count goes to a small file under
RAMME_VAR instead: an SQLite database lives on one machine, so every process that can
open it can read that file too.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections

from ramme.web.uploads.models import Upload

INTERVAL = 0.5  # seconds between two writes: a poll every second needs no more


def _file(upload_id: int) -> Path:
    return Path(settings.VAR_DIR) / "uploads" / f"progress-{upload_id}"


def _uses_file() -> bool:
    return connection.vendor == "sqlite"


@contextlib.contextmanager
def reporter(upload: Upload) -> Iterator[Callable[[int], None]]:
    """A function to tell the rows read so far; writes at most every INTERVAL seconds."""
    write, close = _file_writer(upload.pk) if _uses_file() else _row_writer(upload.pk)
    last = [0.0]

    def report(rows: int) -> None:
        now = time.monotonic()
        if now - last[0] >= INTERVAL:
            last[0] = now
            write(rows)

    try:
        yield report
    finally:
        close()


def _file_writer(upload_id: int) -> tuple[Callable[[int], None], Callable[[], None]]:
    path = _file(upload_id)
    path.parent.mkdir(parents=True, exist_ok=True)

    def write(rows: int) -> None:
        temporary = path.with_suffix(".tmp")
        temporary.write_text(str(rows))
        os.replace(temporary, path)  # a reader never sees half a number

    return write, lambda: path.unlink(missing_ok=True)


def _row_writer(upload_id: int) -> tuple[Callable[[int], None], Callable[[], None]]:
    own = connections.create_connection(DEFAULT_DB_ALIAS)  # autocommit, outside the import
    table = Upload._meta.db_table

    def write(rows: int) -> None:
        with own.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET rows_done = %s WHERE id = %s", [rows, upload_id])

    return write, own.close


def rows_done(upload: Upload) -> int:
    """The rows read so far, wherever the worker writes them."""
    if _uses_file() and upload.is_running:
        with contextlib.suppress(FileNotFoundError, ValueError):
            return int(_file(upload.pk).read_text())
    return upload.rows_done


def percent(upload: Upload) -> int | None:
    """0-100, or None while the total is not known (XLSX files are not counted ahead)."""
    if upload.status in (Upload.Status.VALID, Upload.Status.IMPORTED):
        return 100
    if not upload.rows_total:
        return None
    return min(99, round(100 * rows_done(upload) / upload.rows_total))
