"""The whole forecast: refunds, lines without measures, the band, and no look-ahead."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ramme.core.forecast import forecast
from ramme.core.records import BudgetFigure, Child, Measure, Posting
from tests.core.forecast.builders import daily_postings, dataset, measure, posting, price


def _busy_dataset() -> tuple[list[Measure], list[Posting]]:
    measures: list[Measure] = []
    postings: list[Posting] = []
    for i in range(40):
        start = date(2021, 1, 1) + timedelta(days=23 * i)
        end = start + timedelta(days=150 + 17 * (i % 9))
        m = measure(
            f"m{i}",
            start,
            end if end < date(2024, 1, 1) else None,
            daily=800 + 10 * i,
            mtype="OPH" if i % 2 else "KP",
        )
        line = "Opholdssted" if i % 2 else "Kontaktperson"
        measures.append(m)
        postings += daily_postings(m, start, date(2024, 12, 31), line)
    return measures, postings


def test_refund_of_an_expensive_child_is_forecast_for_the_year() -> None:
    m = measure("m1", date(2024, 1, 1), planned=date(2024, 12, 31), daily=5000)
    booked = daily_postings(m, date(2024, 1, 1), date(2024, 3, 31))
    data = dataset([m], booked, index={2023: Decimal(0), 2024: Decimal(0)})
    fc = forecast(data, date(2024, 3, 31), simulations=0)
    line = fc.line("Opholdssted")
    assert line.actual == Decimal(455_000)
    assert line.components.refunds == Decimal(-280_000)
    assert line.forecast - line.components.inflow == Decimal(1_830_000 - 280_000)


def test_siblings_in_one_household_share_the_thresholds() -> None:
    kids = [Child("a", household="h1"), Child("b", household="h1")]
    ms = [
        measure("m1", date(2024, 1, 1), planned=date(2024, 12, 31), daily=3000, child="a"),
        measure("m2", date(2024, 1, 1), planned=date(2024, 12, 31), daily=3000, child="b"),
    ]
    fc = forecast(
        dataset(ms, children=kids, index={2024: Decimal(0)}), date(2024, 3, 31), simulations=0
    )
    assert fc.line("Opholdssted").components.refunds < Decimal(-300_000)


def test_a_line_without_measures_follows_its_profile_and_budget() -> None:
    postings = [
        posting(f"{y}-{mo}", date(y, mo, 28), 100_000, "Interne")
        for y in (2022, 2023)
        for mo in range(1, 13)
    ]
    postings += [posting(f"2024-{mo}", date(2024, mo, 28), 110_000, "Interne") for mo in (1, 2, 3)]
    budget = BudgetFigure(2024, "Interne", Decimal(1_200_000), Decimal(1_200_000))
    data = dataset([], postings, budgets=[budget])
    fc = forecast(data, date(2024, 3, 31), simulations=0, calibrated=False)
    line = fc.line("Interne")
    assert line.method == "profil"
    # 25 % was booked by 31 March in earlier years: 330,000 / 0.25; after a quarter the
    # profile is trusted fully
    assert line.forecast == Decimal(1_320_000)
    january = forecast(data, date(2024, 1, 31), simulations=0, calibrated=False).line("Interne")
    # share 1/12: weight 4/12 on 110,000 × 12, the rest on the budget
    assert abs(january.forecast - Decimal(1_240_000)) <= 1


def test_the_band_contains_the_deterministic_forecast() -> None:
    measures, postings = _busy_dataset()
    fc = forecast(dataset(measures, postings), date(2024, 4, 30), simulations=200, seed=3)
    assert fc.total.p10 < fc.total.forecast < fc.total.p90
    for line in fc.lines:
        assert line.p10 <= line.forecast <= line.p90


def test_nothing_later_than_as_of_changes_the_forecast() -> None:
    measures, postings = _busy_dataset()
    as_of = date(2024, 4, 30)
    before = forecast(dataset(measures, postings), as_of, simulations=50, seed=1).to_dict()
    later = [
        measure("late", as_of + timedelta(days=1), daily=9999),
        measure(
            "m39",
            measures[39].start_date,
            as_of + timedelta(days=10),
            daily=1190,
            mtype="OPH",
            prices=(*measures[39].prices, price(5000, as_of + timedelta(5))),
        ),
    ]
    changed = [m for m in measures if m.measure_id != "m39"] + later
    extra = [
        posting("future", as_of + timedelta(days=1), 1e6),
        posting("f2", date(2024, 12, 31), 1),
    ]
    after = forecast(dataset(changed, postings + extra), as_of, simulations=50, seed=1).to_dict()
    assert after == before


def test_json_shape_has_the_issue_fields() -> None:
    measures, postings = _busy_dataset()
    data = forecast(dataset(measures, postings), date(2024, 4, 30), simulations=20).to_dict()
    assert {"as_of", "year", "lines", "total"} <= set(data)
    assert {"activity", "ladder_step", "budget", "actual", "forecast", "p10", "p90"} <= set(
        data["lines"][0]
    )


def test_a_line_paid_by_salary_follows_its_profile_even_with_measures() -> None:
    m = measure("m1", date(2022, 1, 1), mtype="KP", daily=1000)
    salary = [
        posting(f"{y}-{mo}", date(y, mo, 28), 50_000, "Kontaktperson")
        for y in (2022, 2023)
        for mo in range(1, 13)
    ]
    salary += [
        posting(f"2024-{mo}", date(2024, mo, 28), 50_000, "Kontaktperson") for mo in range(1, 7)
    ]
    fc = forecast(dataset([m], salary), date(2024, 6, 30), simulations=0, calibrated=False)
    line = fc.line("Kontaktperson")
    assert line.method == "profil"
    assert abs(line.forecast - Decimal(600_000)) <= 1


def test_the_frame_is_the_sum_of_its_lines_in_whole_kroner() -> None:
    # an action-plan sentence and a table must name the same overspend to the krone
    measures, postings = [], []
    for i in range(12):  # prices in øre on two lines: the lines' figures round apart
        start = date(2022, 1, 1) + timedelta(days=61 * i)
        line, mtype = (("Opholdssted", "OPH"), ("Kontaktperson", "KP"))[i % 2]
        m = measure(f"m{i}", start, None, daily=733.37 + 11.13 * i, mtype=mtype)
        measures.append(m)
        postings += daily_postings(m, start, date(2024, 6, 30), line)
    fc = forecast(dataset(measures, postings), date(2024, 6, 30), simulations=30)
    assert len(fc.lines) >= 2
    for field in ("forecast", "actual", "budget", "adopted"):
        assert getattr(fc.total, field) == sum(getattr(line, field) for line in fc.lines), field
    assert fc.total.p10 <= fc.total.forecast == fc.total.p50 <= fc.total.p90
