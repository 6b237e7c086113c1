"""The demo municipality in the database for one test module: imported inside a
transaction that is rolled back, so a module fixture computes its figures once and the
next module starts from an empty database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from django.db import transaction

T = TypeVar("T")


def on_imported_demo(blocker: Any, folder: Path, compute: Callable[[], T]) -> T:
    """``compute()`` with the demo files of ``folder`` imported, then everything undone."""
    from ramme.web.data.services.importer import import_folder

    with blocker.unblock(), transaction.atomic():
        result = import_folder(folder)
        assert result.ok, result.errors[:3]
        value = compute()
        transaction.set_rollback(True)
    return value
