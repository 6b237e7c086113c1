from datetime import date
from decimal import Decimal

from ramme.core.ladder import LadderStep
from ramme.core.periods import DateRange, Month
from ramme.core.pricing import measure_cost, yearly_price
from ramme.core.records import Measure, PriceKind, PricePeriod, PriceUnit
from ramme.core.volume import (
    active_days,
    full_year_cases,
    known_on,
    price_per_full_year_case,
    units_on,
)


def _measure(
    *prices: PricePeriod, start: date = date(2023, 1, 1), end: date | None = None
) -> Measure:
    return Measure("M1", "C1", "OPH", start, end, prices=tuple(prices))


def _price(
    amount: int,
    unit: PriceUnit,
    start: date = date(2023, 1, 1),
    end: date | None = None,
    kind: PriceKind = PriceKind.BASE,
    hours: Decimal | None = None,
) -> PricePeriod:
    return PricePeriod(start, end, kind, Decimal(amount), unit, hours_per_week=hours)


def test_day_price_for_a_year_is_amount_times_days() -> None:
    m = _measure(_price(2500, PriceUnit.DAY))
    assert measure_cost(m, DateRange.year(2023), {}) == Decimal(2500 * 365)


def test_price_is_regulated_from_each_first_of_january() -> None:
    m = _measure(_price(1000, PriceUnit.DAY))
    cost = measure_cost(m, DateRange.year(2024), {2024: Decimal("2.5")})
    assert cost == Decimal(1000) * Decimal("1.025") * 366


def test_end_date_is_inclusive_and_supplement_adds() -> None:
    m = _measure(
        _price(100, PriceUnit.DAY),
        _price(50, PriceUnit.DAY, kind=PriceKind.SUPPLEMENT, end=date(2023, 1, 10)),
        end=date(2023, 1, 31),
    )
    assert measure_cost(m, DateRange.year(2023), {}) == Decimal(100 * 31 + 50 * 10)
    assert measure_cost(m, DateRange.year(2023), {}, kinds=[PriceKind.BASE]) == 3100


def test_hour_price_uses_hours_per_week() -> None:
    m = _measure(_price(500, PriceUnit.HOUR, hours=Decimal(3)))
    assert measure_cost(m, DateRange.inclusive(date(2023, 1, 1), date(2023, 1, 7)), {}) == 1500


def test_once_price_falls_on_its_first_day() -> None:
    m = _measure(_price(2000, PriceUnit.ONCE, start=date(2023, 3, 1)))
    assert measure_cost(m, DateRange.year(2023), {}) == 2000
    assert measure_cost(m, DateRange.year(2024), {}) == 0


def test_yearly_price_and_volume() -> None:
    m = _measure(_price(1000, PriceUnit.MONTH), end=date(2023, 6, 30))
    assert yearly_price(m, date(2023, 3, 1), {}) == Decimal(12000)
    assert units_on([m], date(2023, 12, 31)) == 0
    assert units_on([m], date(2023, 6, 30)) == 1
    assert full_year_cases([m], DateRange.year(2023)) == Decimal(181) / 365
    per_case = price_per_full_year_case([m], DateRange.year(2023), {})
    assert per_case is not None and round(per_case, 0) == 12000


def test_month_periods() -> None:
    assert Month(2023, 12).next() == Month(2024, 1)
    assert Month(2024, 1).previous() == Month(2023, 12)
    assert DateRange.year(2023).months()[-1] == Month(2023, 12)
    assert LadderStep("indgribende").label == "Indgribende foranstaltninger"


def test_known_on_forgets_later_starts_and_later_end_dates() -> None:
    ended = _measure(end=date(2023, 3, 31))
    ends_later = _measure(end=date(2023, 12, 31))
    starts_later = _measure(start=date(2023, 8, 1))
    known = known_on([ended, ends_later, starts_later], date(2023, 6, 30))
    assert [m.end_date for m in known] == [date(2023, 3, 31), None]
    assert units_on(known, date(2023, 6, 30)) == 1


def test_active_days_is_the_measure_range_cut_to_the_period() -> None:
    # the range arithmetic active_days replaced, on every kind of overlap and open end
    days = [date(2022, 12, 31), date(2023, 1, 1), date(2023, 6, 15), date(2023, 12, 31),
            date(2024, 1, 1), date(2024, 3, 1)]  # fmt: skip
    periods = [DateRange.year(2023), DateRange(date(2023, 6, 1), date(2023, 6, 1)),
               DateRange(date(2023, 3, 1), date(2024, 2, 1))]  # fmt: skip
    for start in days:
        for end in [None, *days]:
            m = _measure(start=start, end=end)
            last = end or date.max.replace(day=30)
            for period in periods:
                expected = DateRange.inclusive(start, last).intersect(period).days
                assert active_days(m, period) == expected, (start, end, period)
