"""Other apps' results of the same data version, stored by the forecasts' after-import task
once the forecast is (the review lists, the data-quality findings, the monthly report's
figures).

Each app registers the dotted path of a function taking the as-of date in its ``ready()``;
a path, not the function, so starting Django (every ``ramme`` command) imports neither the
forecast nor the report builders, and this app does not import theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.utils.module_loading import import_string

ALSO_STORED: list[str] = []


def register(path: str) -> None:
    """Store ``path``'s result beside every forecast the after-import task stores."""
    if path not in ALSO_STORED:
        ALSO_STORED.append(path)


def stores() -> list[Callable[[date], object]]:
    """The registered functions, imported now (by the task, not at start)."""
    return [import_string(path) for path in ALSO_STORED]
