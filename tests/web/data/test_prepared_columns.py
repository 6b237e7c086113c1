"""Issue 12, "columns, not objects": ``load_prepared`` reads the forecast arrays as columns,
and every array equals the record path's ``prepare(load_dataset(postings=False),
load_ledger(...))``, now and as known after an earlier import, on a synthetic world with
CPR numbers, households, an unknown and a 29 February birth date and the municipality's
own aftercare code (the demo: ``tests/web/demo/test_prepared_columns.py``)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ramme.core.forecast import Prepared, forecast, prepare
from ramme.core.records import Dataset
from ramme.web.data import models
from ramme.web.data.dataset import load_dataset, load_ledger, load_prepared
from ramme.web.data.services.importer import import_folder
from ramme.web.data.versions import Corrected, Known, latest_import_number
from ramme.worlds.files import write_world
from ramme.worlds.registry import get

OWN_AFTERCARE = "EGEN-EFT"  # a municipality's own aftercare code (RAMME_AFTERCARE_BASES)


def by_records(known_at: Known | None = None) -> Prepared:
    """The arrays as they were built before: records first, then ``prepare``."""
    dataset = load_dataset(postings=False, known_at=known_at)
    return prepare(dataset, load_ledger(dataset, known_at))


def assert_same_arrays(new: Prepared, old: Prepared) -> None:
    """Every field of ``Prepared`` (and of its ledger) equal, with the same dtype."""
    for f in fields(Prepared):
        if f.name in ("master", "full"):
            continue
        got, want = getattr(new, f.name), getattr(old, f.name)
        parts = [(f.name, got, want)]
        if f.name == "ledger":
            parts = [(f"ledger.{g.name}", getattr(got, g.name), getattr(want, g.name))
                     for g in fields(got)]  # fmt: skip
        for name, a, b in parts:
            if isinstance(b, np.ndarray):
                assert a.dtype == b.dtype and a.shape == b.shape, name
                assert np.array_equal(a, b), name
            else:
                assert a == b, name
    master, whole = new.master, old.dataset
    assert master.activities == whole.activities and master.budgets == whole.budgets
    assert master.measure_types == whole.measure_types
    assert master.price_index == whole.price_index
    assert master.aftercare_bases == whole.aftercare_bases


def _refused() -> Dataset:
    raise AssertionError("the forecast read the whole dataset")


def assert_same_forecast(new: Prepared, old: Prepared, as_of: date) -> None:
    """The same forecast, without the columns' Prepared ever reading the whole Dataset."""
    columns = forecast(replace(new, full=_refused), as_of, simulations=20, seed=1)
    assert columns.to_dict() == forecast(old, as_of, simulations=20, seed=1).to_dict()


def _plant(settings: Any) -> None:
    """What the world's files lack: shared households, an unknown and a 29 February birth
    date, and measures under the municipality's own aftercare code."""
    settings.AFTERCARE_BASES = [OWN_AFTERCARE.lower()]
    keys = list(models.Child.objects.order_by("key").values_list("key", flat=True))
    assert len(keys) > 20
    for i, key in enumerate(keys[:12]):
        models.Child.objects.filter(key=key).update(household=f"hh{i // 3}")
    models.Child.objects.filter(key=keys[12]).update(birth_date=None)
    models.Child.objects.filter(key=keys[13]).update(birth_date=date(2008, 2, 29))
    some = models.Measure.objects.order_by("measure_id").values_list("pk", flat=True)[:5]
    models.Measure.objects.filter(pk__in=list(some)).update(legal_basis=OWN_AFTERCARE)


@pytest.fixture
def two_imports(db: None, tmp_path: Path, settings: Any) -> int:
    """A world imported as exported four months before its final export, then finally."""
    spec = get("lundholm", 0.08)
    early = write_world(spec, tmp_path / "early", known_at=spec.final_day - timedelta(120))
    assert import_folder(early).ok
    first = latest_import_number()
    assert first is not None
    assert import_folder(write_world(spec, tmp_path / "final")).ok
    _plant(settings)
    return first


@pytest.mark.slow
def test_the_columns_are_the_records_arrays(two_imports: int) -> None:
    first = two_imports
    latest = latest_import_number()
    assert latest is not None and latest > first
    for known_at in (None, first, latest, Corrected(latest, first)):
        new, old = load_prepared(known_at), by_records(known_at)
        assert len(new.measure_ids) > 50 and len(new.p_measure) > len(new.measure_ids) / 2
        assert_same_arrays(new, old)
    new, old = load_prepared(), by_records()
    assert len(set(new.m_household.tolist())) < len(new.measure_ids)  # households shared
    assert new.m_aftercare.any() and (new.m_age18 == 10**7).any()
    assert_same_forecast(new, old, date(2025, 6, 30))
    # a legal basis over two lines (a quoted CSV cell may hold one): PostgreSQL's packed
    # text column cannot be split into rows, so the measures are read row by row
    first_measure = models.Measure.objects.order_by("measure_id").first()
    assert first_measure is not None
    first_measure.legal_basis = "SEL § 76,\nstk. 3"
    first_measure.save()
    assert_same_arrays(load_prepared(), by_records())


@pytest.mark.slow
def test_the_whole_dataset_is_read_only_when_asked_for(two_imports: int) -> None:
    prep = load_prepared(two_imports)
    assert not prep.master.measures and not prep.master.children  # the rows: not read
    assert prep.dataset == load_dataset(postings=False, known_at=two_imports)
    assert prep.dataset is prep.dataset  # read once
