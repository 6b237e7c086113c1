"""One object per distinct value while reading rows (all immutable): dates, keys, codes and
names repeat across and within the tables, and a Python object per row held gigabytes at
all of Denmark. The records (``dataset.py``), the forecast's columns (``columns.py``) and a
stored forecast read back (``snapshots.py``) share them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any


class Shared:
    """One object per distinct value read while loading a dataset (all immutable): dates,
    keys, codes and names repeat across and within the tables (a child's key on each of
    its measures and events, a few thousand dates, a caseworker on each of her children).
    At all of Denmark the records held 2.5 GB without it."""

    def __init__(self) -> None:
        # same(value, value): a date or text (or None) as the first equal one read
        self.same: Callable[[Any, Any], Any] = dict[Any, Any]().setdefault
        self._amounts: dict[tuple[Decimal, Any], Decimal] = {}

    def amount(self, value: Decimal) -> Decimal:
        """Equal amounts that differ in their digits (1.5 and 1.50) are kept apart."""
        return self._amounts.setdefault((value, value.as_tuple().exponent), value)


def shared(texts: Sequence[str]) -> list[str]:
    """``texts`` with each equal text as one object (a few dozen legal bases on a million
    measures, a household's key on each of its children)."""
    same = Shared().same
    return [same(text, text) for text in texts]
