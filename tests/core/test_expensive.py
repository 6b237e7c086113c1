"""The one ranking of the most expensive cases (de dyreste sager)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.expensive import most_expensive
from tests.core.plans.helpers import measure

DAY = date(2021, 4, 30)


def test_it_ranks_the_active_measures_by_yearly_price_and_leaves_out_the_ended() -> None:
    measures = [measure(f"M{i}", "OPH", date(2020, 1, 1), price=1000 * (i + 1)) for i in range(4)]
    measures.append(measure("ENDED", "OPH", date(2020, 1, 1), date(2021, 1, 1), price=99000))
    measures.append(measure("LATER", "OPH", date(2021, 5, 1), price=99000))
    ranked = most_expensive(measures, {}, DAY, count=3)
    assert [p.measure.measure_id for p in ranked] == ["M3", "M2", "M1"]
    assert ranked[0].yearly_price == Decimal(4000 * 365)


def test_equal_prices_are_ordered_by_measure_id_whatever_order_they_came_in() -> None:
    measures = [measure(mid, "OPH", date(2020, 1, 1)) for mid in ("B", "C", "A")]
    assert [p.measure.measure_id for p in most_expensive(measures, {}, DAY)] == ["A", "B", "C"]


def test_it_keeps_to_the_types_asked_for() -> None:
    measures = [measure("P", "OPH", date(2020, 1, 1), price=9000),
                measure("F", "FAM", date(2020, 1, 1), price=100)]  # fmt: skip
    chosen = most_expensive(measures, {}, DAY, types={"FAM"})
    assert [p.measure.measure_id for p in chosen] == ["F"]
