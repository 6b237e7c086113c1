"""A worker thread that sends batches to the database while the next ones are parsed.

Both database drivers release the GIL while the database works (SQLite's step, the
socket to PostgreSQL), so writing batch *n* overlaps parsing batch *n + 1*. The worker
uses the import's own DB-API connection (one transaction) and only one thread touches it
at a time: the caller waits for the worker (``join``) before it runs SQL itself.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from django.db import connection

Batch = list[tuple]


class BackgroundSender:
    """``put`` queues a batch for ``send``; ``join`` waits and re-raises a failure."""

    def __init__(self, send: Callable[[Batch], None], depth: int = 2) -> None:
        self._send = send
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="ramme-ledger", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._error is None:  # after a failure, batches are only drained
                try:
                    self._send(batch)
                except BaseException as exc:  # handed to the importing thread
                    self._error = exc

    def put(self, batch: Batch) -> None:
        self._raise()
        self._queue.put(batch)

    def join(self) -> None:
        """Wait until every queued batch is written; raises the worker's error, if any."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            with connection.wrap_database_errors:  # as a Django DatabaseError
                raise error
