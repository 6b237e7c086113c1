"""State refund for especially expensive cases: tiers, households, regulation."""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from ramme.core.refunds import refund, refund_array, rule_for


def test_tiers_on_one_expensive_child_in_2024() -> None:
    rule = rule_for(2024, {2023: Decimal(0), 2024: Decimal(0)})
    # 25 % of 860,000-1,680,000 plus 50 % of 1,680,000-1,830,000
    assert refund(Decimal(1_830_000), rule) == Decimal(280_000)
    assert refund(Decimal(800_000), rule) == 0


def test_the_third_tier_pays_75_percent_above_threshold_3() -> None:
    rule = rule_for(2022, {})
    expected = Decimal("0.25") * 820_000 + Decimal("0.5") * 440_000 + Decimal("0.75") * 880_000
    assert refund(Decimal(3_000_000), rule) == expected


def test_before_2021_two_tiers() -> None:
    rule = rule_for(2019, {})
    assert rule.thresholds == (Decimal(950_000), Decimal(1_770_000))
    assert refund(Decimal(1_000_000), rule) == Decimal("12500.00")


def test_thresholds_are_price_regulated_after_2022() -> None:
    rule = rule_for(2023, {2023: Decimal(10)})
    assert rule.thresholds[0] == Decimal(946_000)
    assert "verify" in rule.source


def test_household_costs_are_summed_before_the_thresholds() -> None:
    rule = rule_for(2022, {})
    apart = refund_array(np.array([1_000_000.0, 1_000_000.0]), rule).sum()
    together = refund_array(np.array([2_000_000.0]), rule).sum()
    assert apart == 70_000
    assert together == 0.25 * 820_000 + 0.5 * 320_000
