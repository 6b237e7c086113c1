"""Bounds at the door: values the database or a page cannot hold are refused at import."""

from __future__ import annotations

from pathlib import Path

import pytest

from ramme.importing.errors import ParseError
from ramme.importing.parsing import parse_amount, parse_date, parse_decimal, parse_int
from ramme.importing.readers import ReadError, open_table
from ramme.importing.specs import SPECS
from ramme.importing.validate import MAX_EXTRA_CHARS, MAX_EXTRA_COLUMNS, validate_table


@pytest.mark.parametrize(
    "text", ["99999999999999999999.99", "1.000.000.000.000,00", "-1000000000000", "1e400"]
)
def test_amounts_beyond_a_thousand_billion_are_refused(text: str) -> None:
    with pytest.raises(ParseError):
        parse_amount(text)


def test_the_largest_plausible_amount_is_kept() -> None:
    assert parse_amount("999.999.999.999,99") == parse_amount("999999999999.99")


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "31.12.1899", "01.01.2101"])
def test_dates_outside_1900_to_2100_are_refused(text: str) -> None:
    with pytest.raises(ParseError, match="1900-2100"):
        parse_date(text)


def test_huge_integers_and_rates_are_refused() -> None:
    with pytest.raises(ParseError):
        parse_int("9" * 30)
    with pytest.raises(ParseError):
        parse_decimal("12345")


def test_a_windows_1252_file_is_recognised_after_64_kb_of_ascii(tmp_path: Path) -> None:
    path = tmp_path / "providers.csv"
    rows = "".join(f"P{i},Leverandør,intern\n" for i in range(5000)).encode("ascii", "replace")
    path.write_bytes(b"provider_id,name,kind\n" + rows + "P9,Søhuset,intern\n".encode("cp1252"))
    assert len(rows) > 1 << 16
    table = open_table(path)
    assert list(table.rows)[-1] == ["P9", "Søhuset", "intern"]


def test_a_field_over_128_kb_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "providers.csv"
    path.write_text(f'provider_id,name,kind\nP1,ok,intern\nP2,"{"x" * 200_000}",intern\n')
    table = open_table(path)
    _rows, errors = validate_table(SPECS["providers"], table, b"k")
    assert [e.row for e in errors] == [3] and "længere end" in errors[0].reason


def test_too_many_unknown_columns_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "providers.csv"
    extra = ",".join(f"x{i}" for i in range(MAX_EXTRA_COLUMNS + 1))
    path.write_text(f"provider_id,name,kind,{extra}\nP1,ok,intern\n")
    _rows, errors = validate_table(SPECS["providers"], open_table(path), b"k")
    assert errors and errors[0].row == 1 and "ukendte kolonner" in errors[0].reason


def test_a_long_unknown_value_is_an_error_on_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "providers.csv"
    path.write_text(f"provider_id,name,kind,note\nP1,ok,intern,{'y' * (MAX_EXTRA_CHARS + 1)}\n")
    rows, errors = validate_table(SPECS["providers"], open_table(path), b"k")
    assert not rows and (errors[0].row, errors[0].column) == (2, "note")


def test_read_error_keeps_its_row() -> None:
    assert ReadError("x", 7).row == 7
