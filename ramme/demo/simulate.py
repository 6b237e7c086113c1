"""The flow of measures month by month: inflow, duration, age limits, efterværn, hosts.

Each measure type has its own inflow (Poisson per month with seasonality and trend) and its
own duration; a measure stops at the 18th birthday, and a share continues as efterværn
(aftercare) until at most the 23rd birthday. Some measures join a child who already has a
host measure (a contact person during a placement, extra costs beside respite care).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.demo import days as d
from ramme.demo.days import OPEN, FloatArray, IntArray
from ramme.demo.model import NO_DAY, Measures
from ramme.demo.parameters import BURN_IN_YEARS, SCHOOL_START, SEASONALITY, MeasureTypeSpec

DAYS_PER_MONTH = 30.4375
AFTERCARE_MEDIAN_MONTHS = 15.0
AFTERCARE_SIGMA = 0.6


@dataclass
class Draft:
    """Measures before children exist: each row still carries its own birth date."""

    measures: Measures
    birth: IntArray
    drawn_end: IntArray  # the end the duration gave, before the export cut
    host: IntArray  # measure index of the host (-1: the measure opened its own child)


def _age_cap(birth: IntArray, spec: MeasureTypeSpec) -> IntArray:
    """Last day the type may run: the day before the 18th (or, for efterværn, 23rd) birthday."""
    cap: IntArray = d.add_years(birth, 23 if spec.ages[0] >= 18 else 18) - 1
    return cap


def _durations(rng: np.random.Generator, spec: MeasureTypeSpec, n: int) -> IntArray:
    median = np.log(spec.duration_months * DAYS_PER_MONTH)
    drawn = np.exp(median + spec.duration_sigma * rng.standard_normal(n))
    days: IntArray = np.maximum(1, np.round(drawn)).astype(np.int64)
    return days


def _ages(rng: np.random.Generator, spec: MeasureTypeSpec, n: int) -> FloatArray:
    low, mode, high = spec.ages
    return rng.triangular(low, mode, high, n)


def mean_active_months(spec: MeasureTypeSpec, rng: np.random.Generator) -> float:
    """Mean months a new measure is active after the age cap (for Little's law)."""
    if spec.school_year:
        return 12.0  # every boarding-school place started in August is active on 31 Dec
    n = 20_000
    ages = _ages(rng, spec, n)
    limit = 23.0 if spec.ages[0] >= 18 else 18.0
    room = (limit - ages) * 365.25
    return float(np.minimum(_durations(rng, spec, n), room).mean() / DAYS_PER_MONTH)


def _monthly_rates(
    spec: MeasureTypeSpec, months: IntArray, first_year: int, base_rate: float
) -> FloatArray:
    month_of_year = months % 12
    season = np.array(SCHOOL_START if spec.school_year else SEASONALITY)[month_of_year]
    years = months / 12 + 1970 - first_year
    return base_rate * season * (1 + spec.trend) ** years


def steady_counts(rng: np.random.Generator, rates: FloatArray) -> IntArray:
    """Whole counts per month that follow the expected rates closely (systematic rounding).

    Poisson counts made the stock of a 48,000 municipality swing by ±10 % between seeds; real
    inflow is steadier (visitation smooths it), and calibration needs a stable level.
    """
    cumulative = np.floor(np.cumsum(rates) + rng.random())
    counts: IntArray = np.diff(np.r_[0.0, cumulative]).astype(np.int64)
    return counts


def draw_type(
    rng: np.random.Generator,
    spec: MeasureTypeSpec,
    type_index: int,
    first_year: int,
    last_year: int,
    scale: float,
) -> Draft:
    """All new measures of one type from the burn-in start to the last reported year."""
    months = np.arange(
        d.month_number(np.array([d.day(first_year - BURN_IN_YEARS)]))[0],
        d.month_number(np.array([d.day(last_year, 12)]))[0] + 1,
    )
    base_rate = spec.stock * scale / mean_active_months(spec, rng)
    counts = steady_counts(rng, _monthly_rates(spec, months, first_year, base_rate))
    month_of = np.repeat(months, counts)
    first = d.month_first_day(month_of)
    length = d.month_last_day(month_of) - first + 1
    start = first + (rng.random(len(first)) * length).astype(np.int64)
    if spec.school_year:
        start = first + rng.integers(7, 16, len(first))
    birth = start - np.round(_ages(rng, spec, len(start)) * 365.25).astype(np.int64)
    if spec.school_year:
        years = np.where(rng.random(len(start)) < 0.2, 2, 1)
        end = np.array([d.day(int(y), 6, 30) for y in d.years_of(start) + years], dtype=np.int64)
    else:
        end = start + _durations(rng, spec, len(start)) - 1
    n = len(start)
    measures = Measures(
        child=np.full(n, -1, np.int64),
        mtype=np.full(n, type_index, np.int64),
        start=start,
        end=np.minimum(end, _age_cap(birth, spec)),
        aftercare=np.zeros(n, np.int64),
        parent=np.full(n, -1, np.int64),
        provider=np.full(n, -1, np.int64),
        planned_end=np.full(n, NO_DAY, np.int64),
        approved_at=np.full(n, NO_DAY, np.int64),
        approver=np.zeros(n, np.int64),
        reviewed_at=np.full(n, NO_DAY, np.int64),
        ghost=np.zeros(n, np.int64),
    )
    return Draft(measures, birth, end, np.full(n, -1, np.int64))


def concat(drafts: list[Draft]) -> Draft:
    return Draft(
        Measures.concat([x.measures for x in drafts]),
        np.concatenate([x.birth for x in drafts]),
        np.concatenate([x.drawn_end for x in drafts]),
        np.concatenate([x.host for x in drafts]),
    )


def attach_to_hosts(
    rng: np.random.Generator, draft: Draft, types: tuple[MeasureTypeSpec, ...]
) -> None:
    """Give a share of each companion type to a child who has a host measure running."""
    m = draft.measures
    codes = np.array([t.code for t in types])
    for ti, spec in enumerate(types):
        if not spec.host_types:
            continue
        hosts = np.flatnonzero(np.isin(codes[m.mtype], spec.host_types) & (m.ghost == 0))
        hosts = hosts[np.argsort(m.start[hosts], kind="stable")]
        mine = np.flatnonzero((m.mtype == ti) & (rng.random(len(m)) < spec.host_share))
        if len(hosts) == 0 or len(mine) == 0:
            continue
        pos = np.searchsorted(m.start[hosts], m.start[mine], side="right") - 1
        window = max(1, len(hosts) // (BURN_IN_YEARS * 4))
        pos = pos - rng.integers(0, window, len(mine))
        ok = pos >= 0
        host = hosts[np.maximum(pos, 0)]
        birth = draft.birth[host]
        cap = _age_cap(birth, spec)
        ok &= (m.end[host] >= m.start[mine]) & (cap >= m.start[mine])
        mine, host, birth, cap = mine[ok], host[ok], birth[ok], cap[ok]
        draft.host[mine] = host
        draft.birth[mine] = birth
        m.end[mine] = np.minimum(m.end[mine], cap)


def add_aftercare(
    rng: np.random.Generator, draft: Draft, types: tuple[MeasureTypeSpec, ...], last_day: int
) -> Draft:
    """Continue a share of the measures stopped by the 18th birthday as efterværn."""
    m = draft.measures
    share = np.array([t.aftercare_share for t in types])[m.mtype]
    cap18 = d.add_years(draft.birth, 18) - 1
    stopped = (m.end == cap18) & (m.end < last_day) & (m.aftercare == 0)
    chosen = np.flatnonzero(stopped & (rng.random(len(m)) < share))
    n = len(chosen)
    start = m.end[chosen] + 1
    drawn = np.exp(
        np.log(AFTERCARE_MEDIAN_MONTHS * DAYS_PER_MONTH) + AFTERCARE_SIGMA * rng.standard_normal(n)
    )
    end = start + np.maximum(1, np.round(drawn)).astype(np.int64) - 1
    birth = draft.birth[chosen]
    extra = m.take(chosen)
    extra.start = start
    extra.end = np.minimum(end, d.add_years(birth, 23) - 1)
    extra.aftercare = np.ones(n, np.int64)
    extra.parent = chosen
    more = Draft(extra, birth, end, np.full(n, -2, np.int64))
    return concat([draft, more])


def assign_children(draft: Draft) -> int:
    """Child index per measure: hosts and continuations share their child. Returns count."""
    m = draft.measures
    root = draft.host == -1
    m.child[root] = np.arange(int(root.sum()))
    attached = draft.host >= 0
    m.child[attached] = m.child[draft.host[attached]]
    cont = draft.host == -2
    # A continuation's parent may itself be attached: resolve after the roots.
    m.child[cont] = m.child[m.parent[cont]]
    return int(root.sum())


def censor(draft: Draft, last_day: int) -> Draft:
    """Drop measures starting after the export day; open the ones running past it."""
    keep = np.flatnonzero(draft.measures.start <= last_day)
    new_index = np.full(len(draft.measures), -1, np.int64)
    new_index[keep] = np.arange(len(keep))
    kept = Draft(
        draft.measures.take(keep),
        draft.birth[keep],
        draft.drawn_end[keep],
        draft.host[keep],
    )
    m = kept.measures
    m.end = np.where(m.end > last_day, OPEN, m.end)
    m.parent = np.where(m.parent >= 0, new_index[np.maximum(m.parent, 0)], -1)
    return kept
