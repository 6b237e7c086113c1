"""Children of a world: birth dates, CPR-shaped numbers, caseworkers and birthdays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

CASEWORKERS = (
    "anna.holm", "bo.krag", "cecilie.lund", "dorte.vang", "emil.skov", "frida.bach",
    "gustav.dal", "hanne.moos", "ida.rye", "jonas.eg",
)  # fmt: skip
TEAMS = ("Team Nord", "Team Syd", "Team Ung")


@dataclass(frozen=True)
class SimChild:
    """A child as the case system knows it; ``cpr`` is fictitious but CPR-shaped."""

    child_id: str
    birth_date: date
    cpr: str
    caseworker: str
    team: str


def birthday(birth: date, years: int) -> date:
    """The day of the ``years``-th birthday (29 February → 1 March)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return date(birth.year + years, 3, 1)


def _cpr(birth: date, serial: int, replacement: bool) -> str:
    day = birth.day + (60 if replacement else 0)
    # 7th digit 4 means born 2000-2036, 0-3 born 1900-1999 (the CPR office's rule)
    century = 4 if birth.year >= 2000 else 2
    return f"{day:02d}{birth.month:02d}{birth.year % 100:02d}-{century}{serial % 1000:03d}"


class Children:
    """Creates the children of one world with unique keys and CPR numbers."""

    def __init__(self, rng: np.random.Generator, prefix: str) -> None:
        self._rng = rng
        self._prefix = prefix
        self.all: list[SimChild] = []
        self._cprs: set[str] = set()

    def new(self, start: date, age: int) -> SimChild:
        rng = self._rng
        birth = start - timedelta(days=int(age * 365.25 + rng.integers(0, 365)))
        serial = int(rng.integers(0, 1000))
        cpr = _cpr(birth, serial, bool(rng.random() < 0.02))
        while cpr in self._cprs:
            serial += 1
            cpr = _cpr(birth, serial, False)
        self._cprs.add(cpr)
        n = len(self.all) + 1
        worker = int(rng.integers(0, len(CASEWORKERS)))
        child = SimChild(
            f"{self._prefix}B{n:05d}", birth, cpr, CASEWORKERS[worker], TEAMS[worker % 3]
        )
        self.all.append(child)
        return child
