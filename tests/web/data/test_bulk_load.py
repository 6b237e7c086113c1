"""A first load into empty tables (bulk_load.py): rows straight into the table, its
secondary indexes and (PostgreSQL) foreign keys built back afterwards; on a failed import
nothing is left, neither rows nor a missing index. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from django.db import connection

from ramme.web.data import models as m
from ramme.web.data.services import bulk_load
from ramme.web.data.services.importer import import_folder
from tests.web.test_import import CPR_A, FILES, write_folder

TABLES = [model._meta.db_table for model in (m.Child, m.Measure, m.PricePeriod, m.Event, m.Posting)]


def _catalogue() -> dict[str, list[str]]:
    """Per table: the definitions of its secondary indexes and foreign keys."""
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            rows = [sql for _, sql in bulk_load._secondary_indexes(cursor, table)]
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                    " WHERE conrelid = %s::regclass AND contype = 'f'",
                    [table],
                )
                rows += [f"{name} {sql}" for name, sql in cursor.fetchall()]
            found[table] = sorted(rows)
    return found


def test_a_first_import_builds_back_every_index_and_foreign_key(db: None, tmp_path: Path) -> None:
    before = _catalogue()
    assert all(before.values())  # every case table has secondary indexes to drop
    assert all(bulk_load.is_empty(t) for t in TABLES)
    result = import_folder(write_folder(tmp_path / "data"))
    assert result.ok, result.errors
    assert _catalogue() == before
    files = result.summary["files"]
    assert files["children"]["created"] == 2 and files["measures"]["created"] == 3
    assert files["prices"]["created"] == 3 and files["events"]["created"] == 3
    assert m.Measure.objects.get(measure_id="M1").child.key.startswith("p")  # a pseudonym
    assert not m.Child.objects.filter(key__contains=CPR_A[:6]).exists()


def test_a_bad_cpr_row_on_a_first_import_names_its_place_and_leaves_nothing(
    db: None, tmp_path: Path
) -> None:
    before = _catalogue()
    postings = FILES["postings.csv"] + "B9,2024-03-10,5.28.21,1,,1,x,,311399-1234,\n"
    result = import_folder(write_folder(tmp_path / "data", {**FILES, "postings.csv": postings}))
    assert not result.ok
    assert [str(e) for e in result.errors] == [
        "postings.csv, række 6, kolonne cpr: ugyldigt CPR-nummer"
    ]
    assert all(bulk_load.is_empty(t) for t in TABLES)  # children etc. were loaded, then undone
    assert _catalogue() == before
    assert import_folder(write_folder(tmp_path / "data")).ok  # the same tables load again
    assert _catalogue() == before
