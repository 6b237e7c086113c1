"""The ledger import's fast path and bulk writers (posting_rows, ledger_writers)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db import DatabaseError, connection

from ramme.importing import parsing
from ramme.importing.readers import Table
from ramme.importing.specs import SPECS
from ramme.importing.validate import Converter
from ramme.web.data.models import Posting
from ramme.web.data.services import postings
from ramme.web.data.services.background import BackgroundSender
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.importer import import_folder
from ramme.web.data.services.posting_rows import _PostingRows, posting_batches
from tests.web.test_import import FILES, write_folder

HEADER = ["posting_id", "date", "account", "dranst", "cost_center", "amount", "text", "extra"]
ROWS = [
    ["B1", "2024-01-02", "5.28.20", "1", "", "1234.50", "Faktura 1", ""],
    ["B2", "31.03.2024", "5.28.21", "1", "FB", "1.234,50-", "kort", "x"],
    ["B3", " 02/01/2024 ", " 5.28.20 ", " 1 ", " FB ", " 1.000 ", " tekst ", ""],
    ["B4", "2024-01-02", "5.28.22", "2", "", "7", "barn 150310-4123 i tekst", "0207154567"],
    ["B1", "2024-01-02", "5.28.20", "1", "", "1", "", ""],  # duplicate key
    ["B5", "31.02.2024", "5.28.20", "1", "", "1", "", ""],  # impossible date
    ["B6", "2024-01-02", "5.28.20", "3", "", "1", "", ""],  # unknown dranst
    ["B7", "2024-01-02", "5.28.20", "1", "", "12,3,4", "", ""],  # bad amount
    ["B8", "2024-01-02", "", "1", "", "1", "", ""],  # missing account
    ["B9" * 40, "2024-01-02", "5.28.20", "1", "", "1", "", ""],  # key too long
    ["B10", "2024-01-02", "5.28.20", "1", "", "12.345", "", ""],  # twelve thousand
    ["B11", "2024-01-02", "5.28.20", "1", "x" * 51, "1", "", ""],  # cost centre too long
    ["B12", "2024-01-02", "5.28.20"],  # short row
    ["", "", "", "", "", "", "", ""],  # blank row: skipped
    ["B13", "2/1/2024", "5.28.20", "1", "", "-0.5", "", ""],
    ["B14", "2024-01-02", "5.28.20", "1", "", "-1.000,5", "", ""],
    ["B15", "2024-01-02", "5.28.20", "1", "", "0,05-", "", ""],
    ["B16", "2024-01-02", "5.28.20", "1", "", "12,345", "", ""],
    ["B17", "2024-01-02", "5.28.20", "1", "", "1\xa0234,50", "", ""],
    ["B18", "2024-01-02", "5.28.20", "1", "", "-1.234,50-", "", ""],  # two signs
]


def _run(
    fast: bool, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[Any, ...]], list[str], int]:
    if not fast:
        monkeypatch.setattr(_PostingRows, "fast_path", lambda self: lambda cells: None)
    ctx = ImportContext(cpr_key=b"k")
    converter = Converter(SPECS["postings"], Table("p.csv", HEADER, iter(ROWS)), b"k")
    batches = posting_batches(ctx, converter, converter.numbered_cells(), 4)
    rows = [row for batch in batches for row in batch]
    monkeypatch.undo()
    errors = [str(e) for e in sorted(converter.errors + ctx.errors, key=lambda e: e.row)]
    return rows, errors, converter.scrubbed


def test_the_fast_path_gives_the_general_paths_rows_and_errors(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _run(True, monkeypatch)
    general = _run(False, monkeypatch)
    assert fast == general
    rows, errors, scrubbed = fast
    assert [r[0] for r in rows] == ["B1", "B2", "B3", "B4", "B10"] + [
        f"B{i}" for i in range(13, 18)
    ]
    amounts = [Decimal(r[5]) for r in rows[-4:]]
    assert amounts == [Decimal("-1000.5"), Decimal("-0.05"), Decimal("12.345"), Decimal("1234.5")]
    assert {r[0]: (r[1], Decimal(r[5])) for r in rows}["B3"] == ("2024-01-02", Decimal(1000))
    assert Decimal(rows[1][5]) == Decimal("-1234.50") and rows[1][1] == "2024-03-31"
    assert "[CPR fjernet]" in rows[3][6] and scrubbed == 2  # text and unknown column
    assert len(errors) == 10 and "p.csv, række 6, kolonne posting_id: dubletnøgle «B1»" in errors


def _ledger_folder(folder: Path, rows: list[str]) -> Path:
    header = "posting_id,date,account,dranst,cost_center,amount,text\n"
    files = {"activities.csv": FILES["activities.csv"], "postings.csv": header + "".join(rows)}
    return write_folder(folder, files)


def _line(i: int, amount: str = "10.50") -> str:
    return f"X{i},2024-0{1 + i % 9}-15,5.28.2{i % 3},{1 + (i % 7 == 0)},,{amount},Tekst {i}\n"


def _indexes() -> set[str]:
    """Indexes and foreign keys of the ledger table (a load drops and restores them)."""
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Posting._meta.db_table)
    return {name for name, info in found.items() if info["index"] or info["foreign_key"]}


def test_batches_load_then_merge_with_exact_counts(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postings, "BATCH", 4)
    indexes = _indexes()
    first = import_folder(_ledger_folder(tmp_path / "a", [_line(i) for i in range(10)]))
    assert first.ok and first.summary["files"]["postings"]["created"] == 10
    assert _indexes() == indexes  # the indexes dropped for the load are back
    activities = dict(Posting.objects.values_list("posting_id", "activity__name"))
    assert activities["X0"] == "Statsrefusion" and activities["X3"] == "Opholdssted"
    assert activities["X1"] is None  # 5.28.21 maps only with cost centre FB
    lines = [_line(i, "99" if i in (2, 8) else "10.50") for i in range(12)]
    again = import_folder(_ledger_folder(tmp_path / "b", lines))
    counts: dict[str, Any] = again.summary["files"]["postings"]
    assert (counts["created"], counts["updated"], counts["unchanged"]) == (2, 2, 8)
    assert Posting.objects.get(posting_id="X8").amount == 99
    assert Posting.objects.count() == 12


def test_an_error_in_a_late_batch_writes_nothing(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postings, "BATCH", 3)
    indexes = _indexes()
    lines = [_line(i) for i in range(9)] + ["X99,2024-01-01,5.28.20,1,,abc,\n"]
    result = import_folder(_ledger_folder(tmp_path / "a", lines))
    assert not result.ok
    assert [str(e) for e in result.errors] == [
        "postings.csv, række 11, kolonne amount: ugyldigt beløb «abc»"
    ]
    assert Posting.objects.count() == 0 and _indexes() == indexes


def test_the_background_writer_writes_in_order_and_hands_back_errors(db: None) -> None:
    written: list[int] = []
    sender = BackgroundSender(lambda batch: written.extend(r[0] for r in batch))
    for i in range(5):
        sender.put([(i,), (i + 10,)])
    sender.join()
    assert written == [0, 10, 1, 11, 2, 12, 3, 13, 4, 14]

    def fail(batch: list[tuple[Any, ...]]) -> None:
        # the driver's own error; django-stubs do not declare the wrapper's DB-API module
        raise connection.Database.IntegrityError("boom")  # type: ignore[attr-defined]

    failing = BackgroundSender(fail)
    failing.put([(1,)])
    with pytest.raises(DatabaseError, match="boom"):  # as Django's error, for the importer
        failing.join()


def test_a_database_error_while_loading_is_reported_and_undone(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite stores any number in a decimal column")
    monkeypatch.setattr(postings, "BATCH", 2)
    indexes = _indexes()
    lines = [_line(i) for i in range(5)] + [_line(5, "123456789012345.00")]
    refused = import_folder(_ledger_folder(tmp_path / "z", lines))  # the bound at the door
    assert [(e.row, e.column) for e in refused.errors] == [(7, "amount")]
    # Lifted here, so the amount reaches the database and overflows its column there.
    monkeypatch.setattr(parsing, "MAX_AMOUNT", Decimal(10) ** 30)
    result = import_folder(_ledger_folder(tmp_path / "a", lines))
    assert not result.ok and "databasefejl" in str(result.errors[0])
    assert Posting.objects.count() == 0 and _indexes() == indexes
    assert import_folder(_ledger_folder(tmp_path / "b", lines[:5])).ok
    again = import_folder(_ledger_folder(tmp_path / "c", lines))  # merge through staging
    assert not again.ok and "overflow" in str(again.errors[0])
    assert Posting.objects.count() == 5
