"""Extreme values in a folder are refused with file, row and column; nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ramme.web.data.models import Posting
from ramme.web.data.services.importer import import_folder
from tests.web.test_import import FILES, write_folder


@pytest.mark.parametrize(
    ("file", "old", "new", "column"),
    [
        ("postings.csv", "19801.45", "99999999999999999999.99", "amount"),
        ("postings.csv", "2024-01-12", "0001-01-01", "date"),
        ("measures.csv", "2024-06-30", "9999-12-31", "end_date"),
        ("prices.csv", "2.650,00", "1.000.000.000.000,00", "amount"),
    ],
)
def test_an_implausible_value_is_refused_where_it_stands(
    db: None, tmp_path: Path, file: str, old: str, new: str, column: str
) -> None:
    files = dict(FILES)
    files[file] = files[file].replace(old, new, 1)
    result = import_folder(write_folder(tmp_path / "data", files))
    assert not result.ok
    # (a refused measure also leaves its prices without a measure: later errors)
    assert (result.errors[0].file, result.errors[0].column) == (file, column)
    assert result.errors[0].row >= 2 and not Posting.objects.exists()
