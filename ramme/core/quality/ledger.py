"""The ledger as the data-quality rules read it (posteringer til datakvalitet): the postings
that name a measure (indsats) as columns sorted by measure and date, the few that name a
child but no measure as records, and the ledger's first day.

Built from the records (``from_postings``) or read from the database as columns by the web
app (``ramme.web.quality.services.ledger``): at 4.4 million postings a record per posting
held gigabytes the rules never needed. The posting ids (bilag) of a finding are looked up
only for the rows that become findings (``posting_ids``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ramme.core.forecast.data import IntArray
from ramme.core.money import to_ore
from ramme.core.records import Posting

Names = Callable[[IntArray], list[str]]


@dataclass(frozen=True)
class QualityLedger:
    measure_ids: dict[str, int]  # measure id -> its code in ``code``
    code: IntArray  # per row: the measure's code; the rows sorted by code, then day
    day: IntArray  # the posting's date as an ordinal (``date.toordinal``)
    ore: IntArray  # its amount in øre
    ref: IntArray  # what ``names`` takes to give the rows' posting ids
    names: Names
    child_postings: tuple[Posting, ...]  # naming a child, but no measure
    first_day: date | None  # of the whole ledger, linked or not

    @classmethod
    def from_columns(
        cls,
        measure_ids: dict[str, int],
        code: IntArray,
        day: IntArray,
        ore: IntArray,
        ref: IntArray,
        names: Names,
        child_postings: Iterable[Posting],
        first_day: date | None,
    ) -> QualityLedger:
        """Rows in any order; ``code``: each row's measure as ``measure_ids`` numbers them
        (0, 1, … as the dict gives them)."""
        order = np.lexsort((day, code))
        return cls(
            measure_ids,
            code[order],
            day[order],
            ore[order],
            ref[order],
            names,
            tuple(child_postings),
            first_day,
        )

    @classmethod
    def from_postings(cls, postings: Sequence[Posting]) -> QualityLedger:
        linked = [i for i, p in enumerate(postings) if p.measure_id]
        ids: dict[str, int] = {}
        code = [ids.setdefault(postings[i].measure_id or "", len(ids)) for i in linked]

        def names(refs: IntArray) -> list[str]:
            return [postings[int(i)].posting_id for i in refs]

        return cls.from_columns(
            ids,
            np.array(code, dtype=np.int64),
            np.array([postings[i].date.toordinal() for i in linked], dtype=np.int64),
            np.array([to_ore(postings[i].amount) for i in linked], dtype=np.int64),
            np.array(linked, dtype=np.int64),
            names,
            (p for p in postings if p.child_key and not p.measure_id),
            min((p.date for p in postings), default=None),
        )

    def up_to(self, as_of: date) -> QualityLedger:
        """The postings dated up to ``as_of``: what was known then."""
        keep = self.day <= as_of.toordinal()
        first = self.first_day if self.first_day is not None and self.first_day <= as_of else None
        children = tuple(p for p in self.child_postings if p.date <= as_of)
        if keep.all():  # the usual day: the latest (no copy of millions of rows)
            return replace(self, child_postings=children, first_day=first)
        return replace(
            self,
            code=self.code[keep],
            day=self.day[keep],
            ore=self.ore[keep],
            ref=self.ref[keep],
            child_postings=children,
            first_day=first,
        )

    def bounds(self) -> tuple[IntArray, IntArray]:
        """Per measure code: its first row and the row after its last (equal: none)."""
        edges = np.searchsorted(self.code, np.arange(len(self.measure_ids) + 1))
        return edges[:-1], edges[1:]

    def posting_ids(self, rows: IntArray) -> list[str]:
        """The posting ids (bilag) of ``rows``, in their order."""
        return self.names(self.ref[rows]) if len(rows) else []
