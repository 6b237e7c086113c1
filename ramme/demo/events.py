"""Notifications (underretninger) and child investigations (børnefaglige undersøgelser).

Notifications rise year by year; half concern a child who gets or has a measure, the rest
children known only from notifications (new children, some notified more than once).
Investigations run at about 34 a month (seed 001) and mostly precede a measure by 1-4 months.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.demo import days as d
from ramme.demo.days import OPEN, IntArray
from ramme.demo.model import Measures
from ramme.demo.parameters import SEASONALITY, EventParams
from ramme.demo.simulate import steady_counts

KINDS = ("underretning", "undersoegelse")


@dataclass
class Events:
    date: IntArray
    kind: IntArray
    child: IntArray


def _dates(
    rng: np.random.Generator, per_month: np.ndarray, months: IntArray, steady: bool
) -> IntArray:
    """Event days; ``steady`` keeps the yearly path smooth (notifications must rise)."""
    counts = steady_counts(rng, per_month) if steady else rng.poisson(per_month)
    month_of = np.repeat(months, counts)
    first = d.month_first_day(month_of)
    length = d.month_last_day(month_of) - first + 1
    return first + (rng.random(len(first)) * length).astype(np.int64)


def _children_with_measures(
    rng: np.random.Generator, first_start: IntArray, when: IntArray, lead: tuple[int, int]
) -> tuple[IntArray, np.ndarray]:
    """A child whose first measure starts ``lead`` days after ``when`` (ok=False if none)."""
    order = np.argsort(first_start, kind="stable")
    starts = first_start[order]
    lo = np.searchsorted(starts, when + lead[0])
    hi = np.searchsorted(starts, when + lead[1])
    ok = hi > lo
    pick = lo + (rng.random(len(when)) * np.maximum(hi - lo, 1)).astype(np.int64)
    return order[np.minimum(pick, len(order) - 1)], ok


def make_events(
    rng: np.random.Generator,
    measures: Measures,
    params: EventParams,
    first_year: int,
    last_year: int,
    scale: float,
    n_children: int,
) -> tuple[Events, IntArray]:
    """Events and the birth dates of the extra children they introduce."""
    first_start = np.full(n_children, OPEN, np.int64)
    np.minimum.at(first_start, measures.child, measures.start)
    months = np.arange((first_year - 1970) * 12, (last_year - 1970) * 12 + 12)
    season = np.array(SEASONALITY)[months % 12]
    growth = (1 + params.notification_growth) ** (months // 12 + 1970 - first_year)
    notify = _dates(
        rng, params.notifications_first_year / 12 * scale * season * growth, months, True
    )
    investigate = _dates(rng, params.investigations_per_month * scale * season, months, False)
    n_child, n_ok = _children_with_measures(rng, first_start, notify, (-365, 120))
    n_ok &= rng.random(len(notify)) < params.notified_with_measure_share / 0.8
    i_child, i_ok = _children_with_measures(rng, first_start, investigate, (30, 120))
    i_ok &= rng.random(len(investigate)) < 0.7
    others = int((~n_ok).sum() / 1.4) + 1
    n_child = np.where(n_ok, n_child, n_children + rng.integers(0, others, len(notify)))
    i_child = np.where(i_ok, i_child, n_children + rng.integers(0, others, len(investigate)))
    first_day = d.day(first_year)
    extra_birth = first_day - (rng.uniform(0.2, 14.0, others) * 365.25).astype(np.int64)
    date = np.concatenate([notify, investigate])
    kind = np.r_[np.zeros(len(notify), np.int64), np.ones(len(investigate), np.int64)]
    child = np.concatenate([n_child, i_child])
    order = np.lexsort((kind, date))
    return Events(date[order], kind[order], child[order]), extra_birth
