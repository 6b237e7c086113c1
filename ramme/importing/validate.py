"""Validation of one contract file: header check, cell parsing and row rules.

``Converter`` turns the text cells of a row into typed values, collecting every error
(file, row, column, reason) instead of stopping at the first. ``validate_table`` returns
``(rows, errors)`` for the small files; the ledger is streamed through ``Converter.rows``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ramme.core.cpr import CprFacts, looks_like_cpr
from ramme.importing import parsing
from ramme.importing.errors import ParseError, RowError, quote, scrub_cpr
from ramme.importing.readers import ReadError, Table
from ramme.importing.specs import UNIT_NAMES, Column, FileSpec


@dataclass(slots=True)
class Row:
    """A validated row: its number in the file, typed values and the unknown columns."""

    number: int
    values: dict[str, Any]
    extra: dict[str, str] = field(default_factory=dict)


def _choice(column: Column) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = text.strip().lower()
        if value not in column.choices:
            allowed = UNIT_NAMES if column.name == "unit" else ", ".join(sorted(column.choices))
            what = {"unit": "enhed", "dranst": "dranst"}.get(column.name, "værdi")
            raise ParseError(f"ukendt {what} {quote(text)} (tilladt: {allowed})")
        return value

    return parse


# Unknown columns are kept with the row (``extra``); a file may not grow the database
# without bound through them.
MAX_EXTRA_COLUMNS = 50
MAX_EXTRA_CHARS = 2000
MAX_EXTRA_NAME = 100

CPR_IN_ID = (
    "ligner et CPR-nummer og afvises: et id eller en kode må ikke være et CPR-nummer "
    "(et barn angives med kolonnen cpr, der bliver til et pseudonym)"
)


def _text(column: Column) -> Callable[[str], str]:
    # Ids and codes become keys, URLs and log lines, so a CPR number there is refused;
    # free text is cleaned instead (Converter.convert) and the import warns.
    refuse_cpr = not column.free_text

    def parse(text: str) -> str:
        value = text.strip()
        if len(value) > column.max_length:
            raise ParseError(f"teksten er for lang (højst {column.max_length} tegn)")
        if refuse_cpr and looks_like_cpr(value):
            raise ParseError(CPR_IN_ID)
        return value

    return parse


# A Copenhagen-size import names some 160,000 children; a cap keeps a whole country's
# import from holding every number's facts at once (beyond it, facts are computed again).
CPR_CACHE_LIMIT = 300_000


def cached_cpr(text: str, cpr_key: bytes, cache: dict[str, CprFacts]) -> CprFacts:
    """``parsing.parse_cpr``, computed once per distinct spelling of a number (the cache
    lives as long as one import; a bad number raises every time, with its row)."""
    found = cache.get(text)
    if found is None:
        found = parsing.parse_cpr(text, cpr_key)
        if len(cache) < CPR_CACHE_LIMIT:
            cache[text] = found
    return found


SCRUB_CACHE_LIMIT = 50_000  # distinct free-text values remembered per file
MEMO_LIMIT = 50_000  # distinct texts per column whose parsed value is remembered
_MISSING = object()

_PARSERS: dict[str, Callable[[str], Any]] = {
    "amount": parsing.parse_amount,
    "decimal": parsing.parse_decimal,
    "int": parsing.parse_int,
    "date": parsing.parse_date,
    "bool": parsing.parse_bool,
}


class Converter:
    """Typed rows from a table of one contract file (CPR numbers become pseudonym facts)."""

    def __init__(
        self,
        spec: FileSpec,
        table: Table,
        cpr_key: bytes,
        cpr_cache: dict[str, CprFacts] | None = None,
    ) -> None:
        self.spec, self.table, self.file = spec, table, table.name
        # one pseudonym and birth date per distinct CPR number, shared by the files of an
        # import (the ledger names the same children thousands of times)
        self.cpr_cache: dict[str, CprFacts] = {} if cpr_cache is None else cpr_cache
        self.errors: list[RowError] = []
        self.scrubbed = 0
        self._seen: set[Any] = set()
        self._scrubs: dict[str, tuple[str, int]] = {}
        names = [name.strip().lower().lstrip("\ufeff") for name in table.header]
        by_name = {name: i for i, name in enumerate(names) if name}
        self._cells: list[tuple[int, Column, Callable[[str], Any]]] = []
        for column in spec.columns:
            if column.name in by_name:
                parser = self._parser(column, cpr_key, self.cpr_cache)
                self._cells.append((by_name[column.name], column, parser))
            elif column.required:
                self.errors.append(RowError(self.file, 1, column.name, "kolonnen mangler"))
        if spec.child == "required" and not {"child_id", "cpr"} & by_name.keys():
            self.errors.append(
                RowError(self.file, 1, "child_id", "kolonnen child_id eller cpr mangler")
            )
        self._extra = self._extra_columns(table, names)
        self.header_ok = not self.errors
        self._plan = self._make_plan()
        present = {c.name for _, c, _ in self._cells}
        self._absent = {
            c.name: "" if c.kind in ("text", "key") else None
            for c in spec.columns
            if c.name not in present
        }
        self._rules = ROW_RULES.get(spec.name)
        self._child_required = spec.child == "required"
        self._single_key = spec.key[0] if len(spec.key) == 1 and spec.key[0] != "child" else ""

    def _extra_columns(self, table: Table, names: list[str]) -> list[tuple[int, str]]:
        """The unknown columns (index, name); an error when there are too many."""
        extra = [
            (i, table.header[i].strip()[:MAX_EXTRA_NAME])
            for i, n in enumerate(names)
            if n and n not in self.spec.column_names
        ]
        if len(extra) > MAX_EXTRA_COLUMNS:
            self.errors.append(
                RowError(
                    self.file,
                    1,
                    "",
                    f"filen har {len(extra)} ukendte kolonner; højst {MAX_EXTRA_COLUMNS} "
                    "gemmes (fjern dem, eller vælg kolonnerne med en tilknytningsprofil)",
                )
            )
        return extra

    def _make_plan(self) -> list[tuple[Any, ...]]:
        """What the hot loop reads per column, as plain tuples rather than attributes."""
        return [
            (
                i,
                c.name,
                parse,
                c.required,
                "" if c.kind in ("text", "key") else None,
                c.free_text,
                *self._memo(c),
            )
            for i, c, parse in self._cells
        ]

    def _memo(self, column: Column) -> tuple[dict[str, Any], int]:
        """Where a column's parsed values are remembered by their text, and how many.

        Dates, codes, amounts and names repeat down a file, and each parser is a pure
        function of the text, so each distinct text is parsed once (a bad one raises every
        time, with its row). CPR numbers use the import's shared ``cpr_cache``; a single key
        column (every value distinct) remembers nothing (a limit of 0).
        """
        if column.kind == "cpr":
            return self.cpr_cache, CPR_CACHE_LIMIT
        return {}, 0 if self.spec.key == (column.name,) else MEMO_LIMIT

    @staticmethod
    def _parser(column: Column, cpr_key: bytes, cache: dict[str, CprFacts]) -> Callable[[str], Any]:
        if column.kind == "cpr":
            # the memo (``_memo``: the shared cache) holds the numbers already seen
            return lambda text: parsing.parse_cpr(text, cpr_key)
        if column.kind == "choice":
            return _choice(column)
        return _PARSERS.get(column.kind) or _text(column)

    def rows(self) -> Iterator[Row]:
        """Every row whose cells all parse; errors for the others land in ``errors``."""
        for number, cells in self.numbered_cells():
            row = self.convert(number, cells)
            if row is not None:
                yield row

    def numbered_cells(self) -> Iterator[tuple[int, list[str]]]:
        """The raw non-blank rows and their numbers, for callers with their own fast path."""
        if not self.header_ok:
            return
        try:
            for number, cells in enumerate(self.table.rows, start=2):
                if cells and (cells[0] or any(cells)):  # blank lines of spreadsheets
                    yield number, cells
        except ReadError as exc:
            self.errors.append(RowError(self.file, exc.row, "", str(exc)))

    def index_of(self, name: str) -> int | None:
        """The cell index of a contract column in this file, None when it is absent."""
        return next((i for i, column, _ in self._cells if column.name == name), None)

    def scrub_cache(self) -> dict[str, tuple[str, int]]:
        """The free texts scrubbed so far (``scrubbed_text``), for a fast path's look-up."""
        return self._scrubs

    def seen_set(self) -> set[Any]:
        """The keys seen so far, for a fast path that checks single-column keys itself."""
        return self._seen

    @property
    def has_extra(self) -> bool:
        return bool(self._extra)

    def extra_scrub(self, cells: list[str]) -> bool:
        """Count CPR numbers in the unknown columns (a fast path does not keep them);
        False when a value is too long, so the general path reports it."""
        if any(len(cells[i]) > MAX_EXTRA_CHARS for i, _ in self._extra if i < len(cells)):
            return False
        self._extra_of(cells)
        return True

    def convert(self, number: int, cells: list[str]) -> Row | None:
        """Typed values of one row, or None (and errors) when a cell or rule fails."""
        values: dict[str, Any] = self._absent.copy()
        ok = True
        width = len(cells)
        for index, name, parse, required, blank, free_text, memo, limit in self._plan:
            text = cells[index] if index < width else ""
            if not text or text.isspace():
                if required:
                    self._error(number, name, "værdi mangler")
                    ok = False
                values[name] = blank
                continue
            value = memo.get(text, _MISSING)
            if value is _MISSING:
                try:
                    value = parse(text)
                except ParseError as exc:
                    self._error(number, name, str(exc))
                    ok = False
                    continue
                if free_text:  # remembered with its count of scrubbed CPR numbers
                    value = scrub_cpr(value)
                if len(memo) < limit:
                    memo[text] = value
            if free_text:
                value, count = value
                self.scrubbed += count
            values[name] = value
        if self._extra:
            ok = self._check_extra(number, cells) and ok
        if not (ok and self._check_row(number, values)):
            return None
        return Row(number, values, self._extra_of(cells) if self._extra else {})

    def scrubbed_text(self, text: str) -> tuple[str, int]:
        """``scrub_cpr`` of a free-text value, worked out once per distinct value (names of
        caseworkers, teams, legal bases and ledger texts repeat on every row)."""
        found = self._scrubs.get(text)
        if found is None:  # scrub_cpr rules out a text without ten digits by one search
            found = scrub_cpr(text)
            if len(self._scrubs) < SCRUB_CACHE_LIMIT:
                self._scrubs[text] = found
        return found

    def _check_extra(self, number: int, cells: list[str]) -> bool:
        too_long = [n for i, n in self._extra if i < len(cells) and len(cells[i]) > MAX_EXTRA_CHARS]
        for name in too_long:
            self._error(number, name, f"teksten er for lang (højst {MAX_EXTRA_CHARS} tegn)")
        return not too_long

    def _extra_of(self, cells: list[str]) -> dict[str, str]:
        extra = {}
        for index, name in self._extra:
            if index < len(cells) and cells[index].strip():
                value, count = scrub_cpr(cells[index].strip())
                self.scrubbed += count
                extra[name] = value
        return extra

    def _check_row(self, number: int, values: dict[str, Any]) -> bool:
        ok = True
        if self._child_required and not (values.get("child_id") or values.get("cpr")):
            self._error(number, "child_id", "child_id eller cpr skal udfyldes")
            ok = False
        if self._rules is not None:
            for column, reason in self._rules(values):
                self._error(number, column, reason)
                ok = False
        if self._single_key:  # the common case, and a bare string saves memory
            key: Any = values.get(self._single_key)
            parts: tuple[Any, ...] = (key,)
        elif ok and self.spec.key:
            parts = tuple(_key_part(values, name) for name in self.spec.key)
            key = parts[0] if len(parts) == 1 else parts
        else:
            return ok
        if ok:
            if key in self._seen:
                shown = ", ".join(str(part) for part in parts if part is not None)
                column = self.spec.key[0]
                if column == "child":
                    column = "cpr" if values.get("cpr") is not None else "child_id"
                self._error(number, column, f"dubletnøgle {quote(shown)}")
                return False
            self._seen.add(key)
        return ok

    def _error(self, number: int, column: str, reason: str) -> None:
        self.errors.append(RowError(self.file, number, column, reason))


def _key_part(values: dict[str, Any], name: str) -> Any:
    if name == "child":
        cpr = values.get("cpr")
        return cpr.pseudonym if cpr is not None else values.get("child_id")
    return values.get(name)


def _measure_rules(values: dict[str, Any]) -> list[tuple[str, str]]:
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        return [("end_date", "slutdato ligger før startdato")]
    return []


def _price_rules(values: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    start, end = values.get("valid_from"), values.get("valid_to")
    if start and end and end < start:
        problems.append(("valid_to", "valid_to ligger før valid_from"))
    amount = values.get("amount")
    if amount is not None and amount < 0:
        problems.append(("amount", "negativ pris"))
    if values.get("unit") == "hour" and not values.get("hours_per_week"):
        problems.append(("hours_per_week", "en timepris kræver hours_per_week"))
    return problems


def _rate_rules(values: dict[str, Any]) -> list[tuple[str, str]]:
    year = values.get("year")
    if year is not None and not 1900 <= year <= 2200:
        return [("year", f"urimeligt år {quote(str(year))}")]
    return []


def _ordered(first: str, last: str, reason: str) -> Callable[[dict[str, Any]], list[Any]]:
    """A rule that ``last`` (when given) is not before ``first``."""

    def rule(values: dict[str, Any]) -> list[tuple[str, str]]:
        start, end = values.get(first), values.get(last)
        return [(last, reason)] if start and end and end < start else []

    return rule


def _not_negative(*names: str) -> Callable[[dict[str, Any]], list[tuple[str, str]]]:
    def rule(values: dict[str, Any]) -> list[tuple[str, str]]:
        return [(n, "må ikke være negativ") for n in names if (values.get(n) or 0) < 0]

    return rule


def _population_rules(values: dict[str, Any]) -> list[tuple[str, str]]:
    problems = _rate_rules(values) + _not_negative("count")(values)
    age = values.get("age")
    if age is not None and not 0 <= age <= 125:
        problems.append(("age", f"urimelig alder {quote(str(age))}"))
    return problems


def _staff_rules(values: dict[str, Any]) -> list[tuple[str, str]]:
    problems = _ordered("valid_from", "valid_to", "valid_to ligger før valid_from")(values)
    problems += _not_negative("places", "staff")(values)
    if values.get("places") is None and values.get("staff") is None:
        problems.append(("places", "places eller staff skal udfyldes"))
    return problems


def _events_rules(values: dict[str, Any]) -> list[tuple[str, str]]:
    return _ordered("date", "end_date", "end_date ligger før date")(values)


ROW_RULES: dict[str, Callable[[dict[str, Any]], list[tuple[str, str]]]] = {
    "measures": _measure_rules,
    "prices": _price_rules,
    "price_index": _rate_rules,
    "budget": _rate_rules,
    "events": _events_rules,
    "population": _population_rules,
    "benchmark": _rate_rules,
    "waiting": _ordered("since", "until", "until ligger før since"),
    "staff": _staff_rules,
}


def validate_table(
    spec: FileSpec, table: Table, cpr_key: bytes
) -> tuple[list[Row], list[RowError]]:
    """All valid rows of a (small) file and every error found."""
    converter = Converter(spec, table, cpr_key)
    rows = list(converter.rows())
    return rows, converter.errors
