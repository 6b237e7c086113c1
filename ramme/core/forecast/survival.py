"""Duration model (varighed): Kaplan–Meier survival per measure type, from history.

Durations are in days (start to last day, inclusive). A measure still active on the as-of
date is censored: it is known to have lasted at least until then. A measure that ended at
the age limit (18th or 23rd birthday) is censored too, because the age limit is applied
separately to each child. Types with few ended measures borrow the curve of their ladder
step (or of all measures), so one rare type does not get a jagged curve.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.core.forecast.data import INF, FloatArray, IntArray, Prepared
from ramme.core.forecast.known import State

MIN_EVENTS = 10


@dataclass(frozen=True)
class Survival:
    """Per type: ``S[k]`` = P(duration > k days) on a grid 0..L-1, and its running sum."""

    surv: FloatArray  # shape (types, L)
    cumsum: FloatArray  # shape (types, L + 1): cumsum[k] = S[0] + ... + S[k-1]
    events: IntArray  # ended measures per type used

    @property
    def length(self) -> int:
        return int(self.surv.shape[1])

    def s(self, types: IntArray, k: IntArray) -> FloatArray:
        """S(k), constant beyond the grid."""
        return np.asarray(self.surv[types, np.clip(k, 0, self.length - 1)], dtype=np.float64)

    def days_alive(self, types: IntArray, k_from: IntArray, k_to: IntArray) -> FloatArray:
        """Expected sum of S(k-1) for k in [k_from, k_to] (days active), tail extended."""
        return self._c(types, k_to) - self._c(types, k_from - 1)

    def _c(self, types: IntArray, k: IntArray) -> FloatArray:
        # sum_{j<k} S(j), with S constant after the grid
        k = np.maximum(k, 0)
        inside = np.minimum(k, self.length)
        extra = np.maximum(k - self.length, 0)
        tail = self.surv[types, -1]
        return np.asarray(self.cumsum[types, inside] + extra * tail, dtype=np.float64)

    def sample(
        self, types: IntArray, alive_k: IntArray, rng: np.random.Generator, n: int
    ) -> IntArray:
        """Sampled durations (n, measures) given duration > alive_k - 1; INF when no end."""
        u = rng.random((n, len(types)))
        base = self.s(types, alive_k - 1)
        out = np.full((n, len(types)), INF, dtype=np.int64)
        for ti in np.unique(types):
            cols = np.flatnonzero(types == ti)
            target = u[:, cols] * base[cols]
            # search only the days where the curve steps down (far fewer than the grid)
            curve = self.surv[ti]
            steps = np.r_[0, np.flatnonzero(np.diff(curve)) + 1]
            j = np.searchsorted(-curve[steps], -target.ravel(), side="left")
            k = np.where(j < len(steps), steps[np.minimum(j, len(steps) - 1)], self.length)
            k = np.maximum(k.reshape(target.shape), alive_k[cols])
            out[:, cols] = np.where(k < self.length, k, INF)
        return out


def _km(
    durations: IntArray, events: IntArray, length: int, entry: IntArray | None = None
) -> FloatArray:
    """Kaplan–Meier S(k) on 0..length-1; ``events`` 1 = ended, 0 = censored at duration;
    ``entry``: the duration at which each measure came under observation (delayed entry)."""
    d = np.clip(durations, 0, length - 1)
    died = np.bincount(d[events == 1], minlength=length).astype(float)
    gone = np.bincount(d, minlength=length).astype(float)
    # at risk at k: observed duration >= k (censored at c counts as surviving through c)
    at_risk = np.cumsum(gone[::-1])[::-1]
    if entry is not None:
        # not yet observed at k: entered after k (a measure older than the data window)
        late = np.bincount(np.clip(np.minimum(entry, d), 0, length - 1), minlength=length)
        at_risk -= np.cumsum(late[::-1])[::-1] - late
    with np.errstate(divide="ignore", invalid="ignore"):
        q = np.where(at_risk > 0, np.clip(died / at_risk, 0.0, 1.0), 0.0)
    return np.asarray(np.cumprod(1 - q), dtype=np.float64)


def _entry(prep: Prepared, state: State, start: IntArray) -> IntArray:
    """Duration (days, 1 = first day) at which each measure came under observation.

    The data begin with the ledger: a measure that started before is in the data only because
    it was still running then (left truncation), so it enters the risk set at that day, not
    at its own start; otherwise the curve would overstate how long measures last."""
    days = prep.ledger.day[prep.ledger.day <= state.t]
    window = int(days.min()) if len(days) else int(start.min(initial=state.t))
    return np.asarray(np.maximum(window - start + 1, 0), dtype=np.int64)


def estimate(
    prep: Prepared, state: State, limit: IntArray | None = None, delayed_entry: bool = True
) -> Survival:
    """Kaplan–Meier curves per type from the measures known on the as-of date; ``limit``:
    each measure's last day by age (default: the rule)."""
    limit = prep.m_limit if limit is None else limit
    known = np.flatnonzero(state.known)
    start = prep.m_start[known]
    ended = ~state.active[known]
    last = np.where(ended, state.m_last[known], state.t)
    durations = last - start + 1
    at_limit = ended & (np.abs(state.m_last[known] - limit[known]) <= 1)
    events = (ended & ~at_limit).astype(np.int64)
    span = int(state.year_last - prep.m_start.min() + 2) if len(prep.m_start) else 2
    length = max(2, min(span, 40 * 366))
    types = prep.m_type[known]
    n_types = len(prep.type_codes)
    entry = _entry(prep, state, start) if delayed_entry else np.zeros_like(start)
    all_curve = _km(durations, events, length, entry)
    steps = {
        step: np.isin(types, [i for i, s in enumerate(prep.type_step) if s == step])
        for step in set(prep.type_step)
    }
    surv = np.empty((n_types, length))
    counts = np.zeros(n_types, dtype=np.int64)
    for ti in range(n_types):
        mine = types == ti
        counts[ti] = int(events[mine].sum())
        if counts[ti] >= MIN_EVENTS:
            surv[ti] = _km(durations[mine], events[mine], length, entry[mine])
            continue
        pool = steps[prep.type_step[ti]]
        enough = events[pool].sum() >= MIN_EVENTS
        curve = _km(durations[pool], events[pool], length, entry[pool]) if enough else all_curve
        surv[ti] = curve
    cumsum = np.concatenate([np.zeros((n_types, 1)), np.cumsum(surv, axis=1)], axis=1)
    return Survival(surv=surv, cumsum=cumsum, events=counts)


RATIO_STEP = 0.02  # grid of duration / planned duration
RATIO_MAX = 12.0


@dataclass(frozen=True)
class PlannedSurvival:
    """Per type: S(r) = P(duration / planned duration > r), learned from measures with a
    planned end (forventet slutdato). It calibrates the caseworker's expectation: planned
    ends are often optimistic, and the curve says by how much, measure type by type."""

    surv: FloatArray  # (types, G) on r = i * RATIO_STEP
    integral: FloatArray  # (types, G + 1): integral of S from 0 to i * RATIO_STEP
    events: int  # ended measures with a planned end behind the curves

    def _s(self, types: IntArray, r: FloatArray) -> FloatArray:
        i = np.clip((r / RATIO_STEP).astype(np.int64), 0, self.surv.shape[1] - 1)
        return np.asarray(self.surv[types, i], dtype=np.float64)

    def _integral(self, types: IntArray, r: FloatArray) -> FloatArray:
        g = self.surv.shape[1]
        x = np.maximum(r, 0) / RATIO_STEP
        i = np.minimum(x.astype(np.int64), g)
        frac = np.where(i < g, x - i, 0.0)
        step = self.surv[types, np.minimum(i, g - 1)] * RATIO_STEP
        inside = self.integral[types, i] + frac * step
        extra = np.maximum(x - g, 0) * RATIO_STEP * self.surv[types, -1]
        return np.asarray(inside + extra, dtype=np.float64)

    def conditional_days(
        self, types: IntArray, planned: IntArray, alive: IntArray, k_from: IntArray,
        k_to: IntArray,
    ) -> FloatArray:  # fmt: skip
        """Expected active days for k in [k_from, k_to] given duration > alive."""
        pd = np.maximum(planned, 1).astype(np.float64)
        total = pd * (self._integral(types, k_to / pd) - self._integral(types, (k_from - 1) / pd))
        base = np.maximum(self._s(types, alive / pd), 1e-12)
        return np.asarray(np.maximum(total, 0) / base, dtype=np.float64)

    def sample(
        self, types: IntArray, planned: IntArray, alive: IntArray, rng: np.random.Generator,
        n: int,
    ) -> IntArray:  # fmt: skip
        """Sampled durations (n, measures) given duration > alive; INF when no end."""
        pd = np.maximum(planned, 1).astype(np.float64)
        target = rng.random((n, len(types))) * self._s(types, alive / pd)
        out = np.full((n, len(types)), INF, dtype=np.int64)
        for ti in np.unique(types):
            cols = np.flatnonzero(types == ti)
            i = np.searchsorted(-self.surv[ti], -target[:, cols].ravel(), side="left")
            i = i.reshape(len(target), len(cols))
            days = np.ceil((i + 0.5) * RATIO_STEP * pd[cols]).astype(np.int64)
            days = np.maximum(days, alive[cols] + 1)
            out[:, cols] = np.where(i < self.surv.shape[1], days, INF)
        return out


def estimate_planned(
    prep: Prepared, state: State, limit: IntArray | None = None
) -> PlannedSurvival:
    """The ratio curves from the known measures that have a planned end."""
    limit = prep.m_limit if limit is None else limit
    known = np.flatnonzero(state.known & (prep.m_planned < INF))
    start = prep.m_start[known]
    planned = np.maximum(prep.m_planned[known] - start + 1, 1)
    ended = ~state.active[known]
    last = np.where(ended, state.m_last[known], state.t)
    at_limit = ended & (np.abs(state.m_last[known] - limit[known]) <= 1)
    events = (ended & ~at_limit).astype(np.int64)
    grid = int(RATIO_MAX / RATIO_STEP)
    bins = np.minimum(((last - start + 1) / planned / RATIO_STEP).astype(np.int64), grid - 1)
    types = prep.m_type[known]
    n_types = len(prep.type_codes)
    all_curve = _km(bins, events, grid)
    surv = np.empty((n_types, grid))
    for ti in range(n_types):
        mine = types == ti
        if events[mine].sum() >= MIN_EVENTS:
            surv[ti] = _km(bins[mine], events[mine], grid)
            continue
        pool = np.isin(types, [i for i, s in enumerate(prep.type_step) if s == prep.type_step[ti]])
        enough = events[pool].sum() >= MIN_EVENTS
        surv[ti] = _km(bins[pool], events[pool], grid) if enough else all_curve
    integral = np.concatenate(
        [np.zeros((n_types, 1)), np.cumsum(surv, axis=1) * RATIO_STEP], axis=1
    )
    return PlannedSurvival(surv, integral, int(events.sum()))
