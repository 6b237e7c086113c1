"""Issue 14, done when: on the demo the reconciliation shows 0 kr. unexplained for every
year and a planted unmapped posting is found and listed; the findings of the paperwork
rules are exactly the cases the generator planted (scenario.json).

The demo (the seed ``ramme demo`` uses) goes through the real generator and importer once
for the package (``conftest.py``); this module computes everything once, in a savepoint
that is rolled back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ramme.core.quality import Finding
from ramme.core.reconcile import Reconciliation
from ramme.web.data.models import Measure, Posting
from ramme.web.forecasts.services import cache
from ramme.web.quality.services.findings import all_findings
from ramme.web.quality.services.reconciliation import reconciliation
from tests.web.demo.conftest import computed

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
PLANTED = "PLANTET-1"


@dataclass(frozen=True)
class DemoResult:
    scenario: dict[str, Any]
    export: date
    years: dict[int, Reconciliation]
    findings: list[Finding]
    active: set[str]


def _compute(scenario: dict[str, Any]) -> DemoResult:
    export = date.fromisoformat(scenario["export_date"])
    Posting.objects.create(posting_id=PLANTED, date=date(export.year, 6, 30),
                           account="5.99.99", dranst=1, amount=Decimal("4711.00"))  # fmt: skip
    cache.clear()
    first, last = scenario["years"]
    years = {y: reconciliation(y, export) for y in range(first, last + 1)}
    active = {
        m.measure_id
        for m in Measure.objects.filter(start_date__lte=export)
        if m.end_date is None or m.end_date >= export
    }
    return DemoResult(scenario, export, years, all_findings(export), active)


@pytest.fixture(scope="module")
def demo(django_db_blocker: Any, imported_demo: Path) -> DemoResult:
    scenario = json.loads((imported_demo / "scenario.json").read_text())
    return computed(django_db_blocker, lambda: _compute(scenario))


def test_every_year_reconciles_to_the_krone(demo: DemoResult) -> None:
    for year, r in demo.years.items():
        assert r.postings > 1000, year
        assert r.difference == 0, year
        assert r.forecast_difference == 0, year  # the forecast starts from every krone


def test_the_planted_unmapped_posting_is_found_and_listed(demo: DemoResult) -> None:
    r = demo.years[demo.export.year]
    assert [u.posting.posting_id for u in r.unmapped] == [PLANTED]
    assert r.unmapped_total == Decimal("4711.00")
    assert "5.99.99" in r.unmapped[0].reason
    assert all(not other.unmapped for y, other in demo.years.items() if y != demo.export.year)


def _found(demo: DemoResult, kind: str) -> set[str]:
    return {f.measure_id for f in demo.findings if f.kind == kind and f.measure_id}


def test_missing_approvals_are_the_planted_active_ones(demo: DemoResult) -> None:
    planted = set(demo.scenario["review_cases"]["without_management_approval"])
    assert _found(demo, "missing_approval") == planted & demo.active
    assert planted & demo.active  # the demo plants some


def test_unnegotiated_supplements_are_among_the_planted_ones(demo: DemoResult) -> None:
    planted = set(demo.scenario["review_cases"]["supplement_not_negotiated"])
    found = _found(demo, "unnegotiated_supplement")
    assert found and found <= planted


def test_the_demo_has_no_unlinked_postings_and_no_measure_without_a_price(demo: DemoResult) -> None:
    # the generator links every invoice to its measure and prices every measure
    assert not _found(demo, "unlinked_posting") and not _found(demo, "missing_price")


def test_no_demo_measure_starts_after_the_23rd_birthday(demo: DemoResult) -> None:
    # the generator ends every measure before the 23rd birthday, so the rule stays quiet
    assert not _found(demo, "start_after_23")


def test_no_demo_measure_is_planned_to_end_before_it_starts(demo: DemoResult) -> None:
    assert not _found(demo, "planned_end_before_start")
