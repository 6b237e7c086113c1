"""The example municipality, the personas of the API tests and a client per token."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from ramme.web.accounts.models import User
from ramme.web.api.services.tokens import create_token
from ramme.web.data.services.importer import import_folder
from ramme.web.plans.models import ActionPlan, Indicator
from ramme.web.plans.services import followup, plans
from tests.web.forecasts.conftest import EXAMPLE
from tests.web.personas import make_user


@pytest.fixture(autouse=True)
def _fast_forecast(fast_forecast: None) -> None:
    """Every test here forecasts fast (the shared fixture in tests/web/conftest.py)."""


@pytest.fixture
def world(db: None) -> dict[str, User]:
    """The example folder: alice and bob work in Team Nord, carl in Team Syd (children.csv).

    erik is an economist, tina leads Team Nord, carl is the caseworker of another team."""
    result = import_folder(EXAMPLE)
    assert result.ok, result
    return {
        "erik": make_user("erik", "economist"),
        "tina": make_user("tina", "team_leader", "Team Nord"),
        "alice": make_user("alice", "caseworker", "Team Nord"),
        "carl": make_user("carl", "caseworker", "Team Syd"),
    }


def token_client(user: User) -> Client:
    """A client that sends a fresh personal token of ``user`` with every request."""
    _, raw = create_token(user.username, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def plan_and_indicator(world: dict[str, User]) -> tuple[ActionPlan, Indicator]:
    erik = world["erik"]
    plan = plans.create_plan(
        erik, {"title": "Plan 2024", "year": 2024, "start_date": date(2024, 7, 1)}
    )
    plans.save_action(
        erik, plan.pk, plan.version,
        {"effort_area": "5.20 opholdssteder", "mechanism": "lower_price",
         "measure_types": "OPH", "from_date": date(2024, 7, 1)},
        {7: Decimal(10000), 8: Decimal(5000)},
    )  # fmt: skip
    indicator = followup.save_indicator(erik, {
        "name": "Færre på opholdssted", "kind": "children", "measure_types": "OPH",
        "baseline_from": date(2024, 1, 1), "baseline_to": date(2024, 3, 31),
        "change": Decimal("-0.10"), "relative": True, "target_date": date(2024, 12, 31),
    })  # fmt: skip
    plan.refresh_from_db()
    return plan, indicator
