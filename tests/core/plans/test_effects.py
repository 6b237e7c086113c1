"""Effects where the counterfactual is known by construction (no price index: factor 1)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.periods import Month
from ramme.core.plans.effects import (
    ActionSpec,
    EffectContext,
    Mechanism,
    realised_effect,
)
from ramme.core.plans.targets import Target
from ramme.core.records import Measure, PriceKind, ProviderKind
from tests.core.plans.helpers import day_price, measure

START = date(2021, 5, 1)
AS_OF = date(2021, 6, 30)


def ctx(*measures: Measure) -> EffectContext:
    return EffectContext(measures, {}, 2021, AS_OF)


def spec(
    mechanism: Mechanism,
    types: set[str],
    to_types: frozenset[str] = frozenset(),
    linked: frozenset[str] = frozenset(),
) -> ActionSpec:
    target = Target(START, frozenset(types))
    return ActionSpec("a1", mechanism, target, to_types=to_types, linked=linked)


def test_a_renegotiated_price_saves_the_difference_and_names_the_case() -> None:
    renegotiated = measure(
        "M1",
        "OPH",
        date(2020, 1, 1),
        prices=(
            day_price(3000, date(2020, 1, 1), date(2021, 4, 30)),
            day_price(2700, date(2021, 5, 1)),
        ),
    )
    untouched = measure("M2", "OPH", date(2020, 1, 1), price=2500)
    effect = realised_effect(spec(Mechanism.LOWER_PRICE, {"OPH"}), ctx(renegotiated, untouched))
    assert effect.by_month == {Month(2021, 5): Decimal(300 * 31), Month(2021, 6): Decimal(300 * 30)}
    assert [c.measure_id for c in effect.cases] == ["M1"]
    assert effect.cases[0].effect == Decimal(300 * 61)


def test_a_removed_supplement_counts_as_saved() -> None:
    with_supplement = measure(
        "M1",
        "OPH",
        date(2020, 1, 1),
        prices=(
            day_price(2500, date(2020, 1, 1)),
            day_price(400, date(2020, 6, 1), date(2021, 5, 31), kind=PriceKind.SUPPLEMENT),
        ),
    )
    effect = realised_effect(spec(Mechanism.LOWER_PRICE, {"OPH"}), ctx(with_supplement))
    assert effect.by_month == {Month(2021, 5): Decimal(0), Month(2021, 6): Decimal(400 * 30)}


def test_a_conversion_saves_the_old_price_minus_the_new_and_links_both_cases() -> None:
    old = measure("OLD", "OPH", date(2020, 1, 1), date(2021, 5, 31), price=2600, child="k1")
    new = measure("NEW", "NPL", date(2021, 6, 1), price=600, child="k1")
    unrelated = measure("OTHER", "NPL", date(2021, 6, 1), price=600, child="k2")
    action = spec(Mechanism.CONVERSION, {"OPH"}, to_types=frozenset({"NPL"}))
    effect = realised_effect(action, ctx(old, new, unrelated))
    assert effect.total == Decimal(2000 * 30)
    assert [(c.measure_id, c.note) for c in effect.cases] == [
        ("NEW", "afløser OLD: dens pris fortsat")
    ]


def test_a_linked_conversion_without_predecessor_uses_the_old_types_average() -> None:
    olds = [measure(f"O{i}", "OPH", date(2020, 1, 1), price=p) for i, p in enumerate((2000, 3000))]
    new = measure("NEW", "EGV", date(2021, 6, 1), price=1000)
    action = spec(
        Mechanism.CONVERSION, {"OPH"}, to_types=frozenset({"EGV"}), linked=frozenset({"NEW"})
    )
    effect = realised_effect(action, ctx(*olds, new))
    assert effect.total == Decimal(1500 * 30)


def test_fewer_new_measures_compares_with_the_baseline_inflow() -> None:
    # One new placement a month in the 24 months before the start, at 1.000 kr. a day,
    # none ended: the counterfactual is one start mid-month running to the horizon.
    baseline = [
        measure(f"B{i}", "OPH", date(2019 + (4 + i) // 12, (4 + i) % 12 + 1, 1)) for i in range(24)
    ]
    one_new = measure("N1", "OPH", date(2021, 6, 1), price=1000)
    effect = realised_effect(spec(Mechanism.FEWER_NEW, {"OPH"}), ctx(*baseline, one_new))
    # May: start 16.05 → 16 days; June: May's start 30 days + June's start (16.06) 15 days.
    assert effect.counterfactual == {Month(2021, 5): Decimal(16000), Month(2021, 6): Decimal(45000)}
    assert effect.actual == {Month(2021, 5): Decimal(0), Month(2021, 6): Decimal(30000)}
    assert effect.total == Decimal(31000)
    assert [c.measure_id for c in effect.cases] == ["N1"]


def test_shorter_durations_save_the_days_up_to_the_baseline_mean() -> None:
    # Before the start, OPH spells lasted 100 days; one now ends after 60 days.
    ended = [measure(f"E{i}", "OPH", date(2020, 6, 1), date(2020, 9, 8)) for i in range(3)]
    short = measure("S", "OPH", date(2021, 5, 1), date(2021, 6, 29), price=1000)
    effect = realised_effect(spec(Mechanism.SHORTER, {"OPH"}), ctx(*ended, short))
    assert effect.by_month[Month(2021, 6)] == Decimal(1000)  # 30.06 only, within the horizon
    assert [c.measure_id for c in effect.cases] == ["S"]


def test_internal_instead_of_external_saves_the_external_average() -> None:
    external = measure("X", "KP", date(2020, 1, 1), price=800)
    internal = measure("I", "KP", date(2021, 6, 1), price=300, provider_kind=ProviderKind.INTERNAL)
    effect = realised_effect(spec(Mechanism.INTERNAL, {"KP"}), ctx(external, internal))
    assert effect.total == Decimal(500 * 30)
    assert [c.measure_id for c in effect.cases] == ["I"]
