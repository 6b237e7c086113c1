"""Age limits: aftercare from the legal basis, and whether a type stops at 18 learned from
the municipality's history (ramme.core.forecast.age_limits)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest

from ramme.core.forecast import forecast, prepare
from ramme.core.forecast.age_limits import learn
from ramme.core.forecast.known import state_at
from ramme.core.records import Child, Measure
from tests.core.forecast.builders import dataset, measure

AS_OF = date(2024, 6, 30)


def _committed(
    measures: list[Measure],
    children: list[Child],
    mid: str,
    aftercare_bases: frozenset[str] | None = None,
) -> Decimal:
    data = dataset(measures, children=children)
    if aftercare_bases is not None:
        data = dataclasses.replace(data, aftercare_bases=aftercare_bases)
    fc = forecast(data, AS_OF, simulations=0)
    committed: Decimal = next(r["committed"] for r in fc.measures.rows() if r["measure_id"] == mid)
    return committed


def _young(mid: str, basis: str, born: date = date(2005, 3, 1)) -> tuple[Measure, Child]:
    m = dataclasses.replace(
        measure(mid, date(2023, 3, 1), mtype="KP", daily=500), legal_basis=basis
    )
    return m, Child(m.child_key, born)


@pytest.mark.parametrize(
    "basis",
    ["Serviceloven § 76, stk. 3", "SEL § 76 stk. 2", "Barnets lov § 114", "BL §114", "BL-114"],
)
def test_an_aftercare_basis_runs_to_the_23rd_birthday_in_both_code_sets(basis: str) -> None:
    m, child = _young("a", basis)  # 19 years old on the as-of date
    assert _committed([m], [child], "a") == Decimal(500 * 184)  # 1 July - 31 December


def test_a_municipalitys_own_aftercare_code_comes_from_configuration() -> None:
    m, child = _young("a", "EGEN-EFTERVÆRN", born=date(2006, 8, 1))  # turns 18 in August
    assert _committed([m], [child], "a") == Decimal(500 * 31)  # the 18-year rule
    own = frozenset({"egen-efterværn"})
    assert _committed([m], [child], "a", aftercare_bases=own) == Decimal(500 * 184)


def test_without_an_aftercare_basis_the_18_year_rule_holds() -> None:
    m, child = _young("a", "Barnets lov § 52", born=date(2006, 8, 1))  # turns 18 on 1 August
    assert _committed([m], [child], "a") == Decimal(500 * 31)  # 1-31 July


def test_an_active_measure_long_past_18_is_taken_to_run_on() -> None:
    m, child = _young("a", "", born=date(2005, 3, 1))  # 18 in March 2023, no end registered
    assert _committed([m], [child], "a") == Decimal(500 * 184)


def _history(went_on: bool, n: int = 5) -> tuple[list[Measure], list[Child]]:
    """Contact persons of children who turned 18 in 2022, ending at or long after it."""
    measures, children = [], []
    for i in range(n):
        born = date(2004, 1, 10 + i)
        age18 = date(2022, 1, 10 + i) - timedelta(days=1)
        end = age18 + timedelta(days=300) if went_on else age18
        m = measure(f"h{i}", date(2020, 1, 1), end, mtype="KP", daily=500)
        measures.append(m)
        children.append(Child(m.child_key, born))
    return measures, children


def test_a_type_whose_measures_went_on_past_18_is_not_cut_at_the_birthday() -> None:
    history, kids = _history(went_on=True)
    m, child = _young("a", "", born=date(2006, 8, 1))
    assert _committed([*history, m], [*kids, child], "a") == Decimal(500 * 184)
    prep = prepare(dataset([*history, m], children=[*kids, child]))
    limits = learn(prep, state_at(prep, AS_OF))
    assert limits.overruled(prep.type_codes) == [("KP", 5, 0)]


def test_a_type_whose_measures_stopped_at_18_keeps_the_rule() -> None:
    history, kids = _history(went_on=False)
    m, child = _young("a", "", born=date(2006, 8, 1))
    assert _committed([*history, m], [*kids, child], "a") == Decimal(500 * 31)
    prep = prepare(dataset([*history, m], children=[*kids, child]))
    assert learn(prep, state_at(prep, AS_OF)).overruled(prep.type_codes) == []


def test_two_cases_do_not_overrule_the_rule() -> None:
    history, kids = _history(went_on=True, n=2)
    m, child = _young("a", "", born=date(2006, 8, 1))
    assert _committed([*history, m], [*kids, child], "a") == Decimal(500 * 31)
