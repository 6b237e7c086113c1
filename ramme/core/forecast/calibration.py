"""Self-calibration on the municipality's own history (kalibrering efter egne tidligere år).

On the as-of day of this year, ramme asks how its case-based estimate, the accrual method
(the year's service cost × how the ledger related to it in earlier years) and the simple
methods (run-rate, periodised profile, full-year cases × price) erred on the same day of each
earlier complete year, from what was known then (a rolling origin), and

1. corrects each method's bias per line: the ratio of estimate to outturn in those years,
   shrunk towards the ratio pooled over all lines (and that towards no correction) so that
   three years do not chase noise;
2. combines the corrected methods per line with weights inverse to their mean squared error
   in those years (leave-one-year-out), shrunk towards the case-based estimate, which keeps
   most weight while the history is short;
3. checks the result on the same history (leave-one-year-out): it keeps the correction and
   the combination of a line only where they erred clearly less than the plain case-based
   estimate; and where a simple method was better in every year and by half in all, that
   method takes the line, so that on its own history the forecast is never worse than the
   best simple method;
4. keeps the leave-one-year-out errors of the result: they calibrate the band (band.py).

The difference between the result and the case-based estimate is shown as a component of
its own, so the economist can see and explain it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np

from ramme.core.forecast.data import FloatArray, Prepared
from ramme.core.forecast.lag import booked, same_day
from ramme.core.forecast.simple import periodised, run_rate

METHODS = ("case_based", "run_rate", "periodised", "cases_x_price", "accrual")
CASE_BASED = 0
SIMPLE = (1, 2, 3)  # the simple methods the result must not be worse than
MAX_ORIGINS = 4  # earlier years used (the most recent)
RATIO_BOUNDS = (0.5, 2.0)  # a year's estimate / outturn, clipped against freak years
# Pseudo-years pulling the frame's ratio towards 1 (no correction), and a line's towards the
# frame's. Strong on purpose: on the synthetic worlds (docs/forecast-worlds.md) a bias that
# came back three years running often did not come back the fourth, and a line's own errors
# in a few years are mostly the luck of few cases; weaker pulls did worse there.
BIAS_PRIOR = 8.0
LINE_PRIOR = 16.0
VAR_FLOOR = 0.02**2  # the yearly ratios are never taken to agree better than this
PRIOR_VAR = 0.06**2  # their spread assumed when only one year is there to learn from
WEIGHT_PRIOR = 8.0  # pseudo-years of full weight on the case-based estimate
VALIDATE_MARGIN = 0.8  # the calibration must have erred a fifth less than the plain estimate
GUARD_MARGIN = 0.5  # a simple method takes a line only when it erred less than half as much
MIN_SHARE = 1e-4  # a line smaller than this share of the frame is not calibrated

# the candidates that need the case-based model per line on a day, shape (3, lines)
CandidatesAt = Callable[[date], FloatArray]


@dataclass(frozen=True)
class History:
    """The methods' estimates and the outturn on the same day of earlier years."""

    years: list[int]
    candidates: FloatArray  # (origins, methods, lines)
    outturn: FloatArray  # (origins, lines)

    @property
    def origins(self) -> int:
        return len(self.years)


@dataclass(frozen=True)
class Calibration:
    """What was learned per line, and the leave-one-year-out errors of the result."""

    years: list[int]
    ratio: FloatArray  # (methods, lines): estimate / outturn learned, 1 = no correction
    weights: FloatArray  # (methods, lines), each column sums to 1
    switched: FloatArray  # per line: 1 where a simple method took the place of the combination
    errors: FloatArray  # (origins, lines): result − outturn in each earlier year (kr.)
    valid: FloatArray  # (origins, lines): 1 where the line had an outturn to learn from

    def apply(self, candidates: FloatArray) -> FloatArray:
        """The calibrated estimate per line from today's (methods, lines) candidates."""
        return np.asarray((self.weights * candidates / self.ratio).sum(axis=0), dtype=np.float64)

    def weight_of(self, method: str) -> FloatArray:
        return np.asarray(self.weights[METHODS.index(method)], dtype=np.float64)


def origin_years(prep: Prepared, as_of: date) -> list[int]:
    """Earlier complete years with a complete year of data before them (their estimate
    needs one for its billing lag, durations and inflow), the most recent ``MAX_ORIGINS``."""
    complete = prep.complete_years
    years = [y for y in sorted(complete) if y < as_of.year and y - 1 in complete]
    return years[-MAX_ORIGINS:]


def candidates(prep: Prepared, as_of: date, case_based: FloatArray) -> FloatArray:
    """(methods, lines) estimates of the year end on ``as_of``; ``case_based`` holds the
    rows that need the case-based model (3, lines): its estimate, the accrual method, and
    full-year cases × price corrected for the registrations still missing, so that the
    method sees today what it saw on the complete earlier years. The budget is no
    candidate: the forecast is there to tell how the year differs from it."""
    simple = (run_rate(prep, as_of), periodised(prep, as_of), case_based[2])
    return np.vstack([case_based[0], *simple, case_based[1]])


def history(prep: Prepared, as_of: date, case_based_at: CandidatesAt) -> History:
    """Every method on the same day of each origin year, and that year's outturn."""
    years = origin_years(prep, as_of)
    cands, outturn = [], []
    for year in years:
        day = same_day(as_of, year)
        cands.append(candidates(prep, day, case_based_at(day)))
        outturn.append(booked(prep, date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()))
    n_lines = len(prep.activities)
    shape = (len(years), len(METHODS), n_lines)
    return History(
        years,
        np.array(cands, dtype=np.float64).reshape(shape),
        np.array(outturn, dtype=np.float64).reshape(len(years), n_lines),
    )


def _valid(hist: History) -> FloatArray:
    scale = np.abs(hist.outturn).sum(axis=1, keepdims=True)
    return np.asarray(np.abs(hist.outturn) > MIN_SHARE * np.maximum(scale, 1.0), dtype=np.float64)


def _keep(
    mean: FloatArray, var: FloatArray, n: FloatArray, target: FloatArray, prior: float
) -> FloatArray:
    """How much of ``mean``'s distance to ``target`` to keep: positive-part James-Stein on
    the yearly ratios (a bias that came back every year is kept, one that jumped about is
    not), times n / (n + ``prior``) so that one or two years never weigh fully."""
    var = np.where(n >= 2, np.maximum(var, VAR_FLOOR), PRIOR_VAR)
    distance = np.maximum((mean - target) ** 2, 1e-12)
    keep = np.clip(1 - var / np.maximum(n, 1) / distance, 0.0, 1.0)
    return np.asarray(keep * n / (n + prior), dtype=np.float64)


def _mean_var(values: FloatArray, weights: FloatArray, axis: int) -> tuple[FloatArray, ...]:
    n = weights.sum(axis=axis)
    mean = (values * weights).sum(axis=axis) / np.maximum(n, 1e-9)
    dev = values - np.expand_dims(mean, axis)
    var = (dev**2 * weights).sum(axis=axis) / np.maximum(n - 1, 1)
    return mean, var, n


def _ratios(hist: History, valid: FloatArray, use: FloatArray) -> FloatArray:
    """(methods, lines) learned ratio from the origins where ``use`` (origins,) is 1."""
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = hist.candidates / hist.outturn[:, None, :]
    raw = np.clip(np.nan_to_num(raw, nan=1.0, posinf=1.0, neginf=1.0), *RATIO_BOUNDS)
    w = (valid * use[:, None])[:, None, :]  # (origins, 1, lines)
    size = np.abs(hist.outturn)[:, None, :] * w
    with np.errstate(divide="ignore", invalid="ignore"):  # the frame's ratio in each year
        yearly = (raw * size).sum(axis=2) / size.sum(axis=2)  # (origins, methods)
    has = (size.sum(axis=2) > 0).astype(np.float64)
    p_mean, p_var, p_n = _mean_var(np.nan_to_num(yearly, nan=1.0), has, axis=0)
    keep = _keep(p_mean, p_var, p_n, np.ones_like(p_mean), BIAS_PRIOR)
    pooled = 1 + keep * (p_mean - 1)  # (methods,)
    ww = np.broadcast_to(w, raw.shape)
    mean, var, n = _mean_var(raw, ww, axis=0)  # (methods, lines)
    target = np.broadcast_to(pooled[:, None], mean.shape)
    line = target + _keep(mean, var, n, target, LINE_PRIOR) * (mean - target)
    return np.asarray(np.where(n > 0, line, target), dtype=np.float64)


def _weights(
    errors: FloatArray, valid: FloatArray, use: FloatArray, outturn: FloatArray
) -> FloatArray:
    """(methods, lines) inverse-MSE weights over the used origins, shrunk to case-based.
    Errors below 0.1 % of the line count as equal (no method is infinitely better)."""
    w = (valid * use[:, None])[:, None, :]
    n = w.sum(axis=0)  # (1, lines)
    mse = (errors**2 * w).sum(axis=0) / np.maximum(n, 1)
    size = (np.abs(outturn) * valid * use[:, None]).sum(axis=0) / np.maximum(n[0], 1)
    floor = (1e-3 * size + 1.0) ** 2
    inv = 1 / np.maximum(mse, floor[None, :])
    inverse = inv / inv.sum(axis=0, keepdims=True)
    prior = np.zeros_like(inverse)
    prior[CASE_BASED] = 1.0
    return np.asarray((n * inverse + WEIGHT_PRIOR * prior) / (n + WEIGHT_PRIOR), dtype=np.float64)


def _loo_method_errors(hist: History, valid: FloatArray) -> FloatArray:
    """(origins, methods, lines): each method, bias-corrected from the other years, − outturn."""
    out = np.zeros_like(hist.candidates)
    for j in range(hist.origins):
        others = np.ones(hist.origins)
        others[j] = 0.0
        ratio = _ratios(hist, valid, others)
        out[j] = hist.candidates[j] / ratio - hist.outturn[j][None, :]
    return out


def learn(hist: History) -> Calibration:
    """Ratios, weights and the guard, learned from the history."""
    n, n_lines = hist.origins, hist.outturn.shape[1]
    if n == 0:
        return identity(n_lines, hist.years)
    valid = _valid(hist)
    everyone = np.ones(n)
    ratio = _ratios(hist, valid, everyone)
    method_err = _loo_method_errors(hist, valid)
    weights = _weights(method_err, valid, everyone, hist.outturn)
    errors = np.zeros((n, n_lines))
    for j in range(n):
        others = everyone.copy()
        others[j] = 0.0
        w_j = _weights(method_err, valid, others, hist.outturn)
        errors[j] = (w_j * hist.candidates[j] / _ratios(hist, valid, others)).sum(axis=0)
        errors[j] -= hist.outturn[j]
    ratio, weights, errors = _validate(hist, valid, ratio, weights, errors)
    weights, switched, errors = _guard(hist, valid, weights, errors)
    ratio[:, switched > 0] = 1.0  # a simple method that took a line is used as it is
    return Calibration(hist.years, ratio, weights, switched, errors, valid)


def _validate(
    hist: History, valid: FloatArray, ratio: FloatArray, weights: FloatArray, errors: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Keep the correction and the combination of a line only where they beat the plain
    case-based estimate clearly (by ``VALIDATE_MARGIN``) in the earlier years, each year
    judged with what was learned from the others; elsewhere the case-based estimate stands."""
    plain = hist.candidates[:, CASE_BASED, :] - hist.outturn
    mine = (np.abs(errors) * valid).sum(axis=0)
    keep = (mine < VALIDATE_MARGIN * (np.abs(plain) * valid).sum(axis=0)) & (valid.sum(axis=0) >= 2)
    ratio, weights, errors = ratio.copy(), weights.copy(), errors.copy()
    ratio[:, ~keep] = 1.0
    weights[:, ~keep] = 0.0
    weights[CASE_BASED, ~keep] = 1.0
    errors[:, ~keep] = plain[:, ~keep]
    return ratio, weights, errors


def _guard(
    hist: History, valid: FloatArray, weights: FloatArray, errors: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Where a raw simple method erred less in every earlier year, and less than half as
    much in all, it takes the line (a margin, so that three years' luck does not decide)."""
    raw = np.abs(hist.candidates - hist.outturn[:, None, :])  # (origins, methods, lines)
    mine = np.abs(errors)
    switched = np.zeros(weights.shape[1])
    weights, errors = weights.copy(), errors.copy()
    for m in SIMPLE:
        better = ((raw[:, m, :] < mine) | (valid == 0)).all(axis=0) & (valid.sum(axis=0) >= 2)
        better &= raw[:, m, :].sum(axis=0) < GUARD_MARGIN * mine.sum(axis=0)
        if better.any():
            weights[:, better] = 0.0
            weights[m, better] = 1.0
            errors[:, better] = hist.candidates[:, m, better] - hist.outturn[:, better]
            mine = np.abs(errors)
            switched[better] = 1.0
    return weights, switched, errors


def identity(n_lines: int, years: list[int] | None = None) -> Calibration:
    """No calibration: the case-based estimate as it is, no history for the band."""
    weights = np.zeros((len(METHODS), n_lines))
    weights[CASE_BASED] = 1.0
    return Calibration(
        years or [],
        np.ones((len(METHODS), n_lines)),
        weights,
        np.zeros(n_lines),
        np.zeros((0, n_lines)),
        np.zeros((0, n_lines)),
    )
