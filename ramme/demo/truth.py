"""scenario.json: what was planted, so action-plan and review features can be tested."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ramme.demo import days as d
from ramme.demo.days import OPEN
from ramme.demo.model import KIND_SUPPLEMENT, NO_DAY, World
from ramme.demo.parameters import REVIEW_MONTHS, Scenario
from ramme.demo.scenario import Planted


def review_cases(world: World, ids: list[str]) -> dict[str, list[str]]:
    """Measures a review list should find on the export day (31 December of the last year)."""
    m, p = world.measures, world.prices
    running = (m.end == OPEN) & (m.start <= world.last_day)
    six_months = d.add_months(np.array([world.last_day]), -REVIEW_MONTHS)[0]
    unreviewed = running & (m.start <= six_months) & (m.reviewed_at == NO_DAY)
    limit = np.array([t.duration_limit_months or 0 for t in world.types])[m.mtype]
    over = running & (limit > 0) & (world.last_day - m.start > limit * 30.4375)
    supplement = p.kind == KIND_SUPPLEMENT
    unnegotiated = np.unique(p.measure[supplement & (p.negotiated == 0)])
    open_ended = np.unique(p.measure[supplement & (p.valid_to == OPEN)])

    def named(mask_or_rows: np.ndarray) -> list[str]:
        rows = np.flatnonzero(mask_or_rows) if mask_or_rows.dtype == bool else mask_or_rows
        return [ids[i] for i in rows.tolist()]

    return {
        "running_over_6_months_without_review": named(unreviewed),
        "past_duration_limit": named(over),
        "supplement_not_negotiated": named(unnegotiated),
        "supplement_without_end_date": named(open_ended),
        "without_management_approval": named(m.approved_at == NO_DAY),
    }


def write_truth(
    out: Path,
    world: World,
    scenario: Scenario,
    planted: Planted,
    effects: dict[str, dict[str, float]],
    ids: list[str],
) -> None:
    totals: dict[str, float] = {}
    for component in effects.values():
        for month, value in component.items():
            totals[month] = round(totals.get(month, 0.0) + value, 2)
    by_year: dict[str, float] = {}
    for month, value in totals.items():
        by_year[month[:4]] = round(by_year.get(month[:4], 0.0) + value, 2)
    doc = {
        "scenario": scenario.name,
        "description": scenario.description,
        "population": world.population,
        "years": [world.first_year, world.last_year],
        "export_date": d.to_date(world.last_day).isoformat(),
        "start_date": (
            d.to_date(planted.start_day).isoformat()
            if planted.ghosts and planted.start_day <= world.last_day
            else None
        ),
        "fewer_residential_placements": {
            "measure_type": "OPH",
            "expected_per_month": round(scenario.fewer_residential_per_month * world.scale, 2),
            "removed_by_month": planted.removed_by_month,
        },
        "renegotiated": {
            "cut": scenario.renegotiation_cut,
            "measure_ids": [ids[i] for i in planted.renegotiated],
        },
        "converted_to_network_foster_care": [
            {"from": ids[a], "to": ids[b]} for a, b in planted.converted
        ],
        "expected_effect_kr_by_month": {
            "note": "Besparelse (kr.) pr. måned: hvad de fjernede/ændrede indsatser ville have "
            "kostet minus hvad der erstattede dem, beregnet som ramme.core.pricing.",
            "by_component": effects,
            "total": totals,
            "total_by_year": by_year,
        },
        "review_cases": review_cases(world, ids),
    }
    (out / "scenario.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8"
    )
