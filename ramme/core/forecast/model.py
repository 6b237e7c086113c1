"""The forecast model on one as-of date: the known measures' remaining price segments,
their committed and expected cost, the duration, inflow, lag and refund models.

The deterministic forecast (engine.py) and the simulation (simulate.py) both read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ramme.core.forecast import age_limits
from ramme.core.forecast import inflow as inflow_model
from ramme.core.forecast import lag as lag_model
from ramme.core.forecast import pending as pending_model
from ramme.core.forecast import supplementary as supplementary_model
from ramme.core.forecast import survival as survival_model
from ramme.core.forecast.data import INF, BoolArray, FloatArray, IntArray, Prepared, wsum
from ramme.core.forecast.known import State, line_of_measure, measure_cost, state_at
from ramme.core.refunds import RefundRule, refund_array, rule_for


@dataclass(frozen=True)
class Config:
    """Choices of the method (kept few; docs/forecast.md explains them)."""

    # how a planned end date (forventet slutdato) is used: "calibrated" = through the
    # learned ratio of actual to planned duration; "trust" = a planned end after as_of is
    # the end; "ignore" = only the duration curve of the type
    planned_end: str = "calibrated"
    # measures older than the data window enter the duration curves at the window's start
    # (delayed entry), not at their own start
    delayed_entry: bool = True
    # the remaining cost follows the ledger's recent level against the known measures (off:
    # it helped on files exported with registration lags, hurt on complete files and the demo)
    drift: bool = False
    # ends and starts registered late are learned from the shortfall of recent ones
    # (pending.py, pending_starts.py)
    pending_ends: bool = True
    pending_starts: bool = True


@dataclass(frozen=True)
class Segments:
    """Remaining price segments (after as_of, within the year) of the active measures."""

    measure: IntArray
    lo: IntArray
    hi: IntArray  # capped by the year end and the age limit
    hi_committed: IntArray  # also capped by the planned end
    rate: FloatArray  # per day in the forecast year's price level
    kind: IntArray  # FIXED (trusted planned end), BY_TYPE (type curve), BY_PLAN (ratio curve)
    planned: IntArray  # planned duration in days (for BY_PLAN)

    @property
    def survives(self) -> BoolArray:
        return np.asarray(self.kind != FIXED)


FIXED, BY_TYPE, BY_PLAN = 0, 1, 2


@dataclass(frozen=True)
class Refunds:
    """Expected refund of the year and how it is booked on the lines."""

    rule: RefundRule
    booked_ratio: float  # booked refund / computed refund in earlier years
    line_share: FloatArray
    base_cost: FloatArray  # per household: expected year cost
    candidates: IntArray  # per household: position among those that can reach threshold 1, or -1
    expected: float  # computed refund of the expected year costs (before booked_ratio)


@dataclass(frozen=True)
class Model:
    prep: Prepared
    state: State
    config: Config
    limits: age_limits.AgeLimits
    survival: survival_model.Survival
    planned_survival: survival_model.PlannedSurvival
    inflow: inflow_model.InflowPlan
    lag: lag_model.LagModel
    pending: pending_model.PendingEnds
    unregistered: FloatArray  # per measure: expected cost taken off for an unregistered end
    segments: Segments
    accrued: FloatArray  # per measure, 1 January to as_of
    committed: FloatArray  # per measure, after as_of
    expected: FloatArray  # per measure, after as_of, duration-weighted
    expected_days: FloatArray  # per measure: expected active days after as_of in the year
    measure_line: IntArray
    measure_lines: BoolArray  # per line: has measure types
    refunds: Refunds
    supplementary: supplementary_model.SupplementaryRest  # on 31 December: still to come

    @property
    def year(self) -> int:
        return self.state.as_of.year

    @property
    def year_known(self) -> bool:
        """Every posting dated in the year is known: the as-of date is 31 December and the
        supplementary period has closed (supplementary.py)."""
        return self.state.t >= self.state.year_last and not supplementary_model.is_open(
            self.prep, self.year
        )


def _segments(
    prep: Prepared, state: State, config: Config, calibrated: bool, limit: IntArray
) -> Segments:
    rows = state.rows
    measure = prep.p_measure[rows]
    start = np.maximum(prep.p_from[rows], prep.m_start[measure])
    lo = np.maximum(start, state.t + 1)
    hi = np.minimum(np.minimum(state.row_last, state.year_last), limit[measure])
    keep = state.active[measure] & ~prep.p_once[rows] & (hi >= lo)
    planned = prep.m_planned[measure]
    ahead = (planned > state.t) & (planned < INF)
    kind = np.full(len(rows), BY_TYPE, dtype=np.int64)
    if config.planned_end == "calibrated" and calibrated:
        kind[planned < INF] = BY_PLAN
    elif config.planned_end != "ignore":  # "trust", or too little history to calibrate
        kind[ahead] = FIXED
    rate = prep.p_rate[rows] * prep.factor(prep.p_year[rows], state.as_of.year)
    return Segments(
        measure=measure[keep],
        lo=lo[keep],
        hi=hi[keep],
        hi_committed=np.where(ahead, np.minimum(hi, planned), hi)[keep],
        rate=rate[keep],
        kind=kind[keep],
        planned=np.where(planned < INF, planned - prep.m_start[measure] + 1, 0)[keep],
    )


def _committed_expected(
    prep: Prepared,
    state: State,
    seg: Segments,
    surv: survival_model.Survival,
    plan_surv: survival_model.PlannedSurvival,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    n = len(prep.m_start)
    days_c = np.clip(seg.hi_committed - seg.lo + 1, 0, None)
    committed = wsum(seg.measure, days_c * seg.rate, n)
    start = prep.m_start[seg.measure]
    types = prep.m_type[seg.measure]
    alive = surv.days_alive(types, seg.lo - start + 1, seg.hi - start + 1)
    alive = alive / np.maximum(surv.s(types, state.t - start + 1), 1e-12)
    by_plan = plan_surv.conditional_days(
        types, seg.planned, state.t - start + 1, seg.lo - start + 1, seg.hi - start + 1
    )
    days_e = np.select([seg.kind == BY_TYPE, seg.kind == BY_PLAN], [alive, by_plan], days_c)
    expected = wsum(seg.measure, days_e * seg.rate, n)
    # days from the longest segment of each measure (base and supplement overlap in time)
    days = np.zeros(n)
    np.maximum.at(days, seg.measure, days_e)
    return committed, expected, days


def _refunds(
    prep: Prepared,
    state: State,
    year_cost: FloatArray,
    lag: lag_model.LagModel,
    accrued_line: FloatArray,
    most: FloatArray,
) -> Refunds:
    index = prep.master.price_index
    n_hh = len(prep.households)
    rule = rule_for(state.as_of.year, index)
    base = wsum(prep.m_household, year_cost, n_hh)
    ratios = []
    for year in lag.years:
        first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        cost = measure_cost(prep, state, first, last)
        hh = wsum(prep.m_household, cost, n_hh)
        computed = float(refund_array(hh, rule_for(year, index)).sum())
        booked_year = -float(lag_model.booked(prep, first, last, refund=True).sum())
        if computed > 0:
            ratios.append(booked_year / computed)
    # the median year: one year booked under other rules (e.g. before 2021) does not skew it
    ratio = float(np.clip(np.median(ratios), 0.0, 1.5)) if ratios else 1.0
    share = _refund_line_share(prep, state, lag, accrued_line)
    expected = float(refund_array(base, rule).sum())
    # only households whose cost could reach threshold 1 are simulated
    reach = wsum(prep.m_household, most, n_hh) >= float(rule.thresholds[0]) * 0.999
    candidates = np.where(reach, np.cumsum(reach) - 1, -1)
    return Refunds(rule, ratio, share, base, candidates, expected)


def _refund_line_share(
    prep: Prepared, state: State, lag: lag_model.LagModel, accrued_line: FloatArray
) -> FloatArray:
    n = len(prep.activities)
    first = date(min(lag.years or [state.as_of.year]), 1, 1).toordinal()
    hist = lag_model.booked(prep, first, state.t, refund=True)
    if hist.sum() < 0:
        return np.asarray(hist / hist.sum(), dtype=np.float64)
    share = np.zeros(n)
    if n and accrued_line.max() > 0:
        share[int(np.argmax(accrued_line))] = 1.0
    return share


def invoiced_lines(prep: Prepared, state: State) -> BoolArray:
    """Lines whose operating postings are mostly invoices linked to measures. A line paid
    by salary (an internal unit) is not: its postings do not follow the measures' prices,
    so it is forecast from its profile like a line without measures."""
    led = prep.ledger
    first = date(state.as_of.year - lag_model.HISTORY_YEARS, 1, 1).toordinal()
    mask = (led.day >= first) & (led.day <= state.t) & (led.activity >= 0) & (led.dranst != 2)
    n = len(prep.activities)
    total = wsum(led.activity[mask], np.abs(led.amount[mask]), n)
    linked = mask & (led.measure >= 0)
    with_measure = wsum(led.activity[linked], np.abs(led.amount[linked]), n)
    return np.asarray((total == 0) | (with_measure >= 0.5 * total), dtype=bool)


def _pending(
    prep: Prepared,
    state: State,
    config: Config,
    surv: survival_model.Survival,
    limit: IntArray,
) -> pending_model.PendingEnds:
    if not config.pending_ends:
        return pending_model.PendingEnds.none(len(prep.m_start))
    return pending_model.estimate(prep, state, surv, limit)


def build(prep: Prepared, as_of: date, config: Config | None = None) -> Model:
    """Everything the forecast on ``as_of`` needs, from what was known on ``as_of``."""
    config = config or Config()
    state = state_at(prep, as_of)
    limits = age_limits.learn(prep, state)
    surv = survival_model.estimate(prep, state, limits.limit, config.delayed_entry)
    plan_surv = survival_model.estimate_planned(prep, state, limits.limit)
    calibrated = plan_surv.events >= survival_model.MIN_EVENTS
    seg = _segments(prep, state, config, calibrated, limits.limit)
    committed, expected, days = _committed_expected(prep, state, seg, surv, plan_surv)
    pending = _pending(prep, state, config, surv, limits.limit)
    unregistered = expected * pending.probability  # cost of ends not yet registered
    expected, days = expected - unregistered, days * (1 - pending.probability)
    accrued = measure_cost(prep, state, state.year_first, state.t)
    lag = lag_model.estimate(prep, state)
    line = line_of_measure(prep)
    n_lines = len(prep.activities)
    measure_lines = np.zeros(n_lines, dtype=bool)
    measure_lines[prep.type_activity[prep.type_activity >= 0]] = True
    measure_lines &= invoiced_lines(prep, state)
    ok = line >= 0
    acc_line = wsum(line[ok], (accrued + expected)[ok], n_lines)
    most = accrued + wsum(seg.measure, np.maximum(seg.hi - seg.lo + 1, 0) * seg.rate, len(accrued))
    refunds = _refunds(prep, state, accrued + expected, lag, acc_line, most)
    return Model(
        prep=prep,
        state=state,
        config=config,
        limits=limits,
        survival=surv,
        planned_survival=plan_surv,
        inflow=inflow_model.plan(prep, state, surv, config.pending_starts),
        lag=lag,
        pending=pending,
        unregistered=unregistered,
        segments=seg,
        accrued=accrued,
        committed=committed,
        expected=expected,
        expected_days=days,
        measure_line=line,
        measure_lines=measure_lines,
        refunds=refunds,
        supplementary=supplementary_model.estimate(prep, state),
    )
