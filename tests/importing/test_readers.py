"""CSV and XLSX readers: separators, encodings, broken files (ramme.importing.readers)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from ramme.importing.readers import ReadError, open_table


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    table = open_table(path)
    return table.header, list(table.rows)


def test_comma_utf8(tmp_path: Path) -> None:
    path = tmp_path / "providers.csv"
    path.write_text("provider_id,name,kind\nP1,Børnehuset Æblet,intern\n", encoding="utf-8")
    assert _read(path) == (["provider_id", "name", "kind"], [["P1", "Børnehuset Æblet", "intern"]])


def test_semicolon_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("provider_id;name\nP1;Søhuset, afd. 2\n".encode("utf-8-sig"))
    header, rows = _read(path)
    assert header == ["provider_id", "name"]  # the BOM is not part of the first name
    assert rows == [["P1", "Søhuset, afd. 2"]]


def test_windows_1252_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("Bilagsnr;Beløb;Tekst\n1;1.234,50;Ophold på Ærø\n".encode("cp1252"))
    header, rows = _read(path)
    assert header == ["Bilagsnr", "Beløb", "Tekst"]
    assert rows == [["1", "1.234,50", "Ophold på Ærø"]]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "tom"),
        (b"\n\n  \n", "tom"),
        (b"\xef\xbb\xbf", "tom"),
        (b"PK\x03\x04\x00\x00binary", "binær"),
    ],
)
def test_empty_and_binary_files_are_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        open_table(path)


def test_undefined_windows_1252_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"a,b\n\x81\x8d,\x90\n")
    with pytest.raises(ReadError):
        _read(path)


def test_xlsx_first_sheet_with_dates_and_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["posting_id", "date", "amount", "dranst", "text"])
    sheet.append(["B1", datetime(2024, 3, 31), 1234.5, 1, None])
    sheet.append(["B2", date(2024, 4, 1), -12, 2, "ok"])
    book.create_sheet("other").append(["ignored"])
    path = tmp_path / "postings.xlsx"
    book.save(path)
    header, rows = _read(path)
    assert header == ["posting_id", "date", "amount", "dranst", "text"]
    assert rows == [["B1", "2024-03-31", "1234.5", "1", ""], ["B2", "2024-04-01", "-12", "2", "ok"]]


def test_broken_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "postings.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip file")
    with pytest.raises(ReadError, match="XLSX"):
        open_table(path)
