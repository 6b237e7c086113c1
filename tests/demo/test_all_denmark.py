"""What only the all-Denmark size (5.9 million inhabitants) meets: a tail of planned ends,
a unit's staff and a repeated waiting key the import would refuse. Generating that size takes
minutes and gigabytes, so each rule is tried on a few made-up rows."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from ramme.demo import days as d
from ramme.demo import optional, people
from ramme.demo.model import NO_DAY, Measures
from ramme.demo.parameters import CATALOGUE, CaseworkParams
from ramme.demo.simulate import Draft
from ramme.importing.readers import open_table
from ramme.importing.specs import SPECS
from ramme.importing.validate import validate_table

CPR = "800409-4447"  # a replacement number of the generated files


def _errors(name: str, path: Path) -> list[str]:
    return [str(e) for e in validate_table(SPECS[name], open_table(path), b"key")[1]]


def _world(n: int, provider: int, start: np.ndarray) -> Any:
    measures = SimpleNamespace(
        provider=np.full(n, provider), start=start, end=start + 400,
        aftercare=np.zeros(n, np.int64), child=np.zeros(n, np.int64),
    )  # fmt: skip
    return SimpleNamespace(
        measures=measures,
        providers=SimpleNamespace(provider_id=["I01", "I04"], kind=["intern", "intern"]),
        children=SimpleNamespace(cpr=[CPR]),
        first_year=2024, last_year=2024, last_day=d.day(2024, 12, 31),
    )  # fmt: skip


def test_a_planned_end_never_passes_the_contracts_last_date() -> None:
    kind = next(i for i, t in enumerate(CATALOGUE) if not t.school_year)
    n = 50
    start = np.full(n, d.day(2021, 1, 1), np.int64)
    draft = Draft(Measures(start=start, mtype=np.full(n, kind, np.int64)),
                  np.zeros(n, np.int64), start + 70 * 365, np.full(n, -1, np.int64))  # fmt: skip
    # a factor of 1.5 on 70 years reaches 2126
    people.plan_ends(np.random.default_rng(1), draft, CATALOGUE, CaseworkParams(
        planned_optimism=(1.5, 0.0)))  # fmt: skip
    planned = draft.measures.planned_end[draft.measures.planned_end != NO_DAY]
    assert len(planned) and planned.max() == d.day(2100, 12, 31)


def test_no_staff_row_above_what_the_contract_allows_one_unit(tmp_path: Path) -> None:
    # 25,000 children a whole year at PPR (20 per staff member): 1,250 staff
    world = _world(25_000, 1, np.full(25_000, d.day(2023, 12, 1), np.int64))
    optional.write_staff(world, tmp_path)
    assert _errors("staff", tmp_path / "staff.csv") == []
    assert (tmp_path / "staff.csv").read_text().splitlines() == [
        "provider_id,valid_from,valid_to,places,staff"
    ]


def test_one_waiting_row_per_child_unit_and_day(tmp_path: Path) -> None:
    # one child starting at the same unit on 300 days: some waits begin on the same day
    start = d.day(2024, 3, 1) + np.arange(300, dtype=np.int64)
    optional.write_waiting(np.random.default_rng(3), _world(300, 0, start), tmp_path)
    assert _errors("waiting", tmp_path / "waiting.csv") == []
