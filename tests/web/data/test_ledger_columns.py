"""The ledger read as columns (one query straight into numpy) holds, row for row, what the
posting objects say: day, amount, line and measure index (-1 where none)."""

from __future__ import annotations

import numpy as np

from ramme.web.data.dataset import load_dataset, load_ledger
from ramme.web.data.models import Posting
from ramme.web.data.services.importer import import_folder
from tests.web.forecasts.conftest import EXAMPLE


def test_the_columns_match_the_posting_objects(db: None) -> None:
    assert import_folder(EXAMPLE).ok
    dataset = load_dataset(postings=False)
    ledger = load_ledger(dataset)
    lines = [a.name for a in dataset.activities]
    measures = [m.measure_id for m in dataset.measures if m.measure_type in dataset.measure_types]
    expected = [
        (
            p.date.toordinal(),
            float(p.amount),
            lines.index(p.activity.name) if p.activity else -1,
            p.dranst,
            measures.index(p.measure.measure_id) if p.measure else -1,
        )
        for p in Posting.objects.select_related("activity", "measure").order_by("pk")
    ]
    assert len(expected) > 100 and any(e[4] == -1 for e in expected)
    assert any(e[4] >= 0 for e in expected)
    got = list(
        zip(
            ledger.day.tolist(),
            ledger.amount.tolist(),
            ledger.activity.tolist(),
            ledger.dranst.tolist(),
            ledger.measure.tolist(),
            strict=True,
        )
    )
    assert sorted(got) == sorted(expected)
    assert ledger.day.dtype == np.int64 and ledger.amount.dtype == np.float64
