"""When an action plan (handleplan) is required: a configurable local rule.

Default from the 2021 template (seed 004): an expected overspend (merforbrug) of at least
5 % of the corrected budget or at least 1 mio. kr.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ramme.core.money import format_kr, format_percent


@dataclass(frozen=True)
class TriggerRule:
    """Thresholds of the rule; either one reached makes a plan required."""

    share_of_corrected: Decimal = Decimal("0.05")
    amount: Decimal = Decimal("1000000")


DEFAULT_RULE = TriggerRule()


@dataclass(frozen=True)
class TriggerResult:
    required: bool
    reason: str


def action_plan_required(
    overspend: Decimal, corrected_budget: Decimal, rule: TriggerRule = DEFAULT_RULE
) -> TriggerResult:
    """Whether an expected overspend (forecast − corrected budget) calls for a plan.

    The reason is Danish and names the figures, for the follow-up page and the JSON output.
    Without a budget (none entered or imported for the year) there is nothing to overspend:
    that is said plainly and never raises the alarm.
    """
    if corrected_budget == 0:
        return TriggerResult(
            False,
            "Der er intet korrigeret budget for året, så handleplanreglen kan ikke vurderes. "
            "Indtast eller importér budgettet.",
        )
    share = overspend / corrected_budget if corrected_budget else Decimal(0)
    figures = (
        f"forventet merforbrug {format_kr(overspend)} = {format_percent(share)} "
        f"af korrigeret budget {format_kr(corrected_budget)}"
    )
    limits = f"grænsen er {format_percent(rule.share_of_corrected)} eller {format_kr(rule.amount)}"
    if overspend <= 0:
        return TriggerResult(False, _sentence(f"Intet forventet merforbrug ({figures}); {limits}"))
    by_share = corrected_budget > 0 and share >= rule.share_of_corrected
    by_amount = overspend >= rule.amount
    if by_share or by_amount:
        which = " og ".join(
            text
            for ok, text in (
                (by_share, f"mindst {format_percent(rule.share_of_corrected)}"),
                (by_amount, f"mindst {format_kr(rule.amount)}"),
            )
            if ok
        )
        return TriggerResult(True, f"Handleplan påkrævet: {figures} ({which}).")
    return TriggerResult(False, _sentence(f"Ingen handleplan påkrævet: {figures}; {limits}"))


def _sentence(text: str) -> str:
    """End with one full stop: an amount already ends in one (``1.000.000 kr.``)."""
    return text if text.endswith(".") else text + "."
