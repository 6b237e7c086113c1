"""Mapping profiles (importprofiler): TOML files that turn a real export into contract files.

A profile names, per contract file, the source file in the folder, how to read it, and how
each contract column is made from the source columns: a rename, a date format, a regex
that picks part of a column (the account out of a Prisme account string), a constant or a
value map. Source columns the profile does not use are kept as unknown columns.
See docs/importing.md for the format.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ramme.importing.errors import RowError
from ramme.importing.readers import Table
from ramme.importing.specs import SPECS

Cell = Callable[[list[str]], str]


@dataclass
class FileProfile:
    """How one contract file is made from a source file."""

    contract: str
    source: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    columns: dict[str, Any] = field(default_factory=dict)


@dataclass
class Profile:
    name: str
    files: dict[str, FileProfile]


def load_profile(path: Path) -> tuple[Profile | None, list[RowError]]:
    """The profile in ``path``, or the errors that make it unusable."""
    label = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [RowError(label, 0, "", "profilen findes ikke")]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return None, [RowError(label, 0, "", f"profilen er ikke gyldig TOML ({exc})")]
    errors: list[RowError] = []
    files: dict[str, FileProfile] = {}
    for contract, body in (data.get("files") or {}).items():
        if contract not in SPECS or not isinstance(body, dict):
            errors.append(RowError(label, 0, contract, "ukendt kontraktfil i profilen"))
            continue
        columns = body.get("columns") or {}
        for column, rule in columns.items():
            errors.extend(_check_rule(label, contract, column, rule))
        files[contract] = FileProfile(
            contract, body.get("source", ""), body.get("encoding"), body.get("delimiter"), columns
        )
    return (None if errors else Profile(str(data.get("name", label)), files)), errors


def _check_rule(label: str, contract: str, column: str, rule: Any) -> list[RowError]:
    where = f"{contract}.{column}"
    if isinstance(rule, str):
        return []
    if not isinstance(rule, dict) or not ({"column", "constant"} & rule.keys()):
        return [RowError(label, 0, where, "en kolonneregel skal have column eller constant")]
    if "regex" in rule:
        try:
            re.compile(rule["regex"])
        except re.error as exc:
            return [RowError(label, 0, where, f"ugyldigt regulært udtryk ({exc})")]
    return []


def apply_profile(table: Table, profile: FileProfile) -> Table:
    """A table with contract columns made by the profile plus the unused source columns."""
    names = {name.strip().lower(): i for i, name in enumerate(table.header)}
    used: set[int] = set()
    makers: list[Cell] = []
    header: list[str] = []
    for column, rule in profile.columns.items():
        rule = {"column": rule} if isinstance(rule, str) else rule
        source = rule.get("column")
        index = names.get(str(source).strip().lower(), -1) if source is not None else -1
        if source is not None and index < 0:
            continue  # the converter reports the contract column as missing
        if index >= 0:
            used.add(index)
        header.append(column)
        makers.append(_maker(index, rule))
    made = {name.lower() for name in header}
    rest = [
        i
        for i, name in enumerate(table.header)
        if i not in used and name.strip().lower() not in made
    ]
    header.extend(table.header[i] for i in rest)
    return Table(table.name, header, _rows(table.rows, makers, rest))


def _rows(rows: Iterator[list[str]], makers: list[Cell], rest: list[int]) -> Iterator[list[str]]:
    for cells in rows:
        width = len(cells)
        made = [make(cells) for make in makers]
        made.extend(cells[i] if i < width else "" for i in rest)
        yield made


def _maker(index: int, rule: dict[str, Any]) -> Cell:
    if index < 0:
        constant = str(rule.get("constant", ""))
        return lambda cells: constant
    steps = _steps(rule)

    def make(cells: list[str]) -> str:
        value = cells[index].strip() if index < len(cells) else ""
        for step in steps:
            value = step(value)
        return value

    return make


def _steps(rule: dict[str, Any]) -> list[Callable[[str], str]]:
    steps: list[Callable[[str], str]] = []
    if "regex" in rule:
        pattern, template = re.compile(rule["regex"]), rule.get("template")
        steps.append(lambda v: _pick(pattern, template, v))
    if "format" in rule:
        steps.append(lambda v: _reformat_date(v, rule["format"]))
    if "map" in rule:
        mapping = {str(k).strip().lower(): str(v) for k, v in rule["map"].items()}
        steps.append(lambda v: mapping.get(v.lower(), v))
    if "default" in rule:
        default = str(rule["default"])
        steps.append(lambda v: v or default)
    return steps


def _pick(pattern: re.Pattern[str], template: str | None, value: str) -> str:
    match = pattern.search(value)
    if match is None:
        return ""
    if template is not None:
        return match.expand(template)
    return match.group(1) if pattern.groups else match.group(0)


def _reformat_date(value: str, fmt: str) -> str:
    """ISO date from ``fmt``; text that does not fit is left for the validator to report."""
    if not value:
        return value
    try:
        return datetime.strptime(value, fmt).date().isoformat()
    except ValueError:
        return value
