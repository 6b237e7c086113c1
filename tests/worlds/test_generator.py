"""The generator: billing lags, aftercare decisions, age rules, snapshots and the truth."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from ramme.core.legal import candidate_keys
from ramme.importing.parsing import parse_amount, parse_date
from ramme.worlds.billing import Invoice, invoices
from ramme.worlds.catalogue import FAMILY, FOSTER
from ramme.worlds.costs import month_bounds, monthly_cost
from ramme.worlds.files import write_world
from ramme.worlds.legal import SPELLINGS
from ramme.worlds.people import birthday
from ramme.worlds.registry import WORLDS, get
from ramme.worlds.simulate import SimMeasure
from ramme.worlds.spec import WorldSpec
from ramme.worlds.world import FRAME, build_world, frame_budget, outturn

SMALL = 0.25
LAGS = {"arrears": (3, 20), "late": (30, 90), "quarterly": (10, 40)}


def _one_type_world(
    billing: str,
    end_registration_lag: float = 0.0,
    credit_notes: float = 0.0,
    double_bills: float = 0.0,
) -> WorldSpec:
    types = (
        replace(FAMILY, stock=40, provider_kind="ekstern"),
        replace(FOSTER, stock=20, billing=""),
    )
    return WorldSpec(
        "proeve", "Prøve", 7, 50_000, types, billing=billing,
        end_registration_lag=end_registration_lag, credit_notes=credit_notes,
        double_bills=double_bills,
    )  # fmt: skip


def _invoices(spec: WorldSpec) -> Iterator[tuple[SimMeasure, dict[int, float], list[Invoice]]]:
    world, rng = build_world(spec), np.random.default_rng(0)
    for m in world.measures:
        costs = monthly_cost(spec, m)
        yield m, costs, invoices(spec, m, costs, rng)


@pytest.mark.parametrize("billing", sorted(LAGS))
def test_invoices_after_the_period_come_with_the_conventions_lag(billing: str) -> None:
    low, high = LAGS[billing]
    for m, _, bills in _invoices(_one_type_world(billing)):
        for bill in bills:
            lag = (bill.booked - month_bounds(bill.month)[1]).days
            if bill.booked > m.registered + timedelta(days=7):  # not a catch-up payment
                assert low <= lag <= high, (billing, m.measure_id, lag)


def test_own_units_and_foster_carers_are_paid_in_the_month_of_service() -> None:
    spec = replace(_one_type_world("arrears"), types=(replace(FAMILY, stock=40), FOSTER))
    for m, _, bills in _invoices(spec):
        for bill in bills:
            first, last = month_bounds(bill.month)
            if bill.booked > m.registered + timedelta(days=7):
                assert first + timedelta(days=14) <= bill.booked <= last, m.measure_id


def test_quarterly_invoices_come_once_a_quarter() -> None:
    for _, _, bills in _invoices(_one_type_world("quarterly")):
        assert all(b.month % 3 == 2 for b in bills)


def test_advance_invoices_are_booked_before_the_month_and_overpayments_credited() -> None:
    spec = _one_type_world("advance", end_registration_lag=40)
    credited = 0
    for m, costs, bills in _invoices(spec):
        for bill in bills:
            if bill.amount > 0 and bill.booked > m.registered + timedelta(days=7):
                assert bill.booked <= month_bounds(bill.month)[0]
        credited += any(b.amount < 0 for b in bills)
        total = sum(b.amount for b in bills)
        assert total == pytest.approx(sum(costs.values()), abs=0.01), m.measure_id
    assert credited > 10


def test_credit_notes_and_reversed_double_bills_net_to_the_true_cost() -> None:
    spec = _one_type_world("arrears", credit_notes=0.3, double_bills=0.2)
    negatives = 0
    for _, costs, bills in _invoices(spec):
        negatives += sum(b.amount < 0 for b in bills)
        assert sum(b.amount for b in bills) == pytest.approx(sum(costs.values()), abs=0.01)
    assert negatives > 50


def test_aftercare_is_a_new_decision_of_the_same_type_from_the_18th_birthday() -> None:
    seen = 0
    for spec in (get("laerebog", SMALL), get("fjordlev", SMALL), get("kaerby", SMALL)):
        world = build_world(spec)
        by_id = {m.measure_id: m for m in world.measures}
        for m in world.measures:
            if not m.aftercare:
                continue
            seen += 1
            key = candidate_keys(m.legal_basis)[-1]
            assert key == "SEL-76" if m.start < date(2024, 1, 1) else key.startswith("BL-11")
            assert m.start == birthday(m.child.birth_date, 18)
            assert m.end is None or m.end < birthday(m.child.birth_date, 23)
            if m.follows:
                before = by_id[m.follows]
                assert before.type == m.type and before.child == m.child
                assert before.end == m.start - timedelta(days=1)
    assert seen > 20


def test_measures_stop_at_18_unless_the_world_lets_them_run_on() -> None:
    def past_18(spec: WorldSpec) -> int:
        return sum(
            1
            for m in build_world(spec).measures
            if not m.aftercare
            and m.start < birthday(m.child.birth_date, 18) <= (m.end or spec.horizon)
        )

    assert past_18(get("laerebog", SMALL)) == 0
    assert past_18(get("bakkeby", SMALL)) > 10  # registers no aftercare: measures run on


def test_every_legal_basis_spelling_is_understood_by_the_importer() -> None:
    for family in SPELLINGS.values():
        for old, new in family.values():
            assert candidate_keys(old)[0].startswith("SEL-"), old
            assert candidate_keys(new)[0].startswith("BL-"), new


def _parsed(text: str) -> date:
    day = parse_date(text)
    assert day is not None, text
    return day


def _read(folder: Path, name: str, spec: WorldSpec) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding=spec.style.encoding, newline="") as handle:
        return list(csv.DictReader(handle, delimiter=spec.style.delimiter))


def test_a_snapshot_holds_only_what_was_booked_or_registered_by_that_day(tmp_path: Path) -> None:
    spec = get("egholm", SMALL)  # registration lags and late bills
    world, known = build_world(spec), date(2025, 6, 30)
    folder = write_world(spec, tmp_path, known_at=known)
    postings = {r["posting_id"] for r in _read(folder, "postings", spec)}
    assert postings == {p.posting_id for p in world.postings if p.booked <= known}
    measures = {r["measure_id"]: r for r in _read(folder, "measures", spec)}
    assert set(measures) == {m.measure_id for m in world.measures if m.registered <= known}
    late = [m for m in world.measures if m.registered > known >= m.start]
    assert late, "the world registers measures after they start"
    for m in world.measures:
        if m.measure_id in measures and measures[m.measure_id]["end_date"]:
            assert m.end_registered is not None and m.end_registered <= known
    for row in _read(folder, "budget", spec):
        assert not row["date"] or _parsed(row["date"]) <= known


def test_the_outturn_is_the_sum_of_the_final_postings_dated_in_the_year(tmp_path: Path) -> None:
    spec = get("aadal", SMALL)  # Danish amounts, semicolons, Windows-1252
    rows = _read(write_world(spec, tmp_path), "postings", spec)
    for year in (2024, 2025):
        dated = [parse_amount(r["amount"]) for r in rows if _parsed(r["date"]).year == year]
        assert sum(dated, Decimal(0)) == outturn(spec, year)[FRAME]


def test_supplementary_period_postings_are_dated_31_december() -> None:
    spec = get("laerebog", SMALL)
    late = [p for p in build_world(spec).postings if p.booked.year == p.date.year + 1]
    assert late and all(p.date == date(p.booked.year - 1, 12, 31) for p in late)
    assert all(p.booked <= date(p.booked.year, 2, 15) for p in late)


def test_refunds_are_negative_dranst_2_postings() -> None:
    refunds = [p for p in build_world(get("lundholm", SMALL)).postings if p.dranst == 2]
    assert refunds and all(p.amount < 0 and not p.measure_id for p in refunds)
    assert {p.line for p in refunds} == {"Refusion særligt dyre enkeltsager"}


def test_the_budget_is_not_the_answer() -> None:
    misses = [
        abs(frame_budget(spec, 2025) / outturn(spec, 2025)[FRAME] - 1)
        for spec in (get(name, SMALL) for name in WORLDS)
    ]
    assert min(misses) > 0 and sum(misses) / len(misses) > Decimal("0.01")


def test_the_same_spec_gives_the_same_world() -> None:
    spec = get("morup", SMALL)
    first = build_world(spec)
    build_world.cache_clear()
    assert build_world(spec).postings == first.postings
