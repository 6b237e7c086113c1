"""The example municipality with a plan (two actions) and an indicator, for report tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import ramme.web.front
from ramme.web.accounts.models import User
from ramme.web.data.services.importer import import_folder
from ramme.web.plans.models import ActionPlan, Indicator
from ramme.web.plans.services import followup, plans
from tests.web.personas import make_user

AS_OF = date(2024, 9, 30)
EXAMPLE = Path(ramme.web.front.__file__).parent / "demo_example"
PlanSetup = tuple[User, ActionPlan, Indicator]  # example_with_plan()
CONCLUSION = "Flere børn i netværket end ventet; =SUM(A1) er tekst."


def _action(user: User, plan: ActionPlan, area: str, mechanism: str, **extra: object) -> None:
    plan.refresh_from_db()
    data = {
        "effort_area": area,
        "goal": f"Mål for {area}",
        "action_text": "Handling og indsats",
        "consequences": "Ingen",
        "mechanism": mechanism,
        "measure_types": "OPH",
        "from_date": date(2024, 3, 1),
        **extra,
    }
    effects = {m: Decimal(-10_000 * m) for m in range(3, 13)}
    plans.save_action(user, plan.pk, plan.version, data, effects)


def example_with_plan() -> PlanSetup:
    """Import the example folder, then a plan with two actions and an indicator."""
    result = import_folder(EXAMPLE)
    assert result.ok, result
    user = make_user("erik", "economist")
    plan = plans.create_plan(
        user,
        {
            "title": "Handleplan 2024",
            "year": 2024,
            "centre": "Center for Børn og Unge",
            "responsible": "Chef",
            "unit": "Myndighed",
            "unit_responsible": "Leder",
            "start_date": date(2024, 3, 1),
            "cause": "Stigende priser på opholdssteder.",
            "overspend_at_start": Decimal(1_500_000),
            "overspend_after_update": Decimal(900_000),
        },
    )
    _action(user, plan, "Anbringelser", "fewer_new", count_per_month=Decimal(1))
    _action(user, plan, "Anbringelser", "lower_price", price_change_pct=Decimal(-10), top_n=5)
    indicator = followup.save_indicator(
        user,
        {
            "name": "Færre på opholdssted",
            "area": "Anbringelser",
            "plan": plan,
            "kind": "children",
            "measure_types": "OPH",
            "baseline_from": date(2023, 1, 1),
            "baseline_to": date(2023, 12, 31),
            "change": Decimal("-0.10"),
            "relative": True,
            "target_date": date(2024, 12, 31),
        },
    )
    followup.record_conclusion(user, indicator, AS_OF, CONCLUSION)
    plan.refresh_from_db()
    return user, plan, indicator
