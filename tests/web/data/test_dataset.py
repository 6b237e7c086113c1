"""Database → core records and the columnar ledger, in a fixed number of queries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from ramme.core.forecast import forecast, prepare
from ramme.core.records import PriceKind, PriceUnit
from ramme.web.data import models
from ramme.web.data.dataset import load_dataset, load_prepared


def _world(n: int = 3) -> None:
    line = models.ActivityLine.objects.create(name="Opholdssted", ladder_step="indgribende")
    models.ActivityLine.objects.create(name="Interne", ladder_step="oevrige", position=2)
    mtype = models.MeasureType.objects.create(
        code="OPH", name="Opholdssted", ladder_step="indgribende", activity=line
    )
    provider = models.Provider.objects.create(provider_id="P1", name="Sted", kind="ekstern")
    for i in range(n):
        child = models.Child.objects.create(
            key=f"c{i}", birth_date=date(2010, 1, 1), household="h1" if i < 2 else ""
        )
        m = models.Measure.objects.create(
            measure_id=f"m{i}",
            child=child,
            measure_type=mtype,
            provider=provider,
            start_date=date(2023, 1, 1),
            planned_end_date=date(2024, 12, 31),
        )
        models.PricePeriod.objects.create(
            measure=m, valid_from=date(2023, 1, 1), kind="base", amount=Decimal(1000), unit="day"
        )
        models.PricePeriod.objects.create(
            measure=m,
            valid_from=date(2024, 1, 1),
            valid_to=date(2024, 6, 30),
            kind="supplement",
            amount=Decimal(7000),
            unit="week",
        )
        for month in range(1, 4):
            models.Posting.objects.create(
                posting_id=f"p{i}-{month}",
                date=date(2024, month, 28),
                account="5.28.20",
                dranst=1,
                amount=Decimal(30_000),
                measure=m,
                activity=line,
            )
    models.PriceIndex.objects.create(year=2024, rate=Decimal("2.5"))
    models.Budget.objects.create(year=2024, activity=line, kind="vedtaget", amount=Decimal(900))
    models.Budget.objects.create(
        year=2024, activity=line, kind="korrigeret", date=date(2024, 2, 1), amount=Decimal(950)
    )
    models.Budget.objects.create(
        year=2024, activity=line, kind="korrigeret", date=date(2024, 5, 1), amount=Decimal(1000)
    )


@pytest.mark.django_db
def test_load_dataset_builds_the_core_records() -> None:
    _world()
    data = load_dataset()
    assert [a.name for a in data.activities] == ["Opholdssted", "Interne"]
    assert data.measure_types["OPH"].activity == "Opholdssted"
    m = next(x for x in data.measures if x.measure_id == "m0")
    assert m.child_key == "c0" and m.provider_id == "P1"
    assert {(p.kind, p.unit) for p in m.prices} == {
        (PriceKind.BASE, PriceUnit.DAY),
        (PriceKind.SUPPLEMENT, PriceUnit.WEEK),
    }
    assert data.children["c1"].household == "h1"
    assert len(data.postings) == 9 and data.postings[0].activity == "Opholdssted"
    budget = next(b for b in data.budgets if b.activity == "Opholdssted")
    assert (budget.adopted, budget.corrected) == (Decimal(900), Decimal(1000))
    assert data.price_index[2024] == Decimal("2.5")


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="packed columns are PostgreSQL's")
def test_the_packed_columns_come_in_binary_and_are_logged_as_queries() -> None:
    """Each table's numbers come packed in one bytea, read in binary on a cursor of its own
    (as text it would be hex, twice the size): the statements still show in Django's log,
    so the query-count tests count them, and the values are the object path's."""
    _world(3)
    with CaptureQueriesContext(connection) as captured:
        prep = load_prepared()
    packed = [q["sql"] for q in captured.captured_queries if "string_agg" in q["sql"]]
    assert len(packed) >= 3  # measures, prices, postings at least
    assert np.array_equal(prep.p_amount, prepare(load_dataset()).p_amount)


@pytest.mark.django_db
def test_loading_takes_the_same_few_queries_for_more_rows(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    _world(8)
    with django_assert_max_num_queries(12):
        load_dataset()
    with django_assert_max_num_queries(14):
        load_prepared()


@pytest.mark.django_db
def test_columnar_ledger_gives_the_same_forecast_as_posting_records() -> None:
    _world()
    as_of = date(2024, 3, 31)
    from_records = forecast(prepare(load_dataset()), as_of, simulations=30, seed=2)
    from_columns = forecast(load_prepared(), as_of, simulations=30, seed=2)
    assert from_columns.to_dict() == from_records.to_dict()
    assert from_columns.line("Opholdssted").actual == Decimal(270_000)


@pytest.mark.django_db
def test_postings_share_their_repeated_values() -> None:
    # millions of postings repeat their dates, texts, accounts and each measure's key: one
    # object each, not one per posting (the all-Denmark ledger held 1.8 GB more)
    _world()
    models.Posting.objects.update(text="Opholdssted 01.2024")
    postings = load_dataset().postings
    first, second = [p for p in postings if p.measure_id == "m0"][:2]
    assert first.posting_id != second.posting_id
    same = ("text", "account", "activity", "measure_id")
    assert all(getattr(first, name) is getattr(second, name) for name in same)
    dates = [p.date for p in postings]
    assert len({id(day) for day in dates}) == len(set(dates)) < len(dates)
