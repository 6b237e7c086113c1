"""Readers for CSV and XLSX files: a header and a stream of rows of text cells.

CSV: comma, semicolon or tab (detected from the header line); UTF-8 with or without BOM,
or Windows-1252 (detected over the whole file: one character outside UTF-8 anywhere means
Windows-1252). XLSX: the first sheet, first row is the
header. Rows are streamed so a million-row ledger file is never held in memory.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

SAMPLE_BYTES = 1 << 16
SUFFIXES = (".csv", ".xlsx")
MAX_FIELD_CHARS = 1 << 17  # a cell longer than this (128 KB) is refused with its line
csv.field_size_limit(MAX_FIELD_CHARS)


class ReadError(Exception):
    """The file as a whole cannot be read (empty, binary, broken); message in Danish.

    ``row`` is the line where reading stopped, when known (0: the file as a whole)."""

    def __init__(self, message: str, row: int = 0) -> None:
        super().__init__(message)
        self.row = row


@dataclass
class Table:
    """A header (as written) and an iterator of data rows; row 2 is the first data row."""

    name: str
    header: list[str]
    rows: Iterator[list[str]]


def open_table(path: Path, encoding: str | None = None, delimiter: str | None = None) -> Table:
    """Open a CSV or XLSX file for streaming; raises ReadError for an unreadable file."""
    if not path.is_file():
        raise ReadError("filen findes ikke")
    if path.suffix.lower() == ".xlsx":
        return _open_xlsx(path)
    return _open_csv(path, encoding, delimiter)


def detect_encoding(sample: bytes) -> str:
    """``utf-8-sig`` when the sample is UTF-8 (BOM or not), else ``cp1252``."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def detect_file_encoding(path: Path) -> str:
    """``utf-8-sig`` when the whole file is UTF-8, else ``cp1252``.

    An export can be plain ASCII for megabytes before its first ``æ``; deciding from the
    first block alone would then read a Windows-1252 file as UTF-8 and fail half-way.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as raw:
        try:
            while block := raw.read(1 << 20):
                decoder.decode(block, final=False)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def detect_delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _open_csv(path: Path, encoding: str | None, delimiter: str | None) -> Table:
    with path.open("rb") as raw:
        sample = raw.read(SAMPLE_BYTES)
    if b"\x00" in sample:
        raise ReadError("filen er binær (ikke en CSV-tekstfil)")
    if not sample.strip().removeprefix(codecs.BOM_UTF8).strip():
        raise ReadError("filen er tom")
    encoding = encoding or detect_file_encoding(path)
    handle = path.open(encoding=encoding, newline="", errors="strict")
    try:
        first = handle.readline()
    except UnicodeDecodeError:
        handle.close()
        raise ReadError(f"filen kan ikke læses som tekst ({encoding})") from None
    handle.seek(0)
    reader = csv.reader(handle, delimiter=delimiter or detect_delimiter(first))
    try:
        header = next(reader)
    except (StopIteration, csv.Error, UnicodeDecodeError):
        handle.close()
        raise ReadError("filen har ingen læsbar overskriftsrække") from None
    return Table(path.name, header, _csv_rows(reader, handle, encoding))


def _csv_rows(reader: Any, handle: io.TextIOBase, encoding: str) -> Iterator[list[str]]:
    try:
        yield from reader
    except UnicodeDecodeError:
        raise ReadError(f"filen indeholder tegn, der ikke kan læses som {encoding}") from None
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ReadError(
                f"et felt er længere end {MAX_FIELD_CHARS:,} tegn".replace(",", "."),
                reader.line_num,
            ) from None
        raise ReadError(f"CSV-filen er ugyldig ({exc})", reader.line_num) from None
    finally:
        handle.close()


def _open_xlsx(path: Path) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [cell_text(value) for value in next(rows)]
    except StopIteration:
        raise ReadError("regnearket er tomt") from None
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ReadError("XLSX-filen er ødelagt eller ikke et regneark") from None
    return Table(path.name, header, _xlsx_rows(rows, book))


def _xlsx_rows(rows: Iterator[tuple[Any, ...]], book: Any) -> Iterator[list[str]]:
    try:
        for values in rows:
            yield [cell_text(value) for value in values]
    except Exception:
        raise ReadError("XLSX-filen er ødelagt eller ikke et regneark") from None
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a CSV file would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        # Spreadsheet floats carry binary noise (0.30000000000000004); six decimals is plenty.
        return str(int(value)) if value.is_integer() else f"{value:.6f}".rstrip("0")
    return str(value).strip()
