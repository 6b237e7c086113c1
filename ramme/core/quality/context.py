"""What every rule reads, computed once per check: the postings known on the as-of date
indexed by measure, the measure types paid per measure, and the lags learned per line."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from ramme.core.quality.lags import fence, line_lags
from ramme.core.quality.model import Thresholds
from ramme.core.records import Dataset, Measure, Posting


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    as_of: date
    thresholds: Thresholds
    postings: tuple[Posting, ...]  # dated up to the as-of date
    by_measure: dict[str, list[Posting]]  # linked postings per measure, by date
    paid_types: frozenset[str]  # types whose measures are paid per measure (not by salary)
    lag_after: dict[str, int]  # normal days of postings after a measure's end, per line
    lag_before: dict[str, int]  # ... before its start (advance payment)
    interval: dict[str, int]  # normal days between two postings of a measure, per line
    frame_lags: tuple[int, int, int]  # the same three for the whole frame
    first_day: date | None  # of the ledger: findings before it concern no known posting

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


def _learned(
    dataset: Dataset, as_of: date, by_measure: dict[str, list[Posting]]
) -> dict[str, dict[str, list[int]]]:
    """Per line: each measure's lag after its end and before its start, and its gaps."""
    out: dict[str, dict[str, list[int]]] = {
        k: defaultdict(list) for k in ("after", "before", "gap")
    }
    for m in dataset.measures:
        rows = by_measure.get(m.measure_id)
        kind = dataset.measure_types.get(m.measure_type)
        if not rows or kind is None:
            continue
        line = kind.activity
        if m.end_date is not None and m.end_date <= as_of:
            out["after"][line].append(max(0, (rows[-1].date - m.end_date).days))
        out["before"][line].append(max(0, (m.start_date - rows[0].date).days))
        out["gap"][line] += [(b.date - a.date).days for a, b in pairwise(rows)]
    return out


def build_context(dataset: Dataset, as_of: date, thresholds: Thresholds) -> Context:
    postings = tuple(p for p in dataset.postings if p.date <= as_of)
    by_measure: dict[str, list[Posting]] = defaultdict(list)
    for p in sorted(postings, key=lambda p: p.date):
        if p.measure_id:
            by_measure[p.measure_id].append(p)
    types = {m.measure_type for m in dataset.measures if m.measure_id in by_measure}
    learned = _learned(dataset, as_of, by_measure)
    k, floor = thresholds.lag_fence, thresholds.min_lag_days
    after, frame_after = line_lags(learned["after"], k, floor)
    before, frame_before = line_lags(learned["before"], k, floor)
    gaps = {line: fence(g, k, floor) for line, g in learned["gap"].items()}
    frame_gap = fence([g for gs in learned["gap"].values() for g in gs], k, floor)
    return Context(
        dataset=dataset,
        as_of=as_of,
        thresholds=thresholds,
        postings=postings,
        by_measure=dict(by_measure),
        paid_types=frozenset(types),
        lag_after=after,
        lag_before=before,
        interval=gaps,
        frame_lags=(frame_after, frame_before, frame_gap),
        first_day=min((p.date for p in postings), default=None),
    )
