"""The band (P10-P90), calibrated on the forecast's own errors in earlier years.

The simulation (simulate.py) gives the shape: how uncertain each line is today relative to
the others, and how the lines move together. Its size is learned from the history: the
errors the calibrated forecast made on the same day of earlier years (leave-one-year-out,
calibration.py), each divided by today's simulated spread of its line, are pooled over the
lines; their 10th and 90th percentiles (split conformal, asymmetric, so a forecast that
erred one way keeps an honest band) scale today's spread. A prior of the simulation's own
normal quantiles, widened, weighs in as pseudo-observations, so a short history gives a
wider band, never a narrower one. The frame's band uses the frame's own errors (the sum of
the lines' errors in each year: their joint behaviour), with the pooled line errors as prior.
A band never lies below what is already booked, nor excludes the forecast itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from ramme.core.forecast.calibration import Calibration
from ramme.core.forecast.data import FloatArray

PRIOR_POINTS = 12  # pseudo-observations of the prior
# the prior assumes the simulation is too narrow by this much: the earlier years are judged
# on data complete for them, while today's files still miss late registrations and invoices
PRIOR_WIDEN = 2.0
FRAME_PRIOR = 4.0  # weight of the pooled line errors in the frame's quantiles
SD_FLOOR = 0.002  # the spread used to scale errors is at least this share of the forecast
Z90 = NormalDist().inv_cdf(0.9)


@dataclass(frozen=True)
class Band:
    lines_lo: FloatArray
    lines_hi: FloatArray
    frame_lo: float
    frame_hi: float
    scores: int  # how many earlier (line, year) errors calibrated it


def _prior() -> tuple[FloatArray, FloatArray]:
    """Evenly spaced quantiles of a widened standard normal, one weight each."""
    grid = (np.arange(PRIOR_POINTS) + 0.5) / PRIOR_POINTS
    z = np.array([NormalDist().inv_cdf(float(p)) for p in grid]) * PRIOR_WIDEN
    return z, np.ones(PRIOR_POINTS)


def weighted_quantile(values: FloatArray, weights: FloatArray, q: float) -> float:
    """The ``q`` quantile of ``values`` with ``weights`` (conservative: no interpolation
    below the 50th percentile from above, nor above it from below)."""
    order = np.argsort(values)
    v, w = values[order], weights[order]
    cum = np.cumsum(w) / w.sum()
    idx = np.searchsorted(cum, q, side="left") if q >= 0.5 else np.searchsorted(cum, q) - 1
    return float(v[int(np.clip(idx, 0, len(v) - 1))])


def _sd(sims: FloatArray | None, centre: FloatArray) -> FloatArray:
    sd = np.zeros_like(centre) if sims is None or len(sims) < 2 else sims.std(axis=0)
    return np.asarray(np.maximum(sd, SD_FLOOR * np.abs(centre) + 1.0), dtype=np.float64)


def band(
    cal: Calibration,
    centre: FloatArray,
    sims: FloatArray | None,
    actual: FloatArray,
) -> Band:
    """P10 and P90 per line and for the frame around the calibrated ``centre``."""
    sd = _sd(sims, centre)
    frame_sims = None if sims is None else sims.sum(axis=1, keepdims=True)
    sd_frame = float(_sd(frame_sims, np.array([centre.sum()]))[0])
    prior_z, prior_w = _prior()
    ok = cal.valid > 0
    z = (cal.errors / sd[None, :])[ok] if ok.size else np.zeros(0)
    values = np.concatenate([z, prior_z])
    weights = np.concatenate([np.ones(len(z)), prior_w])
    q_lo, q_hi = (weighted_quantile(values, weights, q) for q in (0.1, 0.9))
    lo = centre + sd * min(q_lo, 0.0)
    hi = centre + sd * max(q_hi, 0.0)
    frame_err = (cal.errors * ok).sum(axis=1) / sd_frame if ok.size else np.zeros(0)
    f_values = np.concatenate([frame_err, values])
    f_weights = np.concatenate([np.ones(len(frame_err)), FRAME_PRIOR * weights / weights.sum()])
    f_lo, f_hi = (weighted_quantile(f_values, f_weights, q) for q in (0.1, 0.9))
    total = float(centre.sum())
    frame_lo = total + sd_frame * min(f_lo, 0.0)
    frame_hi = total + sd_frame * max(f_hi, 0.0)
    booked = float(actual.sum())
    lo = np.maximum(lo, np.minimum(actual, centre))
    frame_lo = max(frame_lo, min(booked, total))
    return Band(lo, hi, frame_lo, frame_hi, int(ok.sum()))


def widen(b: Band, centre: FloatArray, doubt: FloatArray, actual: FloatArray) -> Band:
    """The band with a further uncertainty of ``doubt`` (kr., one standard deviation per
    line) added in quadrature; the frame takes the lines' doubts added up (one delay is
    common to them all, so they do not cancel). Still never below what is booked."""
    extra = Z90 * np.abs(doubt)
    total, frame_extra = float(centre.sum()), Z90 * float(np.abs(doubt).sum())

    def out(half: FloatArray | float, more: FloatArray | float) -> FloatArray:
        return np.asarray(np.sqrt(np.square(half) + np.square(more)), dtype=np.float64)

    lo = centre - out(centre - b.lines_lo, extra)
    hi = centre + out(b.lines_hi - centre, extra)
    frame_lo = total - float(out(total - b.frame_lo, frame_extra))
    frame_hi = total + float(out(b.frame_hi - total, frame_extra))
    lo = np.maximum(lo, np.minimum(actual, centre))
    frame_lo = max(frame_lo, min(float(actual.sum()), total))
    return Band(lo, hi, frame_lo, frame_hi, b.scores)
