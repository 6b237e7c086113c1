"""Why the forecast moved between two approved months (forklaring af ændringen).

The change from the old month's figure to the new one is split into three parts by four
forecasts of each activity line, computed on versions of the data (docs/data-versions.md):

- ``old``: the old data at the old as-of date (what was approved then);
- ``later``: the old data at the new as-of date;
- ``corrected``: the rows the old data had, as a later import corrected or removed them,
  at the new as-of date (no rows that arrived since);
- ``new``: the new data at the new as-of date (what is approved now).

Passing of time (tidens gang) is ``later − old``, corrections of old data (rettelser)
``corrected − later`` and new data (nye data) ``new − corrected``; the parts add up to
``new − old`` to the krone, as each step changes one thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class ChangeParts:
    """One line's (or the frame's) change, split (ændring fordelt)."""

    name: str
    before: Decimal
    time: Decimal
    corrections: Decimal
    new_data: Decimal

    @property
    def total(self) -> Decimal:
        return self.time + self.corrections + self.new_data

    @property
    def after(self) -> Decimal:
        return self.before + self.total


@dataclass(frozen=True)
class ChangeSplit:
    """The split per activity line and for the frame (rammen)."""

    lines: tuple[ChangeParts, ...]
    frame: ChangeParts


def split_change(
    old: Mapping[str, Decimal],
    later: Mapping[str, Decimal],
    corrected: Mapping[str, Decimal],
    new: Mapping[str, Decimal],
    frame_name: str = "Rammen i alt",
) -> ChangeSplit:
    """Split the change per line (a line missing from a forecast counts 0 kr. there)."""
    names = list(dict.fromkeys([*old, *later, *corrected, *new]))
    lines = tuple(_parts(n, old, later, corrected, new) for n in names)
    frame = ChangeParts(
        frame_name,
        sum((p.before for p in lines), ZERO),
        sum((p.time for p in lines), ZERO),
        sum((p.corrections for p in lines), ZERO),
        sum((p.new_data for p in lines), ZERO),
    )
    return ChangeSplit(lines, frame)


def _parts(
    name: str,
    old: Mapping[str, Decimal],
    later: Mapping[str, Decimal],
    corrected: Mapping[str, Decimal],
    new: Mapping[str, Decimal],
) -> ChangeParts:
    a, b = old.get(name, ZERO), later.get(name, ZERO)
    c, d = corrected.get(name, ZERO), new.get(name, ZERO)
    return ChangeParts(name, a, b - a, c - b, d - c)
