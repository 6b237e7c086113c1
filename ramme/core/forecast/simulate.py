"""Monte Carlo band (P10-P90): each path draws the end of every active measure from the
duration model, the number, price and duration of new measures (Poisson with a gamma-
distributed rate, so a rate estimated from few cases is uncertain too), the billing-lag
ratio and the profile error from their spread in earlier years, and the refund from the
drawn costs per household. Vectorised over paths in chunks to bound memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ramme.core.forecast.data import FloatArray, IntArray, wsum
from ramme.core.forecast.model import BY_PLAN, Model
from ramme.core.refunds import refund_array

if TYPE_CHECKING:
    from ramme.core.forecast.engine import Lines

CHUNK = 64
CELLS = 3_000_000  # paths × segments per chunk: bounds the memory at national scale


def simulate(model: Model, det: Lines, n: int, seed: int) -> FloatArray:
    """Simulated year-end totals, shape (paths, lines)."""
    rng = np.random.default_rng(seed)
    out = []
    chunk = max(4, min(CHUNK, CELLS // max(1, len(model.segments.lo))))
    for done in range(0, n, chunk):
        out.append(_chunk(model, det, min(chunk, n - done), rng))
    return np.concatenate(out, axis=0)


def _chunk(model: Model, det: Lines, k: int, rng: np.random.Generator) -> FloatArray:
    n_lines = len(model.prep.activities)
    measures_line, hh_cost = _measures(model, k, rng)
    inflow_line = _inflow(model, k, rng)
    rho = det.rho[None, :] + rng.standard_normal((k, n_lines)) * model.lag.rho_sd[None, :]
    case_based = det.actual_op[None, :] + rho * (measures_line + inflow_line)
    noise = rng.standard_normal((k, n_lines)) * model.lag.share_sd[None, :]
    profile = det.op[None, :] * (1 + noise * _remaining_share(model)[None, :])
    op = np.where(det.measure_lines[None, :], case_based + _rest(model, k, rng), profile)
    refund = _refund(model, det, hh_cost)
    return np.asarray(op + refund, dtype=np.float64)


def _rest(model: Model, k: int, rng: np.random.Generator) -> FloatArray:
    """The supplementary period's rest per path: between the earlier years' lowest and
    highest ratio, the same draw on every line (one billing practice)."""
    sup = model.supplementary
    u = rng.uniform(size=(k, 1))
    return np.asarray(sup.low[None, :] + u * (sup.high - sup.low)[None, :], dtype=np.float64)


def _remaining_share(model: Model) -> FloatArray:
    share = np.where(np.isfinite(model.lag.share), model.lag.share, 0.5)
    return np.asarray(np.clip(1 - share, 0.05, 1.0), dtype=np.float64)


def _measures(model: Model, k: int, rng: np.random.Generator) -> tuple[FloatArray, FloatArray]:
    """Remaining cost of active measures per (path, line) and extra cost per household."""
    prep, seg, state = model.prep, model.segments, model.state
    n_lines = len(prep.activities)
    line = model.measure_line[seg.measure]
    fixed = ~seg.survives & (line >= 0)
    gone = model.pending.probability  # ended already, not yet registered (pending.py)
    fixed_cost = np.maximum(seg.hi_committed - seg.lo + 1, 0) * seg.rate
    fixed_cost = fixed_cost * (1 - gone[seg.measure])
    base = wsum(line[fixed], fixed_cost[fixed], n_lines)
    result = np.repeat(base[None, :], k, axis=0)
    cand = model.refunds.candidates
    n_cand = int(cand.max()) + 1 if len(cand) else 0
    hh_delta = np.zeros((k, n_cand))
    drawn = np.flatnonzero(seg.survives & (line >= 0))
    if len(drawn) == 0:
        return result, hh_delta
    unique, first, inverse = np.unique(seg.measure[drawn], return_index=True, return_inverse=True)
    start = prep.m_start[unique]
    types, alive = prep.m_type[unique], state.t - start + 1
    dur = model.survival.sample(types, alive + 1, rng, k)
    by_plan = seg.kind[drawn][first] == BY_PLAN
    if by_plan.any():
        planned = seg.planned[drawn][first][by_plan]
        dur[:, by_plan] = model.planned_survival.sample(
            types[by_plan], planned, alive[by_plan], rng, k
        )
    ended = rng.random(dur.shape) < gone[unique][None, :]
    dur = np.where(ended, alive[None, :], dur)
    end = start[None, :] + np.minimum(dur, 10**6) - 1
    hi = np.minimum(seg.hi[drawn][None, :], end[:, inverse])
    cost = np.maximum(hi - seg.lo[drawn][None, :] + 1, 0) * seg.rate[drawn][None, :]
    result += _sum_by(cost, line[drawn], n_lines)
    pos = cand[prep.m_household[seg.measure[drawn]]]
    if n_cand:
        mine = pos >= 0
        hh_delta += _sum_by(cost[:, mine], pos[mine], n_cand)
        upos = cand[prep.m_household[unique]]
        ok = upos >= 0
        hh_delta -= wsum(upos[ok], model.expected[unique][ok], n_cand)[None, :]
    return result, hh_delta


def _sum_by(values: FloatArray, groups: IntArray, n: int) -> FloatArray:
    """Sum columns of ``values`` (paths, items) into ``n`` groups per path."""
    k = values.shape[0]
    flat = (np.arange(k)[:, None] * n + groups[None, :]).ravel()
    return wsum(flat, values.ravel(), k * n).reshape(k, n)


def _inflow(model: Model, k: int, rng: np.random.Generator) -> FloatArray:
    plan, prep = model.inflow, model.prep
    n_lines = len(prep.activities)
    if len(plan.types) == 0:
        return np.zeros((k, n_lines))
    shape = plan.evidence + 1
    gamma = rng.gamma(shape[None, :], 1 / shape[None, :], size=(k, len(shape)))
    counts = rng.poisson(plan.rate[None, :] * gamma[:, plan.types])
    path, row = np.nonzero(counts)
    reps = counts[path, row]
    path, row = np.repeat(path, reps), np.repeat(row, reps)
    types = plan.types[row]
    price, once = np.zeros(len(row)), np.zeros(len(row))
    for ti in np.unique(types):
        hit = np.flatnonzero(types == ti)
        samples = plan.price_samples[ti]
        if len(samples):
            pick = samples[rng.integers(0, len(samples), len(hit))]
            price[hit], once[hit] = pick[:, 0], pick[:, 1]
    dur = model.survival.sample(types, np.ones_like(types), rng, 1)[0]
    start = plan.start[row]
    lived = np.minimum(dur, model.state.year_last - start + 1)
    days = np.maximum(lived - np.maximum(model.state.t - start + 1, 0), 0)  # after as_of
    price = price * days + once
    line = prep.type_activity[types]
    ok = line >= 0
    flat = path[ok] * n_lines + line[ok]
    cost = wsum(flat, price[ok], k * n_lines)
    return cost.reshape(k, n_lines)


def _refund(model: Model, det: Lines, hh_delta: FloatArray) -> FloatArray:
    refunds = model.refunds
    if model.year_known:
        return np.repeat(det.actual_ref[None, :], hh_delta.shape[0], axis=0)
    chosen = refunds.candidates >= 0
    base = refunds.base_cost[chosen][np.argsort(refunds.candidates[chosen])]
    cost = np.maximum(base[None, :] + hh_delta, 0.0)
    expected = refund_array(cost, refunds.rule).sum(axis=1)
    target = -refunds.booked_ratio * expected[:, None] * refunds.line_share[None, :]
    return np.asarray(np.minimum(det.actual_ref[None, :], target), dtype=np.float64)
