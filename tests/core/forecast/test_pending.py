"""Ends registered late, learned from the shortfall of recent ends (core.forecast.pending)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from ramme.core.forecast import forecast, prepare
from ramme.core.forecast.known import Replay, replayed
from ramme.core.forecast.model import Config, Model, build
from ramme.core.forecast.pending import registered_share
from ramme.core.forecast.simple import Unregistered, cases_x_price
from ramme.core.records import Measure
from tests.core.forecast.builders import dataset, measure

AS_OF = date(2024, 6, 30)
FIRST = date(2019, 1, 1)


def _world(lag: float, seed: int = 7, n: int = 1500) -> tuple[list[Measure], set[str]]:
    """Measures with exponential durations (mean 300 days), as a case system shows them on
    AS_OF when ends are registered ``lag`` days late on average; and the ids of those that
    have ended but still look active."""
    rng = np.random.default_rng(seed)
    span = (AS_OF - FIRST).days
    out, hidden = [], set()
    for i in range(n):
        start = FIRST + timedelta(days=int(rng.integers(0, span)))
        end = start + timedelta(days=int(rng.exponential(300)))
        registered = end + timedelta(days=int(rng.exponential(lag)) if lag else 0)
        shown = end if registered <= AS_OF else None
        if end <= AS_OF and shown is None:
            hidden.add(f"m{i}")
        out.append(measure(f"m{i}", start, shown, daily=1000))
    return out, hidden


def _model(measures: list[Measure], pending: bool = True) -> Model:
    return build(prepare(dataset(measures)), AS_OF, Config(pending_ends=pending))


@pytest.mark.parametrize("lag", [30.0, 60.0])
def test_the_delay_of_end_registrations_is_recovered_from_the_ends(lag: float) -> None:
    measures, _ = _world(lag)
    learned = _model(measures).pending.lag
    assert 0.6 * lag <= learned <= 1.5 * lag


def test_ends_registered_on_time_give_no_delay_and_change_nothing() -> None:
    measures, _ = _world(0.0)
    on, off = _model(measures), _model(measures, pending=False)
    assert on.pending.lag == 0.0
    assert np.array_equal(on.expected, off.expected)


def test_the_probabilities_count_the_measures_that_ended_unregistered() -> None:
    measures, hidden = _world(45.0)
    model = _model(measures)
    prob = model.pending.probability
    # no single measure can be told apart (the durations are memoryless), but the sum can
    assert 0.6 * len(hidden) <= prob.sum() <= 1.5 * len(hidden)
    assert prob[~model.state.active].max() == 0.0


def test_what_it_takes_off_is_about_the_cost_of_the_ended_measures() -> None:
    measures, hidden = _world(45.0)
    on, off = _model(measures), _model(measures, pending=False)
    gone = np.array([i in hidden for i in on.prep.measure_ids])
    taken = off.expected.sum() - on.expected.sum()
    # the cost the plain forecast gives measures that have in fact ended (truth: 0)
    wrong = off.expected[gone].sum()
    assert 0.6 * wrong <= taken <= 1.5 * wrong


def test_the_registered_share_of_an_exponential_delay() -> None:
    assert registered_share(0.0, 0, 15) == 1.0
    young, old = registered_share(30.0, 0, 15), registered_share(30.0, 90, 105)
    assert 0 < young < old < 1
    # the mean over [0, a) of 1 - exp(-x/L), by a fine Riemann sum
    xs = np.linspace(0, 15, 15001)[:-1] + 0.0005
    assert young == pytest.approx(float(np.mean(1 - np.exp(-xs / 30.0))), rel=1e-3)


def _late_starts(lag: float, seed: int = 11, n: int = 2500) -> tuple[list[Measure], int]:
    """Measures (exponential durations, mean 300 days) as shown on AS_OF when each is
    registered ``lag`` days after it starts; and how many started but are not shown."""
    rng = np.random.default_rng(seed)
    span = (AS_OF - FIRST).days
    out, missing = [], 0
    for i in range(n):
        start = FIRST + timedelta(days=int(rng.integers(0, span)))
        end = start + timedelta(days=int(rng.exponential(300)))
        if start + timedelta(days=int(rng.exponential(lag)) if lag else 0) > AS_OF:
            missing += 1
            continue
        out.append(measure(f"m{i}", start, end if end <= AS_OF else None, daily=1000))
    return out, missing


def test_starts_registered_late_are_counted_and_priced_from_the_day_after() -> None:
    measures, missing = _late_starts(40.0)
    on = _model(measures)
    waiting = on.inflow.waiting
    assert 0.6 * 40 <= waiting.lag <= 1.5 * 40
    assert 0.6 * missing <= waiting.total <= 1.5 * missing
    off = build(prepare(dataset(measures)), AS_OF, Config(pending_starts=False))
    extra = (on.inflow.rate * on.inflow.expected_days).sum()
    assert extra > (off.inflow.rate * off.inflow.expected_days).sum()


def test_starts_registered_on_time_add_nothing() -> None:
    measures, missing = _late_starts(0.0)
    assert missing == 0
    assert _model(measures).inflow.waiting.total == 0.0


def test_the_band_is_wider_by_the_doubt_of_the_correction() -> None:
    measures, _ = _world(45.0)
    prep = prepare(dataset(measures))
    fc = forecast(prep, AS_OF, simulations=40)
    without = forecast(prep, AS_OF, simulations=40, config=Config(pending_ends=False))
    doubt = build(prep, AS_OF).pending.doubt
    assert 0.1 <= doubt < 1.0
    assert fc.registration is not None
    sd = doubt * fc.registration.end_effect
    width, plain = fc.total.p90 - fc.total.p10, without.total.p90 - without.total.p10
    # P10-P90 of the correction's doubt (2 × 1.28 sd) is added in quadrature, roughly
    assert float(width) >= 0.9 * (float(plain) ** 2 + (2 * 1.28 * sd) ** 2) ** 0.5
    assert fc.total.p10 >= min(fc.total.actual, fc.total.forecast)


def test_the_doubt_of_the_delay_is_smaller_with_more_events() -> None:
    few, many = _world(45.0, n=600), _world(45.0, n=6000)
    assert _model(many[0]).pending.doubt < _model(few[0]).pending.doubt


def test_an_earlier_day_replayed_with_todays_delay_shows_the_same_shortfall() -> None:
    # complete files (every end registered): an earlier year's day looks as if nothing was
    # pending; replaying a 45-day delay there makes the model find that delay again, as it
    # finds it today, so the self-calibration compares like with like
    measures, _ = _world(0.0)
    prep = prepare(dataset(measures))
    plain = build(prep, AS_OF)
    replay = build(replayed(prep, AS_OF, Replay(ends=45.0)), AS_OF)
    assert plain.pending.lag == 0.0
    assert 0.6 * 45 <= replay.pending.lag <= 1.5 * 45
    recent = (prep.m_end <= AS_OF.toordinal()) & (prep.m_end > AS_OF.toordinal() - 45)
    hidden = recent & replay.state.active
    # exp(-x/45) over the last 45 days hides (1 - e^-1) × 45 / 45 ≈ 63 % of those ends
    assert 0.5 <= hidden.sum() / recent.sum() <= 0.75
    assert replay.state.active[prep.m_end <= AS_OF.toordinal() - 400].sum() == 0


def test_replayed_starts_are_unknown_on_the_earlier_day() -> None:
    measures, _ = _late_starts(0.0)
    prep = prepare(dataset(measures))
    replay = build(replayed(prep, AS_OF, Replay(starts=40.0)), AS_OF)
    assert 0.6 * 40 <= replay.inflow.waiting.lag <= 1.5 * 40
    assert build(prep, AS_OF).inflow.waiting.total == 0.0


def test_cases_x_price_counts_an_unregistered_end_as_ended_about_today() -> None:
    measures, hidden = _world(45.0)
    model = _model(measures)
    state = model.state
    seen = Unregistered(model.pending.probability, model.inflow.waiting)
    raw = cases_x_price(model.prep, AS_OF)
    corrected = cases_x_price(model.prep, AS_OF, seen, state)
    # the raw method runs each hidden end's measure (1,000 kr. a day) on to the year end
    wrong = len(hidden) * 1000 * (state.year_last - state.t)
    assert 0.6 * wrong <= (raw - corrected)[0] <= 1.5 * wrong
