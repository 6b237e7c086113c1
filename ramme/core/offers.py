"""Internal offers (interne tilbud) month by month: places, occupancy, waiting list, caseload
and the cost per occupied place against the external price of the same kind of measure.

Every internal provider is an offer. Places and staff come from ``staff.csv`` periods,
occupancy from the measures the unit delivers (average occupied places: active days over
the days of the month), the waiting list from ``waiting.csv`` (children on it on the last
day of the month), the cost from the postings booked with the unit as provider.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.core.periods import DateRange, Month
from ramme.core.pricing import measure_cost
from ramme.core.records import Child, Measure, MeasureType, ProviderKind
from ramme.core.volume import active_days


@dataclass(frozen=True, slots=True)
class StaffPeriod:
    """Places and staff (contact persons, caseworkers) of an offer; ``valid_to`` inclusive."""

    provider_id: str
    valid_from: date
    valid_to: date | None
    places: int | None = None
    staff: Decimal | None = None

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class WaitingSpell:
    """A child on an offer's waiting list from ``since`` until ``until`` (None: still)."""

    child_key: str
    offer: str
    since: date
    until: date | None = None

    def waiting_on(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class Offer:
    provider_id: str
    name: str


@dataclass(frozen=True, slots=True)
class OfferMonth:
    """One offer in one month. ``children`` is the number of children behind occupancy."""

    month: Month
    places: int | None
    occupied: Decimal  # average occupied places (belagte pladser)
    children: int  # different children served in the month
    waiting: int  # children on the waiting list on the last day
    staff: Decimal | None
    cost: Decimal | None  # postings booked with the unit as provider
    external_price: Decimal | None  # cost per occupied place-month at external providers
    external_children: int = 0
    children_at_end: int = 0

    @property
    def occupancy(self) -> Decimal | None:
        """Occupied places as a share of the places (belægningsprocent)."""
        return self.occupied / self.places if self.places else None

    @property
    def caseload(self) -> Decimal | None:
        """Children at the month end per contact person or caseworker (sagsbyrde)."""
        return Decimal(self.children_at_end) / self.staff if self.staff else None

    @property
    def cost_per_place(self) -> Decimal | None:
        if self.cost is None or not self.occupied:
            return None
        return self.cost / self.occupied


@dataclass(frozen=True)
class OfferSeries:
    offer: Offer
    types: tuple[str, ...]  # the measure types the unit delivers
    compared_with: tuple[str, ...]  # the external types its price is compared with
    months: tuple[OfferMonth, ...]
    has_staff: bool
    has_waiting: bool


@dataclass(frozen=True)
class OfferData:
    offers: Sequence[Offer]
    measures: Sequence[Measure]
    measure_types: Mapping[str, MeasureType]
    price_index: Mapping[int, Decimal]
    staff: Sequence[StaffPeriod] = ()
    waiting: Sequence[WaitingSpell] = ()
    costs: Mapping[tuple[str, Month], Decimal] | None = None  # (provider, month) → kroner


def _first_word(name: str) -> str:
    return name.replace(",", " ").split()[0].casefold() if name.strip() else ""


def comparable_types(own: Iterable[str], data: OfferData) -> tuple[str, ...]:
    """External types to price an offer against: its own types where bought outside,
    otherwise the catalogue's types whose name starts with the same word
    (``Kontaktperson, DUT`` against ``Kontaktperson``)."""
    own = set(own)
    bought = {m.measure_type for m in data.measures if m.provider_kind is ProviderKind.EXTERNAL}
    same = own & bought
    if same:
        return tuple(sorted(same))
    words = {_first_word(data.measure_types[c].name) for c in own if c in data.measure_types}
    return tuple(
        sorted(
            code
            for code in bought - own
            if code in data.measure_types and _first_word(data.measure_types[code].name) in words
        )
    )


def _in_month(measures: Iterable[Measure], month: Month) -> list[Measure]:
    """The measures active on some day of ``month`` (cheap comparisons first)."""
    first, last = month.first_day, month.last_day
    return [m for m in measures if m.start_date <= last and (m.end_date or last) >= first]


def _place_months(measures: Iterable[Measure], month: Month) -> tuple[Decimal, set[str]]:
    period = DateRange.inclusive(month.first_day, month.last_day)
    days, children = 0, set()
    for m in _in_month(measures, month):
        active = active_days(m, period)
        if active:
            days += active
            children.add(m.child_key)
    return Decimal(days) / month.days, children


def _external_price(
    measures: Sequence[Measure], month: Month, index: Mapping[int, Decimal]
) -> tuple[Decimal | None, int]:
    period = DateRange.inclusive(month.first_day, month.last_day)
    active = _in_month(measures, month)
    occupied, children = _place_months(active, month)
    if not occupied:
        return None, 0
    cost = sum((measure_cost(m, period, index) for m in active), Decimal(0))
    return cost / occupied, len(children)


def _staff_on(periods: Sequence[StaffPeriod], day: date) -> StaffPeriod | None:
    return next((p for p in reversed(periods) if p.covers(day)), None)


def offer_series(data: OfferData, months: Sequence[Month]) -> tuple[OfferSeries, ...]:
    """Every internal offer, month by month."""
    by_provider: dict[str, list[Measure]] = defaultdict(list)
    for m in data.measures:
        if m.provider_id:
            by_provider[m.provider_id].append(m)
    staff: dict[str, list[StaffPeriod]] = defaultdict(list)
    for period in sorted(data.staff, key=lambda p: p.valid_from):
        staff[period.provider_id].append(period)
    waiting: dict[str, list[WaitingSpell]] = defaultdict(list)
    for spell in data.waiting:
        waiting[spell.offer].append(spell)
    return tuple(
        _series(offer, by_provider[offer.provider_id], staff[offer.provider_id],
                waiting[offer.provider_id], data, months)
        for offer in data.offers
    )  # fmt: skip


def _series(
    offer: Offer,
    mine: list[Measure],
    periods: list[StaffPeriod],
    spells: list[WaitingSpell],
    data: OfferData,
    months: Sequence[Month],
) -> OfferSeries:
    types = tuple(sorted({m.measure_type for m in mine}))
    compared = comparable_types(types, data)
    external = [
        m
        for m in data.measures
        if m.measure_type in compared and m.provider_kind is ProviderKind.EXTERNAL
    ]
    rows = []
    for month in months:
        end = month.last_day
        occupied, children = _place_months(mine, month)
        capacity = _staff_on(periods, end)
        price, external_children = _external_price(external, month, data.price_index)
        rows.append(
            OfferMonth(
                month=month,
                places=capacity.places if capacity else None,
                occupied=occupied,
                children=len(children),
                waiting=len({s.child_key for s in spells if s.waiting_on(end)}),
                staff=capacity.staff if capacity else None,
                cost=(data.costs or {}).get((offer.provider_id, month)),
                external_price=price,
                external_children=external_children,
                children_at_end=len({m.child_key for m in mine if m.is_active_on(end)}),
            )
        )
    return OfferSeries(offer, types, compared, tuple(rows), bool(periods), bool(spells))


@dataclass(frozen=True, slots=True)
class CaseworkerLoad:
    """Children with an active measure per caseworker (rådgiver) on a month's last day."""

    month: Month
    caseworkers: int
    children: int
    highest: int

    @property
    def average(self) -> Decimal | None:
        return Decimal(self.children) / self.caseworkers if self.caseworkers else None


def caseworker_loads(
    children: Mapping[str, Child], measures: Sequence[Measure], months: Sequence[Month]
) -> tuple[CaseworkerLoad, ...]:
    """The caseload from the measures' caseworker (children.csv), for every month."""
    result = []
    for month in months:
        day = month.last_day
        per: dict[str, set[str]] = defaultdict(set)
        for m in measures:
            child = children.get(m.child_key)
            if child is not None and child.caseworker and m.is_active_on(day):
                per[child.caseworker].add(m.child_key)
        sizes = [len(keys) for keys in per.values()]
        result.append(CaseworkerLoad(month, len(sizes), sum(sizes), max(sizes, default=0)))
    return tuple(result)
