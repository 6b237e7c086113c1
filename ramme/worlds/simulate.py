"""The true course of a world's measures: intake, durations, age limits, aftercare, prices.

Everything here is what really happened; what was *known* on a day (registration lags)
is carried as dates on the records and applied by ``ramme.worlds.snapshot``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ramme.worlds.durations import mean_days, sample
from ramme.worlds.legal import basis
from ramme.worlds.people import Children, SimChild, birthday
from ramme.worlds.prices import SimPrice, price_periods
from ramme.worlds.spec import TypeSpec, WorldSpec

BURN_IN_YEARS = 10  # intake simulated from this long before the history, for the stock
DAY = timedelta(days=1)


@dataclass(frozen=True)
class SimMeasure:
    """A measure as it really ran; ``end`` None means still running at the horizon."""

    measure_id: str
    child: SimChild
    type: TypeSpec
    provider_id: str
    start: date
    end: date | None
    planned_end: date | None
    legal_basis: str
    aftercare: bool
    registered: date
    end_registered: date | None
    prices: tuple[SimPrice, ...]
    follows: str = ""  # the measure an aftercare decision continues


def _lag(rng: np.random.Generator, mean: float) -> timedelta:
    return timedelta(days=int(rng.exponential(mean)) if mean > 0 else 0)


def _intake_dates(spec: WorldSpec, t: TypeSpec, rng: np.random.Generator) -> list[date]:
    """Start days: Poisson per month, the rate growing by ``t.growth`` a year."""
    per_day = t.stock * spec.size / mean_days(t.duration)
    starts: list[date] = []
    for year in range(spec.first_year - BURN_IN_YEARS, spec.horizon.year + 1):
        yearly = per_day * 365 * (1 + t.growth) ** (year - spec.first_year)
        if t.intake == "august":
            days = rng.integers(4, 16, rng.poisson(yearly))
            starts += [date(year, 8, 1) + timedelta(days=int(d)) for d in days]
            continue
        for month in range(1, 13):
            first = date(year, month, 1)
            length = (date(year + month // 12, month % 12 + 1, 1) - first).days
            days = rng.integers(0, length, rng.poisson(yearly / 12))
            starts += [first + timedelta(days=int(d)) for d in days]
    return sorted(starts)


def _past_18(spec: WorldSpec, t: TypeSpec) -> str:
    if t.aftercare <= 0 and not t.past_18:
        return "stops"
    return t.past_18 or spec.past_18


class _Builder:
    """Builds the measures of one world, one type at a time."""

    def __init__(self, spec: WorldSpec) -> None:
        self.spec = spec
        self.rng = np.random.default_rng(spec.seed)
        self.children = Children(self.rng, spec.name[:2].upper())
        self.measures: list[SimMeasure] = []

    def run(self) -> list[SimMeasure]:
        for t in self.spec.types:
            self._type(t)
        return sorted(self.measures, key=lambda m: (m.start, m.measure_id))

    def _type(self, t: TypeSpec) -> None:
        rng, spec = self.rng, self.spec
        starts = _intake_dates(spec, t, rng)
        durations = sample(t.duration, rng, len(starts))
        for start, days in zip(starts, durations, strict=True):
            age = int(rng.integers(t.ages[0], t.ages[1] + 1))
            child = self.children.new(start, age)
            end, continues = self._age_cut(t, child, start, start + timedelta(days=int(days) - 1))
            before = self._add(t, child, start, end, t.legal, "")
            if continues:
                self._aftercare(t, child, before)

    def _age_cut(self, t: TypeSpec, child: SimChild, start: date, end: date) -> tuple[date, bool]:
        """The end the age rules allow, and whether an aftercare decision continues it."""
        b18, b23 = birthday(child.birth_date, 18), birthday(child.birth_date, 23)
        rule = _past_18(self.spec, t)
        if end < b18 or start >= b18 or rule == "runs_on":
            return min(end, b23 - DAY), False
        return b18 - DAY, rule == "aftercare" and bool(self.rng.random() < t.aftercare)

    def _add(
        self, t: TypeSpec, child: SimChild, start: date, end: date, kind: str, follows: str
    ) -> str:
        """Record the measure if it touches the simulated window; its id or ""."""
        rng, spec = self.rng, self.spec
        if end < spec.window_start or start > spec.horizon:
            return ""
        horizon_end = end if end <= spec.horizon else None
        registered = start + _lag(rng, spec.registration_lag)
        end_registered = horizon_end + _lag(rng, spec.end_registration_lag) if horizon_end else None
        mid = f"{spec.name[:2].upper()}{len(self.measures) + 1:06d}"
        planned = self._planned(start, end)
        provider = f"{t.code}-{int(rng.integers(1, t.providers + 1))}"
        legal = basis(spec.style.legal, kind, start)
        prices = price_periods(spec, t, rng, start, horizon_end, registered, end_registered)
        self.measures.append(
            SimMeasure(
                mid,
                child,
                t,
                provider,
                start,
                horizon_end,
                planned,
                legal,
                kind.startswith("aftercare"),
                registered,
                end_registered,
                tuple(prices),
                follows,
            )
        )
        return mid

    def _aftercare(self, t: TypeSpec, child: SimChild, before: str) -> None:
        """A new decision from the 18th birthday, same type, to at most the 23rd birthday."""
        b18 = birthday(child.birth_date, 18)
        days = int(sample(self.spec.aftercare_duration, self.rng, 1)[0])
        end = min(b18 + timedelta(days=days - 1), birthday(child.birth_date, 23) - DAY)
        kind = "aftercare_placed" if t.legal == "placement" else "aftercare_contact"
        self._add(t, child, b18, end, kind, before)

    def _planned(self, start: date, end: date) -> date | None:
        if not self.spec.style.planned_end:
            return None
        # the caseworker's expectation: the true end blurred by a log-normal error
        days = (end - start).days + 1
        guess = int(days * float(np.exp(self.rng.normal(0.0, 0.35))))
        return start + timedelta(days=max(guess, 1) - 1)


def simulate(spec: WorldSpec) -> tuple[list[SimMeasure], list[SimChild]]:
    """All measures that touch the history window, and their children."""
    builder = _Builder(spec)
    measures = builder.run()
    used = {m.child.child_id for m in measures}
    return measures, [c for c in builder.children.all if c.child_id in used]
