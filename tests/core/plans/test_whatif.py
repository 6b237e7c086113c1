from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.periods import Month
from ramme.core.plans import whatif
from tests.core.plans.helpers import measure

AS_OF = date(2021, 4, 30)


def test_four_fewer_placements_a_month_from_may() -> None:
    # 12 starts in the 12 months before, at 1.000 kr. a day, none ended.
    recent = [
        measure(f"R{i}", "OPH", date(2020, 5 + i, 1) if i < 8 else date(2021, i - 7, 1))
        for i in range(12)
    ]
    result = whatif.fewer_new(recent, frozenset({"OPH"}), Decimal(4), Month(2021, 5), AS_OF, {})
    assert result.by_month[Month(2021, 4)] == 0
    assert result.by_month[Month(2021, 5)] == Decimal(4 * 16 * 1000)  # from 16.05
    assert result.by_month[Month(2021, 6)] == Decimal(4 * (30 + 15) * 1000)
    assert "flere end de 1,0 nye pr. måned" in result.note  # 4 avoided, 1 usually arrives
    one = whatif.fewer_new(recent, frozenset({"OPH"}), Decimal(1), Month(2021, 5), AS_OF, {})
    assert "Bemærk" not in one.note


def test_ten_percent_lower_price_for_the_most_expensive() -> None:
    measures = [measure(f"M{i}", "OPH", date(2020, 1, 1), price=1000 * (i + 1)) for i in range(5)]
    measures.append(measure("ENDED", "OPH", date(2020, 1, 1), date(2021, 1, 1), price=99000))
    result = whatif.price_cut(
        measures, frozenset({"OPH"}), 2, Decimal("0.10"), Month(2021, 5), AS_OF, {}
    )
    assert result.measure_ids == ("M4", "M3")
    assert result.by_month[Month(2021, 5)] == Decimal(31 * 900)
    assert result.total == Decimal(245 * 900)
