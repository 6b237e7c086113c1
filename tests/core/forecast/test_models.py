"""Duration, inflow and billing-lag models on histories whose answer is known."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest

from ramme.core.forecast import Config, forecast
from ramme.core.forecast.data import prepare
from ramme.core.forecast.known import state_at
from ramme.core.forecast.survival import estimate
from ramme.core.records import Measure
from tests.core.forecast.builders import dataset, measure, posting


def _hundred_day_history(until: date, step: int = 7) -> list[Measure]:
    out: list[Measure] = []
    day, i = date(2021, 1, 1), 0
    while day <= until:
        out.append(measure(f"h{i}", day, day + timedelta(days=99), mtype="KP", daily=1000))
        day += timedelta(days=step)
        i += 1
    return out


def test_survival_curve_of_measures_that_all_last_100_days() -> None:
    prep = prepare(dataset(_hundred_day_history(date(2023, 12, 31))))
    surv = estimate(prep, state_at(prep, date(2024, 3, 31)))
    kp = prep.type_codes.index("KP")
    assert surv.surv[kp, 99] == 1.0
    assert surv.surv[kp, 100] == 0.0


def test_expected_end_is_conditional_on_how_long_the_measure_has_run() -> None:
    history = _hundred_day_history(date(2023, 12, 31))
    target = measure("t", date(2024, 2, 20), mtype="KP", daily=1000)  # 41 days on 31 March
    fc = forecast(dataset([*history, target]), date(2024, 3, 31), simulations=0)
    row = next(r for r in fc.measures.rows() if r["measure_id"] == "t")
    # ends after 100 days, on 29 May: 59 days after 31 March
    assert row["expected"] == Decimal(59_000)
    assert row["committed"] == Decimal(275_000)  # no planned end: to year end
    kp = fc.line("Kontaktperson").components
    assert kp.outflow < 0


def test_constant_inflow_of_two_a_month_at_a_known_price() -> None:
    history = []
    for months in range(36):
        first = date(2021 + (6 + months) // 12, (6 + months) % 12 + 1, 1)
        for day in (1, 15):
            start = first.replace(day=day)
            history.append(
                measure(
                    f"n{months}-{day}", start, start + timedelta(days=99), mtype="KP", daily=500
                )
            )
    fc = forecast(dataset(history), date(2024, 6, 30), simulations=0)
    comp = fc.line("Kontaktperson").components
    assert comp.inflow_count == Decimal("12.0")  # July-December, 2 a month
    expected = 0
    for month in range(7, 13):
        first = date(2024, month, 1)
        last = (date(2024 + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
        mid = date.fromordinal((first.toordinal() + last.toordinal()) // 2)
        expected += 2 * 500 * min(100, (date(2024, 12, 31) - mid).days + 1)
    assert comp.inflow == Decimal(expected)


def test_quarterly_advance_payments_are_learned_from_earlier_years() -> None:
    m = measure("m1", date(2022, 1, 1), daily=1000)
    postings = []
    for year in (2022, 2023, 2024):
        for q, month in enumerate((1, 4, 7, 10)):
            first = date(year, month, 1)
            nxt = date(year + (month + 3) // 13, (month + 2) % 12 + 1, 1)
            days = (nxt - first).days
            postings.append(posting(f"{year}-{q}", first, days * 1000, measure_id="m1"))
    fc = forecast(dataset([m], postings), date(2024, 5, 15), simulations=0, calibrated=False)
    line = fc.line("Opholdssted")
    assert line.actual == Decimal(182_000)  # Q1 and Q2 paid in advance
    assert line.forecast == Decimal(366_000)  # the whole leap year, no more
    assert fc.expectations["Opholdssted"]["rho"] == pytest.approx(0.8)
    assert line.components.billing_lag < 0


def test_planned_ends_are_calibrated_by_how_far_they_were_overrun_before() -> None:
    history = []
    for i in range(40):  # every measure ran twice its planned 50 days
        start = date(2021, 1, 1) + timedelta(days=20 * i)
        history.append(
            measure(
                f"h{i}",
                start,
                start + timedelta(days=99),
                mtype="KP",
                planned=start + timedelta(days=49),
            )
        )
    target = measure("t", date(2024, 3, 1), mtype="KP", planned=date(2024, 4, 19))
    fc = forecast(dataset([*history, target]), date(2024, 3, 31), simulations=0)
    row = next(r for r in fc.measures.rows() if r["measure_id"] == "t")
    assert row["committed"] == Decimal(19_000)  # to the planned end, 19 April
    # expected to run 100 days, to 8 June: 69 days after 31 March (± the ratio grid)
    assert abs(row["expected"] - Decimal(69_000)) <= Decimal(2_000)


def test_sampled_durations_follow_the_curve() -> None:
    import numpy as np

    prep = prepare(dataset(_hundred_day_history(date(2023, 12, 31))))
    surv = estimate(prep, state_at(prep, date(2024, 3, 31)))
    kp = prep.type_codes.index("KP")
    drawn = surv.sample(np.array([kp, kp]), np.array([42, 1]), np.random.default_rng(1), 50)
    assert (drawn == 100).all()


def test_drift_follows_a_price_rise_the_case_system_does_not_know_yet() -> None:
    from ramme.core.forecast.known import state_at
    from ramme.core.forecast.lag import drift

    m = measure("m1", date(2022, 1, 1), daily=1000)
    postings = []
    for year in (2022, 2023, 2024):
        for month in range(1, 13 if year < 2024 else 7):
            rate = 1200 if (year, month) >= (2024, 4) else 1000  # invoices 20 % up from April
            postings.append(
                posting(f"{year}-{month}", date(year, month, 28), 30 * rate, measure_id="m1")
            )
    data = dataset([m], postings)
    prep = prepare(data)
    factor = drift(prep, state_at(prep, date(2024, 6, 30)), [2022, 2023])
    line = prep.activities.index("Opholdssted")
    assert factor[line] == pytest.approx(1.1, abs=0.01)  # half the 20 % the ledger shows
    raised = forecast(
        data, date(2024, 6, 30), simulations=0, calibrated=False, config=Config(drift=True)
    ).line("Opholdssted")
    plain = forecast(data, date(2024, 6, 30), simulations=0, calibrated=False).line("Opholdssted")
    assert raised.forecast > plain.forecast


def test_a_billing_ratio_the_years_disagree_on_is_not_trusted() -> None:
    from ramme.core.forecast.lag import _shrunk

    rho = np.array([1.56, 0.8, 1.3])
    spread = np.array([2.65, 0.0, 0.4])  # a short-stay line, quarterly advance, one year only
    years = np.array([3, 3, 1])
    shrunk = _shrunk(rho, spread, years)
    assert shrunk[0] == pytest.approx(1.0)  # scattered from year to year: no lag
    assert shrunk[1] == pytest.approx(0.8)  # the same every year: kept
    assert shrunk[2] == pytest.approx(1.3)  # one year has no spread to judge by
    middling = _shrunk(np.array([1.4]), np.array([0.3]), np.array([3]))[0]
    assert 1.0 < middling < 1.4
