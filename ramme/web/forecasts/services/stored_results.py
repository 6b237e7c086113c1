"""A result stored per data version beside the forecast (lagret resultat): the review lists,
the data-quality findings and the monthly report's data figures are each read from this
process's memo, else from the day's forecast row, else computed here and stored for the
other workers (when the day has a row). One reader for all three, so the order of memo,
database and computation is the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from ramme.web.forecasts.services import cache, pickled
from ramme.web.forecasts.services.year_end import default_simulations

T = TypeVar("T")
MAX_DAYS = 16  # results a process keeps in memory per data version
Load = Callable[[str, date, int, int], bytes | None]
Store = Callable[[str, date, int, int, bytes], object]


@dataclass(frozen=True)
class StoredResult(Generic[T]):
    """How one kind of result is kept: its memo's name, its shape and version (bump the
    version when the shape changes: older rows are computed again) and its column's
    load and store functions (``stored.py``)."""

    memo_name: str
    version: int
    shape: type[T]
    load: Load
    store: Store

    def encode(self, value: T) -> bytes:
        return pickled.encode(self.version, value)

    def decode(self, blob: bytes) -> T | None:
        """The stored value, or None when it is of another shape (older code)."""
        return pickled.decode(blob, self.version, self.shape)

    def _memo(self) -> dict[Hashable, T]:
        # per data version, forgotten with the forecasts by ``cache.clear()``
        return cache.per_import(self.memo_name, dict)

    def remember(self, key: Hashable, value: T) -> None:
        """Keep ``value`` in this process (a computation that reads it while it builds)."""
        memo = self._memo()
        if key not in memo and len(memo) >= MAX_DAYS:
            memo.pop(next(iter(memo)))
        memo[key] = value

    def get(
        self,
        day: date,
        build: Callable[[], T],
        *,
        key: Hashable = None,
        fresh: Callable[[T], bool] | None = None,
    ) -> T:
        """The result on ``day`` for the current data version (``key`` in the memo, default
        the day); a stored one that is not ``fresh`` is computed again."""
        key = day if key is None else key
        memo = self._memo()
        if key in memo:
            return memo[key]
        version, simulations = cache.data_version(), default_simulations()
        blob = self.load(version, day, simulations, 0)
        found = self.decode(blob) if blob is not None else None
        if found is None or (fresh is not None and not fresh(found)):
            found = build()
            self.store(version, day, simulations, 0, self.encode(found))
        self.remember(key, found)
        return found
