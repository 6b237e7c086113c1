"""The quality rules on the ledger as columns find what they find on a record per posting,
in whatever order the rows come (the database sends them unsorted)."""

from __future__ import annotations

import random
from datetime import date

import numpy as np

from ramme.core.money import from_ore, to_ore
from ramme.core.quality import check
from ramme.core.quality.ledger import QualityLedger
from ramme.core.records import Posting
from tests.core.quality.test_rules import AS_OF, dataset


def _shuffled_columns(postings: tuple[Posting, ...], seed: int) -> QualityLedger:
    """The linked postings as a database sends them: in any order, named by a row id."""
    linked = [p for p in postings if p.measure_id]
    random.Random(seed).shuffle(linked)
    ids = {mid: i for i, mid in enumerate(sorted({p.measure_id or "" for p in linked}))}
    code = np.array([ids[p.measure_id or ""] for p in linked], dtype=np.int64)
    refs = np.arange(1000, 1000 + len(linked), dtype=np.int64)  # not 0..n: row ids
    by_ref = {int(r): p.posting_id for r, p in zip(refs, linked, strict=True)}
    return QualityLedger.from_columns(
        ids,
        code,
        np.array([p.date.toordinal() for p in linked], dtype=np.int64),
        np.array([to_ore(p.amount) for p in linked], dtype=np.int64),
        refs,
        lambda rows: [by_ref[int(r)] for r in rows],
        [p for p in postings if p.child_key and not p.measure_id],
        min(p.date for p in postings),
    )


def test_the_rules_on_shuffled_columns_find_what_they_find_on_the_records() -> None:
    data = dataset()
    for day in (date(2023, 3, 31), date(2023, 12, 31), AS_OF):
        expected = check(data, day)
        for seed in range(3):
            assert check(data, day, ledger=_shuffled_columns(data.postings, seed)) == expected
    assert {f.kind for f in check(data, AS_OF)} >= {"payment_after_end", "price_deviation"}


def test_up_to_keeps_only_what_was_known_on_the_day() -> None:
    ledger = QualityLedger.from_postings(dataset().postings)
    known = ledger.up_to(date(2022, 12, 31))
    assert len(known.day) and known.day.max() <= date(2022, 12, 31).toordinal()
    assert len(known.day) < len(ledger.day)
    assert ledger.up_to(date(2000, 1, 1)).first_day is None
    starts, stops = known.bounds()
    assert (stops > starts).any()
    for code, (start, stop) in enumerate(zip(starts.tolist(), stops.tolist(), strict=True)):
        assert (known.code[start:stop] == code).all()  # that measure's rows
        assert (np.diff(known.day[start:stop]) >= 0).all()  # by date


def test_amounts_go_to_ore_and_back_exactly() -> None:
    from decimal import Decimal

    for text in ("0.29", "-1234.56", "1000", "4000.00", "0.01"):
        assert from_ore(to_ore(Decimal(text))) == Decimal(text)
