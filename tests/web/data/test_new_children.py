"""Children known only from a CPR number are written as plain rows (new_children.py): the
same columns and defaults a model instance would get, under the ids handed out at once."""

from __future__ import annotations

from datetime import date

import pytest

from ramme.core.cpr import facts
from ramme.web.data.models import Child
from ramme.web.data.services import new_children
from ramme.web.data.services.new_children import NewChildren

KEY = b"k"


def test_new_children_are_written_with_their_ids_and_the_model_defaults(db: None) -> None:
    Child.objects.create(key="C1", caseworker="alice")
    pending = NewChildren()
    first = pending.add(facts("010112-4001", KEY))
    second = pending.add(facts("610112-4003", KEY))  # a replacement number (day + 60)
    assert Child.objects.count() == 1  # nothing is written before the flush
    pending.flush()
    assert pending.pending == []
    rows = {c.pk: c for c in Child.objects.exclude(key="C1")}
    assert sorted(rows) == sorted([first, second])
    one, two = rows[first], rows[second]
    assert one.key == facts("010112-4001", KEY).pseudonym and two.replacement_cpr
    assert one.birth_date == date(2012, 1, 1) and not one.replacement_cpr
    defaults = Child()
    for field in ("caseworker", "team", "household", "extra"):
        assert getattr(one, field) == getattr(defaults, field), field
    assert one.valid_from_import is None  # no import number given (a dry run)
    later = Child.objects.create(key="C2")  # the table's own ids go on after the reserved
    assert later.pk > max(first, second)


def test_ids_come_in_blocks_and_a_block_is_reserved_once(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new_children, "BLOCK", 3)
    pending = NewChildren()
    ids = [pending.add(facts(f"0101{12 + i:02d}-4001", KEY)) for i in range(5)]
    assert len(set(ids)) == 5 and ids == sorted(ids)
    pending.flush()
    assert set(Child.objects.values_list("pk", flat=True)) == set(ids)


def test_new_children_carry_the_number_of_the_import_that_made_them(db: None) -> None:
    pending = NewChildren()
    pk = pending.add(facts("010112-4001", KEY))
    pending.flush(7)
    assert Child.objects.get(pk=pk).valid_from_import == 7
