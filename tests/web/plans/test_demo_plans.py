"""The demo plan follows a scenario.json shaped like the generator's."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from ramme.web.demo.plans import create_demo_plans
from ramme.web.plans.models import Action, ExpectedEffect, Indicator, MeasureActionLink
from tests.web.personas import make_line, make_measure, make_user

pytestmark = pytest.mark.django_db


def test_demo_plan_matches_the_planted_scenario(tmp_path: Path) -> None:
    make_line("Opholdssted", "indgribende")
    make_measure("R1", "alice", "Team Nord")
    make_user("admin", is_superuser=True)
    doc = {
        "start_date": "2021-05-01",
        "description": "Handleplan",
        "renegotiated": {"cut": 0.1, "measure_ids": ["R1"]},
        "converted_to_network_foster_care": [],
        "expected_effect_kr_by_month": {
            "by_component": {
                "færre_nyanbringelser": {"2021-05": 100.4, "2021-06": 200},
                "genforhandling": {"2021-05": 50},
            }
        },
    }
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    plan = create_demo_plans(2021, path)
    assert plan.start_date.isoformat() == "2021-05-01"
    assert Action.objects.filter(plan=plan).count() == 3
    fewer = Action.objects.get(plan=plan, mechanism="fewer_new")
    assert ExpectedEffect.objects.get(action=fewer, month=6).amount == Decimal(200)
    assert MeasureActionLink.objects.get().measure.measure_id == "R1"
    assert Indicator.objects.count() == 9
