"""How the demo behaves: ages, prices, billing, legal basis, caseworkers, the cost kernel."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np

from ramme.core.periods import DateRange
from ramme.core.pricing import measure_cost
from ramme.demo import calibration
from ramme.demo import days as d
from ramme.demo.costs import monthly_costs
from ramme.demo.days import OPEN
from ramme.demo.run import Generated
from tests.demo.conftest import read_rows


def test_measures_stop_at_18_and_aftercare_at_23(generated: Generated) -> None:
    w = generated.world
    m = w.measures
    birth = w.children.birth[m.child]
    last = np.minimum(m.end, w.last_day)
    adult_type = np.array([t.ages[0] >= 18 for t in w.types])[m.mtype]
    child_measure = (m.aftercare == 0) & ~adult_type
    assert (last[child_measure] < d.add_years(birth[child_measure], 18)).all()
    assert (last < d.add_years(birth, 23)).all()
    aftercare = m.aftercare == 1
    assert aftercare.sum() > 20
    assert (m.start[aftercare] == d.add_years(birth[aftercare], 18)).all()


def test_stock_on_1_january_of_the_first_year_is_already_realistic(generated: Generated) -> None:
    """The burn-in fills the stock: 1 January of the first year is near 31 December."""
    m = generated.world.measures
    first, later = d.day(2021), d.day(2021, 12, 31)
    on_first = ((m.start <= first) & (m.end >= first)).sum()
    on_later = ((m.start <= later) & (m.end >= later)).sum()
    assert abs(on_first - on_later) < 0.1 * on_later


def test_the_cost_kernel_agrees_with_core_pricing(generated: Generated) -> None:
    w = generated.world
    measures = calibration.core_measures(w, generated.ids, active_from=d.day(2023))
    index = calibration.price_index(2000, 2030)
    m0, m1 = (2023 - 1970) * 12, (2023 - 1970) * 12 + 11
    entries = monthly_costs(w.prices, w.measures, m0, m1, w.last_day)
    kernel: dict[int, float] = defaultdict(float)
    for row, amount in zip(entries.row.tolist(), entries.amount.tolist(), strict=True):
        kernel[int(w.prices.measure[row])] += amount
    by_id = {mid: i for i, mid in enumerate(generated.ids)}
    for measure in measures[::25]:
        core = measure_cost(measure, DateRange.year(2023), index)
        assert abs(float(core) - kernel[by_id[measure.measure_id]]) < 0.01, measure.measure_id


def test_prices_are_only_rewritten_on_renegotiation(demo_dir: Path) -> None:
    starts = {m["measure_id"]: m["start_date"] for m in read_rows(demo_dir / "measures.csv")}
    bases: dict[str, list[dict[str, str]]] = defaultdict(list)
    for price in read_rows(demo_dir / "prices.csv"):
        if price["kind"] == "base":
            bases[price["measure_id"]].append(price)
    renegotiated = 0
    for measure_id, periods in bases.items():
        assert periods[0]["valid_from"] == starts[measure_id]
        for later in periods[1:]:
            assert later["note"].startswith("Genforhandlet")
            renegotiated += 1
    assert renegotiated > 10


def test_supplements_are_mostly_negotiated_and_time_limited(demo_dir: Path) -> None:
    supplements = [p for p in read_rows(demo_dir / "prices.csv") if p["kind"] == "supplement"]
    assert len(supplements) > 20
    unnegotiated = sum(p["negotiated"] == "nej" for p in supplements)
    open_ended = sum(p["valid_to"] == "" for p in supplements)
    assert 0 < unnegotiated < len(supplements) / 2
    assert 0 < open_ended < len(supplements) / 2


def test_legal_basis_follows_the_decision_date(demo_dir: Path) -> None:
    for m in read_rows(demo_dir / "measures.csv"):
        new_law = m["legal_basis"].startswith("Barnets lov")
        assert new_law == (m["start_date"] >= "2024-01-01"), m


def test_caseworkers_carry_30_to_40_active_children(generated: Generated) -> None:
    w = generated.world
    m = w.measures
    active = np.unique(m.child[m.end >= w.last_day])
    assert 28 <= len(active) / len(w.caseworkers) <= 40
    assert set(w.caseworker_team) >= {"Team Nord", "Team Syd", "Team Unge"}


def test_billing_patterns_place_postings_as_a_ledger_would(demo_dir: Path) -> None:
    types = {m["measure_id"]: m["measure_type"] for m in read_rows(demo_dir / "measures.csv")}
    days_of: dict[str, set[str]] = defaultdict(set)
    quarterly_texts = set()
    for p in read_rows(demo_dir / "postings.csv"):
        kind = types.get(p["measure_id"], "")
        days_of[kind].add(p["date"][8:])
        if kind == "FBE":
            quarterly_texts.add("kvt." in p["text"])
    assert days_of["OPH"] <= {"01", "31"}  # paid in advance; 31 = supplementary period
    assert len(days_of["KP"]) > 10  # invoices in arrears on many days
    assert quarterly_texts == {True}


def test_december_costs_booked_in_the_new_year_carry_31_december(demo_dir: Path) -> None:
    arrears = {"KP", "AFL", "DAG", "BHU", "KCT", "KON", "EFV", "SIK"}
    types = {m["measure_id"]: m["measure_type"] for m in read_rows(demo_dir / "measures.csv")}
    in_arrears = [
        p
        for p in read_rows(demo_dir / "postings.csv")
        if p["text"].endswith("12.2022") and types.get(p["measure_id"]) in arrears
    ]
    assert in_arrears and all(
        p["date"] in ("2022-12-31", "2023-03-01") or p["date"] >= "2023-03" for p in in_arrears
    )
    assert sum(p["date"] == "2022-12-31" for p in in_arrears) > 0.8 * len(in_arrears)


def test_salaries_have_a_holiday_pay_month(demo_dir: Path) -> None:
    salary = [p for p in read_rows(demo_dir / "postings.csv") if "(PPR)" in p["text"]]
    by_month = {p["date"][:7]: Decimal(p["amount"]) for p in salary}
    assert by_month["2023-05"] > by_month["2023-04"] * Decimal("1.05")


def test_planned_end_dates_differ_from_actual_ends(generated: Generated) -> None:
    m = generated.world.measures
    ended = (m.end < OPEN) & (m.planned_end > 0)
    early = (m.planned_end[ended] < m.end[ended]).mean()
    assert 0.5 < early < 0.95  # caseworkers are often optimistic, not always


def test_approvals_mostly_filled(generated: Generated) -> None:
    m = generated.world.measures
    missing = (m.approved_at < 0).mean()
    assert 0 < missing < 0.1
    approved = m.approved_at >= 0
    assert (m.approved_at[approved] <= m.start[approved]).all()
    assert date(2021, 1, 1) - timedelta(days=1) < d.to_date(int(m.start.max()))
