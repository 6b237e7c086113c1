"""The benchmark per 1,000 children (ramme.core.benchmark)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.benchmark import (
    NATIONAL,
    BenchmarkValue,
    OwnData,
    PopulationCount,
    compare,
    own_figures,
)
from ramme.core.ladder import LadderStep
from ramme.core.periods import DateRange
from ramme.core.records import Measure, MeasureType, PriceKind, PricePeriod, PriceUnit
from ramme.core.volume import price_per_full_year_case

TYPES = {
    "PLF": MeasureType("PLF", "Plejefamilie", LadderStep.INTERVENING, "Plejefamilier"),
    "OPH": MeasureType("OPH", "Opholdssted", LadderStep.INTERVENING, "Opholdssteder"),
    "FB": MeasureType("FB", "Familiebehandling", LadderStep.ANTICIPATING, "Familiebehandling"),
}


def _measure(
    n: int, kind: str, start: date, end: date | None = None, price: str = "1000"
) -> Measure:
    prices = (PricePeriod(start, None, PriceKind.BASE, Decimal(price), PriceUnit.DAY),)
    return Measure(f"M{n}", f"child-{n}", kind, start, end, prices=prices)


def _population(year: int, per_age: int) -> list[PopulationCount]:
    return [PopulationCount(year, age, per_age) for age in range(0, 30)]


def _data(measures: list[Measure], spending: dict[int, Decimal] | None = None) -> OwnData:
    return OwnData(spending or {}, _population(2024, 100), measures, TYPES, {})


def test_placed_children_per_thousand_count_the_31_december_and_the_0_22_year_olds() -> None:
    measures = [_measure(i, "PLF", date(2024, 1, 1)) for i in range(6)]
    measures.append(_measure(99, "OPH", date(2024, 1, 1), date(2024, 6, 30)))  # ended: not counted
    figure = own_figures(_data(measures), 2024)["anbragte_pr_1000_0_22"]
    assert figure.children == 6
    assert figure.value == Decimal(6) * 1000 / (23 * 100)


def test_the_share_in_family_care_is_foster_families_among_placed_children() -> None:
    measures = [_measure(i, "PLF", date(2024, 1, 1)) for i in range(3)]
    measures += [_measure(10 + i, "OPH", date(2024, 1, 1)) for i in range(2)]
    figure = own_figures(_data(measures), 2024)["andel_familiepleje"]
    assert figure.value == Decimal(3) / 5 and figure.children == 5


def test_net_spending_is_per_0_17_year_old_and_refunds_lower_it() -> None:
    figure = own_figures(_data([], {2024: Decimal("3600000")}), 2024)["udgift_pr_0_17"]
    assert figure.value == Decimal("3600000") / (18 * 100)
    assert figure.children is None  # not a count of children: never hidden


def test_unit_price_per_step_is_the_annual_accounts_price_per_full_year_case() -> None:
    measures = [_measure(i, "FB", date(2024, 3, 1), price=str(500 + i)) for i in range(5)]
    expected = price_per_full_year_case(measures, DateRange.year(2024), {})
    figure = own_figures(_data(measures), 2024)["pris_helaarssag_foregribende"]
    assert figure.value == expected and figure.children == 5


def test_without_population_the_rates_are_missing_but_unit_prices_remain() -> None:
    data = OwnData({}, [], [_measure(1, "FB", date(2024, 1, 1))], TYPES, {})
    figures = own_figures(data, 2024)
    assert figures["anbragte_pr_1000_0_22"].value is None
    assert figures["pris_helaarssag_foregribende"].value is not None


def test_comparison_puts_the_municipality_first_and_the_country_last() -> None:
    others = [
        BenchmarkValue(2024, NATIONAL, "anbragte_pr_1000_0_22", Decimal("9.0"), "ANBAAR"),
        BenchmarkValue(2024, "Aabenraa", "anbragte_pr_1000_0_22", Decimal("11.2"), "ANBAAR"),
        BenchmarkValue(2023, "Aabenraa", "anbragte_pr_1000_0_22", Decimal("10.8"), "ANBAAR"),
        BenchmarkValue(2019, "Aabenraa", "anbragte_pr_1000_0_22", Decimal("1"), "too old"),
    ]
    result = {c.indicator.code: c for c in compare("Demo", (2023, 2024), _data([]), others)}
    rows = result["anbragte_pr_1000_0_22"].rows
    assert [r.municipality for r in rows] == ["Demo", "Aabenraa", NATIONAL]
    assert rows[0].own and not rows[1].own
    assert [f.value if f else None for f in rows[1].figures] == [Decimal("10.8"), Decimal("11.2")]
    assert rows[2].figures[0] is None  # the country supplied 2024 only
    assert rows[1].source == "ANBAAR"
