"""The in-memory demo municipality: column arrays, one row per child, measure or price."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ramme.demo.days import FloatArray, IntArray
from ramme.demo.parameters import MeasureTypeSpec, Parameters

NO_DAY = np.int64(-(1 << 40))  # a missing date (blank)
KIND_BASE, KIND_SUPPLEMENT = 0, 1
UNITS = ("day", "week", "month", "year", "hour", "once")


def _ints(n: int = 0, fill: int = 0) -> IntArray:
    return np.full(n, fill, dtype=np.int64)


@dataclass
class Measures:
    """Granted measures (indsatser). ``end`` is OPEN while still active."""

    child: IntArray = field(default_factory=_ints)
    mtype: IntArray = field(default_factory=_ints)
    start: IntArray = field(default_factory=_ints)
    end: IntArray = field(default_factory=_ints)
    aftercare: IntArray = field(default_factory=_ints)  # 1 for efterværn continuations
    parent: IntArray = field(default_factory=_ints)  # measure continued (-1: none)
    provider: IntArray = field(default_factory=_ints)  # index into providers (-1: none)
    planned_end: IntArray = field(default_factory=_ints)
    approved_at: IntArray = field(default_factory=_ints)  # NO_DAY: missing approval
    approver: IntArray = field(default_factory=_ints)
    reviewed_at: IntArray = field(default_factory=_ints)  # NO_DAY: never reviewed
    ghost: IntArray = field(default_factory=_ints)  # 1: removed by the scenario, not written

    def __len__(self) -> int:
        return len(self.start)

    def take(self, keep: IntArray) -> Measures:
        """A subset (by index or mask), in the same order."""
        return Measures(**{name: getattr(self, name)[keep] for name in self.__dataclass_fields__})

    @classmethod
    def concat(cls, parts: list[Measures]) -> Measures:
        return cls(
            **{
                name: np.concatenate([getattr(p, name) for p in parts])
                for name in cls.__dataclass_fields__
            }
        )


@dataclass
class Prices:
    """Price periods (takster) per measure; amounts in the level of ``valid_from``'s year."""

    measure: IntArray = field(default_factory=_ints)
    valid_from: IntArray = field(default_factory=_ints)
    valid_to: IntArray = field(default_factory=_ints)  # OPEN: open-ended
    kind: IntArray = field(default_factory=_ints)
    amount: FloatArray = field(default_factory=lambda: np.zeros(0))
    unit: IntArray = field(default_factory=_ints)  # index into UNITS
    hours: FloatArray = field(default_factory=lambda: np.zeros(0))
    negotiated: IntArray = field(default_factory=_ints)  # -1 blank, 0 nej, 1 ja
    note: IntArray = field(default_factory=_ints)  # index into NOTES

    def __len__(self) -> int:
        return len(self.measure)

    @classmethod
    def concat(cls, parts: list[Prices]) -> Prices:
        return cls(
            **{
                name: np.concatenate([getattr(p, name) for p in parts])
                for name in cls.__dataclass_fields__
            }
        )


NOTES = (
    "",
    "Basistakst",
    "Tillæg: ekstra normering",
    "Tillæg: særlige behov",
    "Genforhandlet takst",
    "Genforhandlet takst (handleplan)",
    "Vederlag og omkostningsbeløb",
)


@dataclass
class Children:
    """Children (børn); ``cpr`` holds replacement numbers only (day of birth + 60)."""

    birth: IntArray
    cpr: list[str] = field(default_factory=list)
    caseworker: IntArray = field(default_factory=_ints)
    team: IntArray = field(default_factory=_ints)

    def __len__(self) -> int:
        return len(self.birth)


@dataclass
class Providers:
    provider_id: list[str]
    name: list[str]
    kind: list[str]
    family: list[str]


@dataclass
class World:
    """Everything generated for one municipality before it is written."""

    params: Parameters
    first_year: int
    last_year: int
    population: int
    last_day: int  # the export's day: 31 December of the last year
    types: tuple[MeasureTypeSpec, ...]
    measures: Measures
    children: Children
    providers: Providers
    prices: Prices = field(default_factory=Prices)
    caseworkers: list[str] = field(default_factory=list)
    caseworker_team: list[str] = field(default_factory=list)
    approvers: list[str] = field(default_factory=list)
    planted: dict[str, object] = field(default_factory=dict)

    @property
    def scale(self) -> float:
        return self.population / 48_000

    def type_index(self, code: str) -> int:
        return next(i for i, t in enumerate(self.types) if t.code == code)
