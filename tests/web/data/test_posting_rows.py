"""The ledger's row-by-row fast path (posting_rows.py): what it remembers per distinct
value (texts, accounts with cost centres) gives each row what the row alone would get."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ramme.importing.errors import CPR_REMOVED
from ramme.importing.readers import Table
from ramme.importing.specs import SPECS
from ramme.importing.validate import Converter
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.posting_rows import _PostingRows
from tests.web.test_import import CPR_A

HEADER = ["posting_id", "date", "account", "dranst", "cost_center", "amount", "text"]


def _fast(
    header: list[str] = HEADER,
) -> tuple[Callable[[list[str]], tuple[Any, ...] | None], Converter]:
    converter = Converter(SPECS["postings"], Table("p.csv", header, iter([])), b"k")
    return _PostingRows(ImportContext(cpr_key=b"k"), converter).fast_path(), converter


def test_a_repeated_text_is_scrubbed_and_counted_on_every_row(db: None) -> None:
    fast, converter = _fast()
    text = f"Faktura for {CPR_A} "
    rows = [fast([f"B{i}", "2024-01-02", "5.28.20", "1", "", "10", text]) for i in range(3)]
    assert [row[6] for row in rows if row] == [f"Faktura for {CPR_REMOVED}"] * 3
    assert converter.scrubbed == 3
    plain = fast(["B9", "2024-01-02", "5.28.20", "1", "", "10", " Faktura 12 "])
    assert plain is not None and plain[6] == "Faktura 12" and converter.scrubbed == 3


def test_a_cpr_shaped_cost_centre_or_a_long_text_goes_to_the_general_path_each_time(
    db: None,
) -> None:
    fast, _ = _fast()
    for i in range(2):
        assert fast([f"B{i}", "2024-01-02", "5.28.20", "1", CPR_A, "10", "x"]) is None
        assert fast([f"C{i}", "2024-01-02", "5.28.20", "1", "", "10", "x" * 501]) is None
    assert fast(["D1", "2024-01-02", "5.28.20", "1", "4711", "10", "x"]) is not None
    assert fast(["D2", "2024-01-02", "5.28.20", "1", "4711", "10", "x"]) is not None


def test_a_named_measure_gives_its_activity_and_an_unknown_one_the_general_path(
    db: None,
) -> None:
    header = [*HEADER, "measure_id", "provider_id"]
    converter = Converter(SPECS["postings"], Table("p.csv", header, iter([])), b"k")
    rows = _PostingRows(ImportContext(cpr_key=b"k"), converter)
    rows.measures, rows.providers, rows.mapper.by_measure = {"M1": 7}, {"P1": 8}, {7: 3}
    fast = rows.fast_path()
    found = fast(["B1", "2024-01-02", "5.28.20", "1", "", "10", "x", " M1 ", "P1"])
    assert found is not None and found[7:] == (7, None, 8, 3)
    assert fast(["B2", "2024-01-02", "5.28.20", "1", "", "10", "x", "M2", ""]) is None
    assert fast(["B3", "2024-01-02", "5.28.20", "1", "", "10", "x", "", "P2"]) is None
    unlinked = fast(["B4", "2024-01-02", "5.28.20", "1", "", "10", "x", "", ""])
    assert unlinked is not None and unlinked[7:9] == (None, None)
