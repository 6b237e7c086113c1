"""What every rule reads, computed once per check: the ledger known on the as-of date with
each measure's postings, the measure types paid per measure, and the lags learned per line."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np

from ramme.core.forecast.data import IntArray
from ramme.core.quality.lags import fence, line_lags
from ramme.core.quality.ledger import QualityLedger
from ramme.core.quality.model import Thresholds
from ramme.core.records import Dataset, Measure, Posting


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    as_of: date
    thresholds: Thresholds
    ledger: QualityLedger  # dated up to the as-of date
    starts: IntArray  # per measure code: its first row in ``ledger`` (rows by date)
    stops: IntArray  # ... and the row after its last (equal to its start: no postings)
    paid_types: frozenset[str]  # types whose measures are paid per measure (not by salary)
    lag_after: dict[str, int]  # normal days of postings after a measure's end, per line
    lag_before: dict[str, int]  # ... before its start (advance payment)
    interval: dict[str, int]  # normal days between two postings of a measure, per line
    frame_lags: tuple[int, int, int]  # the same three for the whole frame

    @property
    def first_day(self) -> date | None:
        """Of the ledger: findings before it concern no known posting."""
        return self.ledger.first_day

    @property
    def child_postings(self) -> tuple[Posting, ...]:
        return self.ledger.child_postings

    def part(self, measure: Measure) -> tuple[int, int] | None:
        """The measure's rows in ``ledger`` (first, after last), None without postings."""
        code = _posted_code(self.ledger, self.starts, self.stops, measure)
        return None if code is None else (int(self.starts[code]), int(self.stops[code]))

    def last_day(self, measure: Measure) -> date | None:
        """The date of the measure's last posting known on the as-of date."""
        part = self.part(measure)
        return None if part is None else date.fromordinal(int(self.ledger.day[part[1] - 1]))

    @cached_property
    def _by_year(self) -> tuple[int, int, IntArray]:
        """Øre posted per measure code and calendar year: first year, years, sums."""
        day = self.ledger.day
        if not len(day):
            return 0, 1, np.zeros(len(self.ledger.measure_ids), dtype=np.int64)
        first = date.fromordinal(int(day.min())).year
        years = date.fromordinal(int(day.max())).year - first + 1
        starts = [date(first + i, 1, 1).toordinal() for i in range(1, years)]
        key = self.ledger.code * years + np.searchsorted(starts, day, side="right")
        sums = np.zeros(len(self.ledger.measure_ids) * years, dtype=np.int64)
        np.add.at(sums, key, self.ledger.ore)  # exact in øre, as the records' Decimal sum
        return first, years, sums

    def posted_in(self, measure: Measure, year: int) -> int:
        """Øre posted on ``measure`` dated in ``year`` (known on the as-of date)."""
        code = self.ledger.measure_ids.get(measure.measure_id)
        first, years, sums = self._by_year
        if code is None or not 0 <= year - first < years:
            return 0
        return int(sums[code * years + year - first])

    def per_row(self, limit: Callable[[Measure], int | None], blank: int) -> IntArray:
        """``limit`` of each row's measure, ``blank`` for measures it gives None (and for
        postings of measures the dataset lacks): for comparing every row at once."""
        values = np.full(len(self.ledger.measure_ids), blank, dtype=np.int64)
        codes = self.ledger.measure_ids
        for m in self.dataset.measures:
            if self.part(m) is not None and (value := limit(m)) is not None:
                values[codes[m.measure_id]] = value
        return values[self.ledger.code]

    def measure_of_rows(self, rows: IntArray) -> list[Measure]:
        """The measure of each of ``rows``."""
        codes = self.ledger.code[rows].tolist()
        wanted, ids = set(codes), self.ledger.measure_ids
        by_code = {
            ids[m.measure_id]: m for m in self.dataset.measures if ids.get(m.measure_id) in wanted
        }
        return [by_code[c] for c in codes]

    def line(self, measure: Measure) -> str:
        kind = self.dataset.measure_types.get(measure.measure_type)
        return kind.activity if kind is not None else ""

    def after_lag(self, measure: Measure) -> int:
        return self.lag_after.get(self.line(measure), self.frame_lags[0])

    def before_lag(self, measure: Measure) -> int:
        return self.lag_before.get(self.line(measure), self.frame_lags[1])

    def posting_interval(self, measure: Measure) -> int:
        return self.interval.get(self.line(measure), self.frame_lags[2])

    def paid_per_measure(self, measure: Measure) -> bool:
        return measure.measure_type in self.paid_types


@dataclass(frozen=True)
class Learned:
    """Per line: each measure's lag after its end and before its start, and the days
    between two postings of a measure (all of the line's measures)."""

    after: dict[str, list[int]]
    before: dict[str, list[int]]
    gaps: dict[str, IntArray]


def _posted_code(
    ledger: QualityLedger, starts: IntArray, stops: IntArray, measure: Measure
) -> int | None:
    """The measure's code in ``ledger`` when it has postings there, else None."""
    code = ledger.measure_ids.get(measure.measure_id)
    return None if code is None or stops[code] == starts[code] else code


def _learned(
    dataset: Dataset, as_of: date, ledger: QualityLedger, starts: IntArray, stops: IntArray
) -> Learned:
    after: dict[str, list[int]] = defaultdict(list)
    before: dict[str, list[int]] = defaultdict(list)
    lines: dict[str, int] = {}
    line_of = np.full(len(ledger.measure_ids), -1, dtype=np.int64)  # per measure code
    day = ledger.day
    last_row = len(day) - 1
    first = day[np.minimum(starts, last_row)] if len(day) else starts  # per code, if any
    last = day[np.maximum(stops - 1, 0)] if len(day) else stops
    for m in dataset.measures:
        code = _posted_code(ledger, starts, stops, m)
        kind = dataset.measure_types.get(m.measure_type)
        if code is None or kind is None:
            continue
        line = kind.activity
        line_of[code] = lines.setdefault(line, len(lines))
        if m.end_date is not None and m.end_date <= as_of:
            after[line].append(max(0, int(last[code]) - m.end_date.toordinal()))
        before[line].append(max(0, m.start_date.toordinal() - int(first[code])))
    # the gaps of all measures at once: between neighbouring rows of one measure
    same = ledger.code[1:] == ledger.code[:-1]
    gap_line = np.where(same, line_of[ledger.code[1:]], -1)
    gap = np.diff(day)
    gaps = {line: gap[gap_line == i] for line, i in lines.items()}
    return Learned(after, before, gaps)


def _paid_types(
    dataset: Dataset, ledger: QualityLedger, starts: IntArray, stops: IntArray
) -> frozenset[str]:
    """The types of the measures with postings (the others are paid by salary)."""
    return frozenset(
        m.measure_type
        for m in dataset.measures
        if _posted_code(ledger, starts, stops, m) is not None
    )


def build_context(
    dataset: Dataset,
    as_of: date,
    thresholds: Thresholds,
    ledger: QualityLedger | None = None,
) -> Context:
    """``ledger``: the dataset's postings as the rules read them (built from
    ``dataset.postings`` unless given)."""
    known = (ledger or QualityLedger.from_postings(dataset.postings)).up_to(as_of)
    starts, stops = known.bounds()
    learned = _learned(dataset, as_of, known, starts, stops)
    k, floor = thresholds.lag_fence, thresholds.min_lag_days
    after, frame_after = line_lags(learned.after, k, floor)
    before, frame_before = line_lags(learned.before, k, floor)
    gaps = {line: fence(g, k, floor) for line, g in learned.gaps.items()}
    pooled = np.concatenate(list(learned.gaps.values())) if learned.gaps else np.zeros(0)
    return Context(
        dataset=dataset,
        as_of=as_of,
        thresholds=thresholds,
        ledger=known,
        starts=starts,
        stops=stops,
        paid_types=_paid_types(dataset, known, starts, stops),
        lag_after=after,
        lag_before=before,
        interval=gaps,
        frame_lags=(frame_after, frame_before, fence(pooled, k, floor)),
    )
