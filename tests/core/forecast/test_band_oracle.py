"""The oracle band: what a perfectly calibrated band scores on the harness's criterion."""

from math import comb

import numpy as np

from ramme.core.forecast.band_oracle import MONTHS, simulate


def _binomial_pass(month_ends: int, p: float = 0.8) -> float:
    """The criterion's pass probability if the month ends were independent draws."""
    ok = [k for k in range(month_ends + 1) if 0.7 <= k / month_ends <= 0.9]
    return sum(comb(month_ends, k) * p**k * (1 - p) ** (month_ends - k) for k in ok)


def test_the_oracle_band_holds_eighty_percent_on_average() -> None:
    assert abs(simulate(1, worlds=20_000).coverage.mean() - 80.0) < 1.0


def test_month_ends_sharing_a_year_pass_the_criterion_far_less_than_independent_draws() -> None:
    one = simulate(1, worlds=20_000).pass_probability()
    assert one < _binomial_pass(MONTHS) - 0.2
    assert simulate(2, worlds=20_000).pass_probability() > one


def test_a_year_decided_after_its_last_month_end_is_all_or_nothing() -> None:
    only_after = np.append(np.zeros(MONTHS), 1.0)  # every surprise in the supplementary period
    oracle = simulate(1, variances=only_after, worlds=5_000)
    assert set(np.unique(oracle.coverage)) <= {0.0, 100.0}
    assert oracle.pass_probability() == 0.0


def test_the_pooled_range_narrows_with_more_worlds_around_eighty() -> None:
    oracle = simulate(1, worlds=30_000)
    few, many = oracle.pooled_range(3), oracle.pooled_range(14)
    assert few[0] < many[0] < 80.0 < many[1] < few[1]
