"""Result records of the forecast: per line, the frame total, and per-measure detail.

Amounts are Decimal in whole kroner (rounded at this boundary); the per-measure table keeps
numpy arrays so a national forecast does not build 100,000 objects nobody looks at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np

from ramme.core.forecast.data import INF, FloatArray, IntArray

KR = Decimal(1)


def kr(value: float) -> Decimal:
    """A float from a kernel as whole kroner."""
    return Decimal(repr(round(float(value)))).quantize(KR)


@dataclass(frozen=True)
class Components:
    """What the forecast is made of (kr.): actual + the rest = forecast.

    committed (disponeret): cost of active measures to their planned end, age limit or year
    end; outflow (afgang): the expected earlier ends from the duration model (negative);
    inflow (tilgang): expected new measures; billing_lag: invoices still to come (or paid in
    advance) for services; refunds: state refund still to be booked (negative);
    other: lines without measures (profile of earlier years and budget).
    """

    committed: Decimal = Decimal(0)
    outflow: Decimal = Decimal(0)
    inflow: Decimal = Decimal(0)
    inflow_count: Decimal = Decimal(0)
    billing_lag: Decimal = Decimal(0)
    refunds: Decimal = Decimal(0)
    other: Decimal = Decimal(0)
    calibration: Decimal = Decimal(0)

    def __add__(self, other: Components) -> Components:
        return Components(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))


def _values(c: Components) -> tuple[Decimal, ...]:
    return (
        c.committed, c.outflow, c.inflow, c.inflow_count, c.billing_lag, c.refunds, c.other,
        c.calibration,
    )  # fmt: skip


@dataclass(frozen=True)
class LineForecast:
    """One activity line: corrected budget, booked to date, expected year end and band."""

    activity: str
    ladder_step: str
    budget: Decimal  # corrected (korrigeret) budget
    adopted: Decimal  # adopted (vedtaget) budget
    actual: Decimal  # booked (bogført) to the as-of date
    forecast: Decimal  # expected year-end total (mean)
    p10: Decimal
    p50: Decimal
    p90: Decimal
    components: Components = field(default_factory=Components)
    method: str = "indsatser"  # "indsatser" (case based) or "profil" (no measures)

    @property
    def variance(self) -> Decimal:
        """Expected overspend (merforbrug, +) or underspend (-) against the corrected budget."""
        return self.forecast - self.budget


@dataclass(frozen=True)
class MeasureTable:
    """Per measure of the year: accrued to date, committed and expected cost to year end."""

    measure_ids: list[str]
    types: list[str]
    activities: list[str]
    start: IntArray
    known_end: IntArray  # INF when still active on the as-of date
    daily_price: FloatArray  # price per day on the as-of date (0 when ended)
    accrued: FloatArray  # cost from 1 January to the as-of date
    committed: FloatArray  # cost after the as-of date to planned end / age limit / year end
    expected: FloatArray  # the same weighted by the duration model
    days_to_date: FloatArray  # active days from 1 January to the as-of date
    expected_days: FloatArray  # expected active days after the as-of date in the year

    def __len__(self) -> int:
        return len(self.measure_ids)

    @property
    def active(self) -> np.ndarray[Any, np.dtype[np.bool_]]:
        return np.asarray(self.known_end >= INF)

    def rows(self) -> Iterator[dict[str, Any]]:
        """Each measure as a dict of Danish-formattable values (drill-down, exports)."""
        for i, mid in enumerate(self.measure_ids):
            end = int(self.known_end[i])
            yield {
                "measure_id": mid,
                "measure_type": self.types[i],
                "activity": self.activities[i],
                "start_date": date.fromordinal(int(self.start[i])),
                "end_date": None if end >= INF else date.fromordinal(end),
                "daily_price": kr(self.daily_price[i]),
                "accrued": kr(self.accrued[i]),
                "committed": kr(self.committed[i]),
                "expected": kr(self.expected[i]),
                "year_cost": kr(self.accrued[i] + self.expected[i]),
            }


@dataclass(frozen=True)
class RegistrationDelays:
    """Ends and starts the case system has not registered yet, as learned from the shortfall
    of recent ones (pending.py, pending_starts.py); zero lags when the data show none."""

    end_lag: float  # mean delay of end registrations, days
    ended_unregistered: float  # measures that look active but have probably ended
    end_effect: float  # kr. taken off the expected cost for them
    start_lag: float  # mean delay of registrations of new measures, days
    started_unregistered: float  # measures probably begun but not yet registered
    start_effect: float  # kr. added for them

    @property
    def any(self) -> bool:
        return self.end_lag > 0 or self.start_lag > 0

    def to_dict(self) -> dict[str, float]:
        return {name: round(float(getattr(self, name)), 1) for name in REGISTRATION_FIELDS}


REGISTRATION_FIELDS = (
    "end_lag", "ended_unregistered", "end_effect", "start_lag", "started_unregistered",
    "start_effect",
)  # fmt: skip


@dataclass(frozen=True)
class CalibrationSummary:
    """How the forecast was calibrated on earlier years (for the line page and the JSON)."""

    years: tuple[int, ...]
    methods: tuple[str, ...]
    weights: dict[str, dict[str, float]]  # line -> method -> weight
    case_based_ratio: dict[str, float]  # line -> learned case-based estimate / outturn
    switched: dict[str, bool]  # line -> a simple method took the line's place
    case_based: dict[str, float]  # line -> the case-based estimate before calibration
    band_scores: int  # earlier (line, year) errors the band was calibrated on

    def to_dict(self) -> dict[str, Any]:
        return {
            "years": list(self.years),
            "band_scores": self.band_scores,
            "lines": {
                name: {
                    "case_based": self.case_based[name],
                    "case_based_ratio": self.case_based_ratio[name],
                    "weights": self.weights[name],
                    "switched": self.switched[name],
                }
                for name in self.weights
            },
        }


@dataclass(frozen=True)
class Forecast:
    """The year-end forecast on one as-of date, per line and for the frame (ramme)."""

    as_of: date
    year: int
    lines: tuple[LineForecast, ...]
    total: LineForecast
    measures: MeasureTable
    expectations: dict[str, dict[str, float]]  # per line: rho, inflow count, inflow cost
    simulations: int = 0
    inflow_by_type: dict[str, dict[str, float]] = field(default_factory=dict)  # count/days/cost
    calibration: CalibrationSummary | None = None
    age_limits_overruled: tuple[tuple[str, int, int], ...] = ()  # (type, went on, stopped)
    registration: RegistrationDelays | None = None

    def line(self, activity: str) -> LineForecast:
        return next(line for line in self.lines if line.activity == activity)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``ramme forecast --json`` (amounts in kroner as numbers)."""

        def figures(line: LineForecast) -> dict[str, Any]:
            comp = {
                k: float(v) for k, v in zip(COMPONENT_NAMES, _values(line.components), strict=True)
            }
            return {
                "budget": float(line.budget),
                "adopted": float(line.adopted),
                "actual": float(line.actual),
                "forecast": float(line.forecast),
                "p10": float(line.p10),
                "p50": float(line.p50),
                "p90": float(line.p90),
                "variance": float(line.variance),
                "components": comp,
            }

        return {
            "as_of": self.as_of.isoformat(),
            "year": self.year,
            "lines": [
                {"activity": ln.activity, "ladder_step": ln.ladder_step, "method": ln.method}
                | figures(ln)
                for ln in self.lines
            ],
            "total": figures(self.total),
            "calibration": self.calibration.to_dict() if self.calibration else None,
            "age_limits_overruled": [
                {"measure_type": code, "went_on": on, "stopped": stop}
                for code, on, stop in self.age_limits_overruled
            ],
            "registration": self.registration.to_dict() if self.registration else None,
        }


COMPONENT_NAMES = (
    "committed", "outflow", "inflow", "inflow_count", "billing_lag", "refunds", "other",
    "calibration",
)  # fmt: skip
