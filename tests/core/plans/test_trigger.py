from decimal import Decimal

from ramme.core.plans.trigger import TriggerRule, action_plan_required


def test_it_requires_a_plan_at_five_percent_of_the_corrected_budget() -> None:
    result = action_plan_required(Decimal("500000"), Decimal("10000000"))
    assert result.required
    assert "5,0 %" in result.reason and "500.000 kr." in result.reason


def test_it_requires_a_plan_at_one_million_even_when_the_share_is_small() -> None:
    result = action_plan_required(Decimal("1000000"), Decimal("300000000"))
    assert result.required and "1.000.000 kr." in result.reason


def test_below_both_thresholds_no_plan_is_required() -> None:
    result = action_plan_required(Decimal("400000"), Decimal("10000000"))
    assert not result.required and "Ingen handleplan" in result.reason


def test_an_underspend_never_requires_a_plan() -> None:
    assert not action_plan_required(Decimal("-5000000"), Decimal("10000000")).required


def test_the_rule_is_configurable() -> None:
    rule = TriggerRule(share_of_corrected=Decimal("0.03"), amount=Decimal("5000000"))
    assert action_plan_required(Decimal("300000"), Decimal("10000000"), rule).required
    assert not action_plan_required(Decimal("2000000"), Decimal("100000000"), rule).required


def test_a_year_without_budget_is_said_plainly_and_never_raises_the_alarm() -> None:
    result = action_plan_required(Decimal("100000000"), Decimal("0"))
    assert not result.required
    assert "intet korrigeret budget" in result.reason and "0,0 %" not in result.reason


def test_a_reason_ending_in_an_amount_has_one_full_stop() -> None:
    for overspend in ("-5000000", "400000"):
        reason = action_plan_required(Decimal(overspend), Decimal("10000000")).reason
        assert "kr.." not in reason and reason.endswith("kr.")
