"""The demo municipality imported once for the modules of this package, which check the
issues' done-when on it: the import (the slow part) happens once, in a transaction rolled
back when the package is done, so the rest of the suite starts from an empty database.
Each module computes its figures once, in a savepoint of its own that is rolled back
(``computed``), so what one module writes (a plan, a planted posting, a user) never reaches
another."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.db import transaction

T = TypeVar("T")


@pytest.fixture(scope="package")
def imported_demo(
    django_db_setup: None, django_db_blocker: Any, demo_files: Path
) -> Iterator[Path]:
    """The folder of the demo's files, imported."""
    from ramme.web.data.services.importer import import_folder

    with django_db_blocker.unblock(), transaction.atomic():
        result = import_folder(demo_files)
        assert result.ok, result.errors[:3]
        yield demo_files
        transaction.set_rollback(True)


def computed(blocker: Any, compute: Callable[[], T]) -> T:
    """``compute()`` on the imported demo, everything it writes undone afterwards; the
    per-process caches are emptied around it, as ids repeat after a rollback."""
    from ramme.web.forecasts.services import cache

    cache.clear()
    with blocker.unblock(), transaction.atomic():
        value = compute()
        transaction.set_rollback(True)
    cache.clear()
    return value
