"""The case-based year-end forecast (forventet regnskab) per activity line and for the frame.

``forecast(dataset, as_of)`` = booked to date + committed cost of active measures + expected
ends (duration model) + expected new measures + billing lag + state refunds, and for lines
without measures their profile of earlier years blended with the budget. The band comes
from simulation (simulate.py). docs/forecast.md explains the method.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np

from ramme.core.forecast import calibration as calibration_model
from ramme.core.forecast.band import Band, band, widen
from ramme.core.forecast.data import BoolArray, FloatArray, Ledger, Prepared, prepare, wsum
from ramme.core.forecast.known import Replay, daily_price_on, replayed
from ramme.core.forecast.lag import booked, year_ratio
from ramme.core.forecast.model import Config, Model, build
from ramme.core.forecast.results import (
    CalibrationSummary,
    Components,
    Forecast,
    LineForecast,
    MeasureTable,
    RegistrationDelays,
    kr,
)
from ramme.core.forecast.simple import Unregistered, cases_x_price
from ramme.core.forecast.simulate import simulate
from ramme.core.records import Dataset

PROFILE_TRUST = 4.0  # weight on booked/profile = share booked × this (capped at 1)


@dataclass(frozen=True)
class Lines:
    """Deterministic per-line figures (float kernels; one entry per activity line)."""

    actual_op: FloatArray
    actual_ref: FloatArray
    committed: FloatArray
    expected: FloatArray
    inflow: FloatArray
    inflow_count: FloatArray
    rho: FloatArray
    refund: FloatArray  # forecast of refund postings (negative)
    op: FloatArray  # forecast of operating postings
    measure_lines: BoolArray
    accrual: FloatArray  # the accrual method (calibration candidate): year cost × year ratio
    supplementary: FloatArray  # on 31 December: postings still to come dated that day

    @property
    def forecast(self) -> FloatArray:
        return self.op + self.refund


def budgets(dataset: Dataset, year: int, lines: list[str]) -> tuple[FloatArray, FloatArray]:
    """Corrected and adopted budget per line for ``year`` (0 when missing)."""
    figures = {b.activity: b for b in dataset.budgets if b.year == year}
    corrected = np.array([float(figures[a].corrected) if a in figures else 0.0 for a in lines])
    adopted = np.array([float(figures[a].adopted) if a in figures else 0.0 for a in lines])
    return corrected, adopted


def _by_line(model: Model, values: FloatArray) -> FloatArray:
    ok = model.measure_line >= 0
    return wsum(model.measure_line[ok], values[ok], len(model.prep.activities))


def _inflow_by_line(model: Model) -> tuple[FloatArray, FloatArray]:
    plan = model.inflow
    line = model.prep.type_activity[plan.types]
    per_measure = plan.daily_price[plan.types] * plan.expected_days + plan.once_price[plan.types]
    cost = plan.rate * per_measure
    ok = line >= 0
    n = len(model.prep.activities)
    return (
        wsum(line[ok], cost[ok], n),
        wsum(line[ok], plan.rate[ok], n),
    )


def refund_forecast(model: Model, actual_ref: FloatArray, expected_refund: float) -> FloatArray:
    """Refund postings at year end per line: the expected refund, never less than booked."""
    if model.year_known:
        return actual_ref
    target = -model.refunds.booked_ratio * expected_refund * model.refunds.line_share
    return np.minimum(actual_ref, target)


def profile_forecast(model: Model, actual_op: FloatArray, budget_op: FloatArray) -> FloatArray:
    """Lines without measures: booked / profile share, blended with the budget early on."""
    state = model.state
    elapsed = (state.t - state.year_first + 1) / (state.year_last - state.year_first + 1)
    share = np.where(np.isfinite(model.lag.share), model.lag.share, elapsed)
    share = np.clip(share, 0.0, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        run = np.where(share > 0.02, actual_op / share, budget_op)
    weight = np.clip(share * PROFILE_TRUST, 0.0, 1.0)
    blended = np.where(budget_op != 0, weight * run + (1 - weight) * budget_op, run)
    return np.asarray(blended, dtype=np.float64)


def lines(model: Model, corrected: FloatArray) -> Lines:
    state, prep = model.state, model.prep
    actual_op = booked(prep, state.year_first, state.t, refund=False)
    actual_ref = booked(prep, state.year_first, state.t, refund=True)
    committed = _by_line(model, model.committed)
    expected = _by_line(model, model.expected)
    inflow, inflow_count = _inflow_by_line(model)
    drift = model.lag.drift if model.config.drift and model.lag.drift is not None else 1.0
    rho = model.lag.rho * drift
    refund = refund_forecast(model, actual_ref, model.refunds.expected)
    case_based = actual_op + rho * (expected + inflow)
    profile = profile_forecast(model, actual_op, corrected - refund)
    rest = model.supplementary.rest
    op = np.where(model.measure_lines, case_based, profile) + rest
    accrued = _by_line(model, model.accrued)
    by_accrual = year_ratio(prep, state) * (accrued + expected + inflow)
    accrual = np.where(model.measure_lines, by_accrual, profile) + refund
    return Lines(
        actual_op,
        actual_ref,
        committed,
        expected,
        inflow,
        inflow_count,
        rho,
        refund,
        op,
        model.measure_lines,
        accrual,
        rest,
    )


def _components(det: Lines, i: int, centre: float) -> Components:
    measure = bool(det.measure_lines[i])
    remaining = det.expected[i] + det.inflow[i]
    return Components(
        committed=kr(det.committed[i]) if measure else Decimal(0),
        outflow=kr(det.expected[i] - det.committed[i]) if measure else Decimal(0),
        inflow=kr(det.inflow[i]) if measure else Decimal(0),
        inflow_count=Decimal(repr(round(float(det.inflow_count[i]), 1))),
        billing_lag=kr((det.rho[i] - 1) * remaining + det.supplementary[i])
        if measure
        else Decimal(0),
        refunds=kr(det.refund[i] - det.actual_ref[i]),
        other=Decimal(0) if measure else kr(det.op[i] - det.actual_op[i]),
        calibration=kr(centre - det.forecast[i]),
    )


def _line(
    name: str, step: str, figures: tuple[float, ...], comp: Components, method: str
) -> LineForecast:
    budget, adopted, actual, mean, p10, p50, p90 = (kr(v) for v in figures)
    return LineForecast(name, step, budget, adopted, actual, mean, p10, p50, p90, comp, method)


def _measure_table(model: Model) -> MeasureTable:
    prep, state = model.prep, model.state
    chosen = np.flatnonzero(state.known & (state.m_last >= state.year_first))
    price = daily_price_on(prep, state, state.t, state.as_of.year)
    acts = [prep.activities[i] if i >= 0 else "" for i in prep.type_activity]
    return MeasureTable(
        measure_ids=[prep.measure_ids[i] for i in chosen],
        types=[prep.type_codes[prep.m_type[i]] for i in chosen],
        activities=[acts[prep.m_type[i]] for i in chosen],
        start=prep.m_start[chosen],
        known_end=state.m_last[chosen],
        daily_price=np.where(state.active[chosen], price[chosen], 0.0),
        accrued=model.accrued[chosen],
        committed=model.committed[chosen],
        expected=model.expected[chosen],
        days_to_date=np.clip(
            np.minimum(state.m_last[chosen], state.t)
            - np.maximum(prep.m_start[chosen], state.year_first)
            + 1,
            0,
            None,
        ).astype(np.float64),
        expected_days=model.expected_days[chosen],
    )


def case_based_lines(prep: Prepared, as_of: date, config: Config | None = None) -> FloatArray:
    """The candidates that need the case-based model, per line on ``as_of`` (3, lines):
    its estimate before calibration, the accrual method, and full-year cases × price with
    the registrations the model finds missing (``calibration.candidates``)."""
    model = build(prep, as_of, config)
    corrected, _ = budgets(prep.master, as_of.year, prep.activities)
    return _model_candidates(model, lines(model, corrected))


def _model_candidates(model: Model, det: Lines) -> FloatArray:
    unregistered = Unregistered(model.pending.probability, model.inflow.waiting)
    cxp = cases_x_price(model.prep, model.state.as_of, unregistered, model.state)
    return np.vstack([det.forecast, det.accrual, cxp])


def calibrate(
    model: Model, det: Lines, config: Config | None
) -> tuple[calibration_model.Calibration, FloatArray]:
    """The calibration learned on the same day of earlier years, and today's result: each
    earlier day is seen with today's registration delays replayed (``known.replayed``),
    so the methods are compared there as they stand today."""
    prep, as_of = model.prep, model.state.as_of
    if as_of >= date(as_of.year, 12, 31):  # every posting dated in the year is known
        return calibration_model.identity(len(prep.activities)), det.forecast
    hist, now = calibration_inputs(model, det, config)
    cal = calibration_model.learn(hist)
    if not hist.origins:
        return cal, det.forecast
    return cal, cal.apply(now)


def calibration_inputs(
    model: Model, det: Lines, config: Config | None
) -> tuple[calibration_model.History, FloatArray]:
    """What the calibration learns from (the methods on the same day of earlier years) and
    what it is applied to (today's candidates, (methods, lines)); apart from ``calibrate``
    so that ``bench/calibration_offline.py`` can try other rules on them in seconds."""
    prep, as_of = model.prep, model.state.as_of
    delays = Replay(model.pending.lag, model.inflow.waiting.lag)
    hist = calibration_model.history(
        prep, as_of, lambda day: case_based_lines(replayed(prep, day, delays), day, config)
    )
    return hist, calibration_model.candidates(prep, as_of, _model_candidates(model, det))


def forecast(
    data: Dataset | Prepared,
    as_of: date,
    *,
    ledger: Ledger | None = None,
    simulations: int = 200,
    seed: int = 0,
    config: Config | None = None,
    calibrated: bool = True,
) -> Forecast:
    """The year-end forecast on ``as_of`` from what was known on ``as_of``: case by case,
    calibrated on the municipality's earlier years (``calibrated=False``: the case-based
    estimate alone, with the simulation's band)."""
    prep = data if isinstance(data, Prepared) else prepare(data, ledger)
    model = build(prep, as_of, config)
    corrected, adopted = budgets(prep.master, as_of.year, prep.activities)
    det = lines(model, corrected)
    sims = simulate(model, det, simulations, seed) if simulations else None
    if calibrated:
        cal, centre = calibrate(model, det, config)
    else:
        cal, centre = calibration_model.identity(len(prep.activities)), det.forecast
    actual = det.actual_op + det.actual_ref
    bands = _bands(model, det, cal, centre, sims) if calibrated or sims is None else None
    steps = {a.name: str(a.ladder_step) for a in prep.master.activities}
    out, total_comp = [], Components()
    for i, name in enumerate(prep.activities):
        line_band = _line_band(bands, i, centre[i], sims, det.forecast[i])
        comp = _components(det, i, centre[i])
        total_comp = total_comp + comp
        method = "indsatser" if det.measure_lines[i] else "profil"
        figures = (corrected[i], adopted[i], actual[i], centre[i], *line_band)
        out.append(_line(name, steps[name], figures, comp, method))
    totals = _totals(out, _frame_band(bands, centre, sims, det.forecast), centre)
    total = _line("I alt", "", totals, total_comp, "")
    return Forecast(
        as_of,
        as_of.year,
        tuple(out),
        total,
        _measure_table(model),
        _expectations(prep, det),
        simulations,
        _inflow_by_type(model),
        _summary(prep, cal, det, bands),
        tuple(model.limits.overruled(prep.type_codes)),
        _registration(model),
    )


def _totals(
    out: list[LineForecast], band: tuple[float, float, float], centre: FloatArray
) -> tuple[float, ...]:
    """The frame's budget, booked and forecast as the sums of the lines in whole kroner, so
    every table adds up and the action-plan rule names the figure the table shows (the sum
    of unrounded lines could differ by a few kroner); its band, the frame's own, moves by
    that rounding."""
    sums = [float(sum(getattr(line, f) for line in out)) for f in ("budget", "adopted", "actual")]
    forecast = float(sum(line.forecast for line in out))
    shift = forecast - float(centre.sum())
    lo, mid, hi = (v + shift for v in band)
    return (*sums, forecast, max(lo, min(sums[2], forecast)), mid, hi)


def _bands(
    model: Model,
    det: Lines,
    cal: calibration_model.Calibration,
    centre: FloatArray,
    sims: FloatArray | None,
) -> Band:
    """The calibrated band; without earlier years to calibrate on, widened by the doubt of
    the late-registration corrections (with them, the backtest replays today's delays, so
    its errors already hold how far such a correction can be off)."""
    actual = det.actual_op + det.actual_ref
    bands = band(cal, centre, sims, actual)
    if cal.errors.shape[0]:
        return bands
    return widen(bands, centre, det.rho * _registration_doubt(model), actual)


def _expectations(prep: Prepared, det: Lines) -> dict[str, dict[str, float]]:
    """Per activity line, the expected rates the forecast rests on (for the explanation)."""
    return {
        name: {
            "rho": float(det.rho[i]),
            "inflow_count": float(det.inflow_count[i]),
            "inflow": float(det.inflow[i]),
            "refund": float(det.refund[i]),
        }
        for i, name in enumerate(prep.activities)
    }


def _registration_doubt(model: Model) -> FloatArray:
    """Per line: one standard deviation of the cost the late-registration corrections took
    off (ends) and added (starts), before the billing lag (the band's width for it when no
    earlier year's errors show how far such a correction is off)."""
    waiting = model.inflow.waiting
    line = model.prep.type_activity[waiting.types]
    ok = line >= 0
    added = wsum(line[ok], model.inflow.waiting_cost()[ok], len(model.prep.activities))
    taken = _by_line(model, model.unregistered)
    return np.asarray(model.pending.doubt * taken + waiting.doubt * added, dtype=np.float64)


def _registration(model: Model) -> RegistrationDelays:
    """What the forecast assumed of ends and starts not yet registered."""
    ends, waiting = model.pending, model.inflow.waiting
    added = model.inflow.waiting_cost()
    lines = model.measure_line >= 0
    return RegistrationDelays(
        end_lag=ends.lag,
        ended_unregistered=float(ends.probability[lines].sum()),
        end_effect=float(model.unregistered[lines].sum()),
        start_lag=waiting.lag,
        started_unregistered=waiting.total,
        start_effect=float(added[model.prep.type_activity[waiting.types] >= 0].sum()),
    )


def _line_band(
    bands: Band | None, i: int, centre: float, sims: FloatArray | None, raw: float
) -> tuple[float, float, float]:
    if bands is None:
        return _band(raw, None if sims is None else sims[:, i])
    return float(bands.lines_lo[i]), centre, float(bands.lines_hi[i])


def _frame_band(
    bands: Band | None, centre: FloatArray, sims: FloatArray | None, raw: FloatArray
) -> tuple[float, float, float]:
    if bands is None:
        return _band(raw.sum(), None if sims is None else sims.sum(axis=1))
    return bands.frame_lo, float(centre.sum()), bands.frame_hi


def _summary(
    prep: Prepared, cal: calibration_model.Calibration, det: Lines, bands: Band | None
) -> CalibrationSummary:
    methods = calibration_model.METHODS
    names = prep.activities
    return CalibrationSummary(
        years=tuple(cal.years),
        methods=methods,
        weights={
            name: {m: round(float(cal.weights[k, i]), 4) for k, m in enumerate(methods)}
            for i, name in enumerate(names)
        },
        case_based_ratio={
            name: round(float(cal.ratio[calibration_model.CASE_BASED, i]), 4)
            for i, name in enumerate(names)
        },
        switched={name: bool(cal.switched[i]) for i, name in enumerate(names)},
        case_based={name: float(kr(det.forecast[i])) for i, name in enumerate(names)},
        band_scores=bands.scores if bands else 0,
    )


def _inflow_by_type(model: Model) -> dict[str, dict[str, float]]:
    plan, n = model.inflow, len(model.prep.type_codes)
    per_measure = plan.daily_price[plan.types] * plan.expected_days + plan.once_price[plan.types]
    count = wsum(plan.types, plan.rate, n)
    days = wsum(plan.types, plan.rate * plan.expected_days, n)
    cost = wsum(plan.types, plan.rate * per_measure, n)
    return {
        code: {"count": float(count[i]), "days": float(days[i]), "cost": float(cost[i])}
        for i, code in enumerate(model.prep.type_codes)
        if count[i] > 0
    }


def _band(mean: float, sims: FloatArray | None) -> tuple[float, float, float]:
    """P10, P50, P90 around the deterministic mean (the simulation gives the spread)."""
    if sims is None or len(sims) == 0:
        return mean, mean, mean
    shift = mean - float(sims.mean())
    p10, p50, p90 = np.percentile(sims, [10, 50, 90])
    return p10 + shift, p50 + shift, p90 + shift
