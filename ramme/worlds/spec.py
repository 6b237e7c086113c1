"""What a synthetic municipality (world) is made of: frozen specs, no behaviour.

A world is written from the domain (../shared/domain.md), not from ``ramme/demo``: its
duration shapes, billing habits, aftercare registration and budgeting are chosen per world
so that a forecast fitted to one set of assumptions meets others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

# The populations the sizes refer to: counts are given per 50,000 inhabitants (about
# Ballerup) and scaled by ``WorldSpec.inhabitants`` and ``WorldSpec.scale``.
PER_INHABITANTS = 50_000


@dataclass(frozen=True)
class Duration:
    """A duration distribution in days.

    kinds: ``exponential`` (a=mean), ``weibull`` (a=shape, b=scale), ``lognormal``
    (a=median, b=sigma), ``pareto`` (a=alpha, b=minimum), ``gamma`` (a=shape, b=scale),
    ``fixed`` (a=days, b=jitter in days), ``mixture`` (parts: weight, duration).
    """

    kind: str
    a: float = 0.0
    b: float = 0.0
    parts: tuple[tuple[float, Duration], ...] = ()


@dataclass(frozen=True)
class TypeSpec:
    """A measure type (indsatstype) of the catalogue and how its measures behave."""

    code: str
    name: str
    ladder_step: str
    activity: str
    account: str
    stock: float  # active measures on the first day of history, per 50,000 inhabitants
    duration: Duration
    unit: str  # price unit: day, week, month, year, hour, once
    price: float  # typical amount in the first history year's price level
    price_spread: float = 0.15  # log-normal sigma between measures
    hours: tuple[float, float] = (0.0, 0.0)  # hours per week (hour prices)
    ages: tuple[int, int] = (0, 17)  # age at start, inclusive
    growth: float = 0.0  # yearly relative change of the intake
    intake: str = "even"  # "even" or "august" (school year)
    billing: str = ""  # overrides the world's billing convention
    past_18: str = ""  # overrides the world's: "aftercare", "runs_on", "stops"
    aftercare: float = 0.0  # share continuing as aftercare (efterværn) at 18
    supplements: float = 0.0  # share of measures with a time-limited supplement
    renegotiation: float = 0.0  # yearly chance of a mid-year price change per measure
    price_shift: tuple[int, float] = (0, 1.0)  # (year, factor): new price level from 1 April
    provider_kind: str = "ekstern"
    providers: int = 3
    legal: str = "placement"  # legal family: placement, preventive, other


@dataclass(frozen=True)
class OtherLine:
    """A budget line without measures (e.g. PPR, administration): monthly postings."""

    activity: str
    ladder_step: str
    account: str
    cost_center: str
    yearly: float  # per 50,000 inhabitants, first history year
    growth: float = 0.0
    noise: float = 0.08
    december: float = 1.0  # weight of December (year-end catch-up spending)


@dataclass(frozen=True)
class FileStyle:
    """Conventions of the exported files, all within the data contract."""

    delimiter: str = ","
    danish_numbers: bool = False  # 1.234,50 instead of 1234.50
    trailing_minus: bool = False  # 1.234,50- for negative amounts
    dates: str = "iso"  # iso, dot (31.03.2024), dash (31-03-2024), slash (31/03/2024)
    cpr: bool = False  # children referenced by CPR number instead of child_id
    encoding: str = "utf-8"  # utf-8, utf-8-sig or cp1252
    legal: str = "long"  # spelling family of legal bases (ramme.worlds.legal)
    planned_end: bool = True  # whether measures.csv carries planned_end_date


@dataclass(frozen=True)
class WorldSpec:
    """One synthetic municipality over a few years of history."""

    name: str
    title: str
    seed: int
    inhabitants: int
    types: tuple[TypeSpec, ...]
    years: tuple[int, int] = (2021, 2025)
    other_lines: tuple[OtherLine, ...] = ()
    billing: str = "arrears"  # default billing convention (ramme.worlds.billing)
    internal_billing: str = "in_month"  # own units' settlement ("": as ``billing``)
    past_18: str = "aftercare"
    aftercare_duration: Duration = Duration("weibull", 1.3, 700.0)
    refunds: str = "quarterly"  # quarterly, lump, supplementary, none
    refund_line: str = ""  # a line of its own for dranst 2, else the placement lines
    supplementary_until: tuple[int, int] = (2, 15)  # (month, day) of the closing in year+1
    registration_lag: float = 0.0  # mean days from start to registration of a measure
    end_registration_lag: float = 0.0  # mean days from end to registration of the end
    price_registration_lag: float = 0.0
    index: tuple[float, ...] = (1.5, 2.6, 4.6, 3.4, 2.4, 2.2)  # % per year from years[0]
    budget_error: float = 0.04  # sigma of the planning error of the adopted budget
    budget_growth: float = 0.02  # growth the budget assumes
    corrections: tuple[tuple[int, int, float], ...] = ((5, 1, 0.25), (9, 15, 0.5))
    credit_notes: float = 0.0  # share of invoices later corrected by a credit note
    double_bills: float = 0.0  # share of invoices billed twice and reversed
    unlinked: float = 0.0  # share of postings without measure_id (mapped by account)
    style: FileStyle = field(default_factory=FileStyle)
    held_out: bool = False
    scale: float = 1.0

    @property
    def first_year(self) -> int:
        return self.years[0]

    @property
    def last_year(self) -> int:
        return self.years[1]

    @property
    def window_start(self) -> date:
        """The first day of the ledger history."""
        return date(self.first_year, 1, 1)

    @property
    def horizon(self) -> date:
        """The last day of service simulated (a year past the history, for advance bills)."""
        return date(self.last_year + 1, 12, 31)

    @property
    def final_day(self) -> date:
        """The day of the final export: "as finally known" for the last history year."""
        return date(self.last_year + 1, 4, 30)

    @property
    def size(self) -> float:
        """Count multiplier against the per-50,000 figures."""
        return self.inhabitants / PER_INHABITANTS * self.scale

    def rate(self, year: int) -> float:
        """The price regulation (percent) on 1 January of ``year``."""
        i = min(max(year - self.first_year, 0), len(self.index) - 1)
        return self.index[i]

    def scaled(self, scale: float) -> WorldSpec:
        return replace(self, scale=scale)
