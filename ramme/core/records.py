"""Small typed records the core computes on, loaded from the database or built in tests.

They mirror the data contract (docs: ../shared/data-contract.md) without any framework.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ramme.core.ladder import LadderStep


class PriceUnit(StrEnum):
    """The unit a price (takst) is quoted in."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    HOUR = "hour"
    ONCE = "once"


class PriceKind(StrEnum):
    """Base price (basispris) or supplement (tillæg)."""

    BASE = "base"
    SUPPLEMENT = "supplement"


class ProviderKind(StrEnum):
    """Internal (the municipality's own unit) or external (bought) provider (leverandør)."""

    INTERNAL = "intern"
    EXTERNAL = "ekstern"


@dataclass(frozen=True, slots=True)
class MeasureType:
    """A type in the municipality's catalogue (indsatskatalog)."""

    code: str
    name: str
    ladder_step: LadderStep
    activity: str
    account: str = ""
    duration_limit_days: int | None = None


@dataclass(frozen=True, slots=True)
class PricePeriod:
    """A price of a measure over a period; ``valid_to`` is the inclusive last day."""

    valid_from: date
    valid_to: date | None
    kind: PriceKind
    amount: Decimal
    unit: PriceUnit
    hours_per_week: Decimal | None = None
    negotiated: bool | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Measure:
    """A granted measure (indsats, foranstaltning) for one child."""

    measure_id: str
    child_key: str
    measure_type: str
    start_date: date
    end_date: date | None = None
    planned_end_date: date | None = None
    provider_id: str | None = None
    provider_kind: ProviderKind | None = None
    prices: tuple[PricePeriod, ...] = ()
    approved_at: date | None = None
    legal_basis: str = ""

    def is_active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True, slots=True)
class Child:
    """A child (barn), known by pseudonym or opaque key, never by CPR."""

    key: str
    birth_date: date | None = None
    caseworker: str = ""
    team: str = ""
    household: str = ""


@dataclass(frozen=True, slots=True)
class Posting:
    """A ledger posting (postering), mapped to its activity line."""

    posting_id: str
    date: date
    amount: Decimal
    activity: str | None
    account: str = ""
    dranst: int = 1
    measure_id: str | None = None
    child_key: str | None = None
    cost_center: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class ActivityLine:
    """A budget activity line (aktivitet) within the frame."""

    name: str
    ladder_step: LadderStep
    position: int = 0


@dataclass(frozen=True, slots=True)
class BudgetFigure:
    """Adopted (vedtaget) or corrected (korrigeret) budget of a line for a year."""

    year: int
    activity: str
    adopted: Decimal
    corrected: Decimal
    corrected_at: date | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A non-money activity count: notification (underretning), investigation, ..."""

    event_id: str
    date: date
    kind: str
    child_key: str | None = None
    end_date: datetime.date | None = None  # when an investigation was finished (contract v2)


@dataclass(frozen=True)
class Dataset:
    """Everything the core needs about one municipality, as known at load time."""

    activities: tuple[ActivityLine, ...] = ()
    measure_types: dict[str, MeasureType] = field(default_factory=dict)
    children: dict[str, Child] = field(default_factory=dict)
    measures: tuple[Measure, ...] = ()
    postings: tuple[Posting, ...] = ()
    budgets: tuple[BudgetFigure, ...] = ()
    events: tuple[Event, ...] = ()
    price_index: dict[int, Decimal] = field(default_factory=dict)
    # the municipality's own legal-basis codes for aftercare, beside the laws' paragraphs
    aftercare_bases: frozenset[str] = frozenset()
