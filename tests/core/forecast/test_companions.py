"""Simple methods, backtest, bridge and volume/price/mix on small datasets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.forecast import TypeVolume, forecast, simple_methods, volumes_from_forecast
from ramme.core.forecast.backtest import backtest
from ramme.core.forecast.bridge import bridge
from ramme.core.forecast.decompose import decompose
from ramme.core.records import BudgetFigure, Dataset, Posting
from tests.core.forecast.builders import dataset, measure, posting


def _quarterly(mid: str, start: date, years: range, daily: float = 1000) -> list[Posting]:
    out = []
    for year in years:
        for month in (1, 4, 7, 10):
            first = date(year, month, 1)
            if first < start:
                continue
            nxt = date(year + (month + 3) // 13, (month + 2) % 12 + 1, 1)
            out.append(
                posting(f"{mid}-{year}-{month}", first, (nxt - first).days * daily, measure_id=mid)
            )
    return out


def _advance_world() -> Dataset:
    ms = [measure(f"m{i}", date(2021, 1, 1), daily=1000 + 100 * i) for i in range(3)]
    ps = [
        p
        for i, m in enumerate(ms)
        for p in _quarterly(m.measure_id, m.start_date, range(2021, 2025), 1000 + 100 * i)
    ]
    budget = [BudgetFigure(2023, "Opholdssted", Decimal(3_300_000), Decimal(3_300_000))]
    return dataset(ms, ps, budgets=budget)


def test_run_rate_and_periodised_budget() -> None:
    methods = simple_methods(_advance_world(), date(2023, 5, 15))
    line = next(x for x in methods.lines if x.activity == "Opholdssted")
    booked = int(line.actual)
    assert line.figures["run_rate"] == Decimal(round(booked * 365 / 135))
    # earlier years had booked the same half by 15 May: the periodised figure is the year
    assert abs(line.figures["periodised"] - Decimal(3300 * 365)) < 2
    assert line.figures["cases_x_price"] == Decimal(3300 * 365)
    assert line.spread == line.figures["run_rate"] - min(line.figures.values())
    assert line.spread_pct is not None


def test_backtest_beats_the_run_rate_on_advance_payments() -> None:
    result = backtest(_advance_world(), 2023, months=(3, 5, 9), simulations=50)
    assert len(result.months) == 3
    assert result.mae_pct() < result.run_rate_mae_pct() / 3
    summary = result.to_dict()["summary"]
    assert isinstance(summary, dict) and summary["mae_pct"] == result.mae_pct()


def test_bridge_counts_new_and_ended_measures_and_adds_up() -> None:
    old = measure("old", date(2023, 1, 1), daily=1000)
    ended = measure("old", date(2023, 1, 1), date(2024, 4, 15), daily=1000)
    new = measure("new", date(2024, 4, 10), daily=2000)
    before = forecast(dataset([old, new]), date(2024, 3, 31), simulations=0)
    after = forecast(dataset([ended, new]), date(2024, 4, 30), simulations=0)
    result = bridge(before, after)
    items = {i.key: i for i in result.items}
    assert items["inflow"].count == 1 and items["inflow"].amount > 0
    assert items["outflow"].count == 1 and items["outflow"].amount < 0
    assert sum(i.amount for i in result.items) == after.total.forecast - before.total.forecast
    for name, line_items in result.by_line.items():
        change = after.line(name).forecast - before.line(name).forecast
        assert sum(i.amount for i in line_items) == change


def test_volume_price_mix_add_up() -> None:
    def tv(cases: int, cost: int) -> TypeVolume:
        return TypeVolume(Decimal(cases), Decimal(cost))

    base = {"A": tv(10, 1000), "B": tv(10, 2000)}
    now = {"A": tv(10, 1100), "B": tv(20, 4000)}
    d = decompose(base, now)
    assert d.volume == Decimal(1500)  # 10 more full-year cases at the old average 150
    assert abs(d.mix - Decimal(500)) < Decimal("0.0001")  # more of the dearer type B
    assert abs(d.price - Decimal(100)) < Decimal("0.0001")  # A became 10 dearer per case
    assert d.volume + d.mix + d.price == d.current_cost - d.base_cost


def test_volumes_from_a_forecast_count_full_year_cases() -> None:
    m = measure("m1", date(2024, 1, 1), planned=date(2024, 12, 31), daily=1000)
    fc = forecast(dataset([m]), date(2024, 3, 31), simulations=0)
    vols = volumes_from_forecast(fc)
    inflow_days = Decimal(repr(fc.inflow_by_type["OPH"]["days"]))
    assert fc.inflow_by_type["OPH"]["count"] > 0  # one start in three months of history
    assert abs(vols["OPH"].full_year_cases - (366 + inflow_days) / 365) < Decimal("0.0001")


def test_volumes_in_year_agree_with_the_volume_module() -> None:
    from ramme.core.forecast import volumes_in_year
    from ramme.core.periods import DateRange
    from ramme.core.pricing import measure_cost
    from ramme.core.volume import full_year_cases

    ms = [
        measure("a", date(2022, 5, 1), date(2023, 3, 31), daily=900),
        measure("b", date(2023, 2, 1), daily=1200),
        measure("c", date(2023, 6, 1), date(2023, 9, 30), mtype="KP", daily=400),
    ]
    data = dataset(ms, index={2023: Decimal("3.0")})
    vols = volumes_in_year(data, 2023)
    year = DateRange.year(2023)
    oph = [m for m in ms if m.measure_type == "OPH"]
    assert vols["OPH"].full_year_cases == full_year_cases(oph, year)
    expected_cost = sum(measure_cost(m, year, data.price_index) for m in oph)
    assert abs(vols["OPH"].cost - expected_cost) < 1


def test_backtest_json_is_plain_python() -> None:
    import json

    result = backtest(_advance_world(), 2023, months=(6,), simulations=20)
    text = json.dumps(result.to_dict())
    assert '"accepted"' in text


def test_explain_splits_each_line_and_the_frame() -> None:
    from ramme.core.forecast import explain

    ms = [measure(f"a{i}", date(2023, 1, 1), daily=1000) for i in range(2)]
    ms.append(measure("new", date(2024, 1, 1), planned=date(2024, 12, 31), daily=3000))
    fc = forecast(dataset(ms), date(2024, 3, 31), simulations=0)
    changes = {c.activity: c for c in explain(dataset(ms), fc)}
    frame = changes["I alt"].vs_last_year
    assert frame.current_cases > frame.base_cases  # one more measure this year
    assert frame.volume > 0 and frame.price > 0
    assert frame.volume + frame.price + frame.mix == frame.current_cost - frame.base_cost
