"""The planted action plan and review cases, checked against the written files."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ramme.demo import days as d
from ramme.demo import run
from ramme.demo.run import Generated
from tests.demo.conftest import read_rows


@pytest.fixture(scope="module")
def truth(demo_dir: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((demo_dir / "scenario.json").read_text("utf-8"))
    return doc


def test_renegotiated_placements_get_a_lower_price_from_the_start_date(
    demo_dir: Path, truth: dict[str, Any]
) -> None:
    start = truth["start_date"]
    chosen = set(truth["renegotiated"]["measure_ids"])
    assert len(chosen) == 20
    rows = [p for p in read_rows(demo_dir / "prices.csv") if p["measure_id"] in chosen]
    new = {p["measure_id"] for p in rows if p["note"] == "Genforhandlet takst (handleplan)"}
    assert new == chosen
    for p in rows:
        if p["note"] == "Genforhandlet takst (handleplan)":
            assert p["valid_from"] == start
        elif p["kind"] == "base":
            assert p["valid_to"] and p["valid_to"] < start


def test_conversions_end_the_placement_and_start_network_foster_care(
    demo_dir: Path, truth: dict[str, Any]
) -> None:
    start = date.fromisoformat(truth["start_date"])
    measures = {m["measure_id"]: m for m in read_rows(demo_dir / "measures.csv")}
    assert truth["converted_to_network_foster_care"]
    for pair in truth["converted_to_network_foster_care"]:
        old, new = measures[pair["from"]], measures[pair["to"]]
        assert (old["measure_type"], new["measure_type"]) == ("OPH", "NPL")
        assert old["cpr"] == new["cpr"]
        assert old["end_date"] == (start - timedelta(days=1)).isoformat()
        assert new["start_date"] == start.isoformat()


def test_the_expected_effect_is_a_saving_that_grows(truth: dict[str, Any]) -> None:
    effect = truth["expected_effect_kr_by_month"]
    total = effect["total"]
    months = sorted(total)
    assert months[0] == truth["start_date"][:7]
    assert all(value > 0 for value in total.values())
    inflow = effect["by_component"]["færre_nyanbringelser"]
    assert inflow[months[-1]] > inflow[months[1]]
    assert sum(truth["fewer_residential_placements"]["removed_by_month"].values()) >= 3


def test_fewer_residential_placements_start_than_without_the_plan(generated: Generated) -> None:
    without = run.build(seed=1, scenario_name="ingen")

    def new_placements(g: Generated) -> int:
        m = g.world.measures
        oph = g.world.type_index("OPH")
        return int(((m.mtype == oph) & (m.start >= d.day(2023, 5)) & (m.aftercare == 0)).sum())

    removed = sum(generated.planted.removed_by_month.values())
    assert removed >= 3
    assert new_placements(without) - new_placements(generated) == removed
    assert without.planted.renegotiated == [] and without.effects == {}


def test_review_cases_are_planted_and_visible_in_the_files(
    demo_dir: Path, truth: dict[str, Any]
) -> None:
    cases = truth["review_cases"]
    assert all(len(ids) > 0 for ids in cases.values()), {k: len(v) for k, v in cases.items()}
    measures = {m["measure_id"]: m for m in read_rows(demo_dir / "measures.csv")}
    for measure_id in cases["without_management_approval"]:
        assert measures[measure_id]["approved_by"] == "" == measures[measure_id]["approved_at"]
    for measure_id in cases["running_over_6_months_without_review"]:
        m = measures[measure_id]
        assert m["end_date"] == "" and m["reviewed_at"] == "" and m["start_date"] <= "2024-06-30"
    limits = {"KP": 365, "DUT": 365, "FBE": 273, "FBI": 273}
    for measure_id in cases["past_duration_limit"]:
        m = measures[measure_id]
        running = (date(2024, 12, 31) - date.fromisoformat(m["start_date"])).days
        assert running > limits[m["measure_type"]]


def test_scenario_ghosts_never_reach_the_files(generated: Generated) -> None:
    assert (generated.world.measures.ghost == 0).all()
    assert np.isin(generated.world.prices.measure, np.arange(len(generated.ids))).all()
