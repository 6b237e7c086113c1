"""Import of the initiative portfolio from XLSX (or CSV): all rows or nothing.

Columns (case-insensitive, as in the city strategy): Fokusområde, Delstrategi, Problem,
Handling, Årlige forventede udgifter, Finansiering, Forventet effekt,
Implementeringsforudsætninger, Anbefalet implementeringsstart, and one ``Budgetbehov <år>``
column per year. A blank Fokusområde or Delstrategi repeats the row above (the original
tables merge those cells), and so does a blank Problem within the same sub-strategy.
An initiative is known by focus area, sub-strategy and action, so importing the same file
twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from ramme.importing.errors import ParseError, RowError, quote
from ramme.importing.parsing import parse_amount, parse_int
from ramme.importing.readers import ReadError, open_table
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.reports.models import Initiative
from ramme.web.reports.services.portfolio import save_initiative

COLUMNS = {
    "fokusområde": "focus_area",
    "delstrategi": "sub_strategy",
    "problem": "problem",
    "handling": "action",
    "årlige forventede udgifter": "yearly_cost_text",
    "finansiering": "financing",
    "forventet effekt": "expected_effect",
    "implementeringsforudsætninger": "prerequisites",
    "anbefalet implementeringsstart": "start_year",
}
REQUIRED = ("Fokusområde", "Delstrategi", "Handling")
BUDGET_COLUMN = re.compile(r"^budgetbehov\s*(\d{4})$")
LIMITS = {"action": 300, "yearly_cost_text": 300, "financing": 300}


@dataclass
class ParsedInitiative:
    row: int
    focus_area: str
    sub_strategy: str
    fields: dict[str, object] = field(default_factory=dict)
    needs: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)


def _header_map(
    name: str, header: list[str]
) -> tuple[dict[int, str], dict[int, int], list[RowError]]:
    fields: dict[int, str] = {}
    years: dict[int, int] = {}
    for index, title in enumerate(header):
        key = " ".join(title.strip().lower().split())
        if key in COLUMNS:
            fields[index] = COLUMNS[key]
        elif match := BUDGET_COLUMN.match(key):
            years[index] = int(match[1])
    present = {
        COLUMNS[" ".join(h.strip().lower().split())]
        for h in header
        if " ".join(h.strip().lower().split()) in COLUMNS
    }
    errors = [
        RowError(name, 1, title, "kolonnen mangler")
        for title in REQUIRED
        if COLUMNS[title.lower()] not in present
    ]
    return fields, years, errors


def _cost(text: str) -> Decimal | None:
    """The yearly cost as an amount when the cell is a plain number, else only text."""
    try:
        return parse_amount(text) if text.strip() else None
    except ParseError:
        return None


def _parse_row(
    name: str,
    number: int,
    values: dict[str, str],
    needs_text: dict[int, str],
    errors: list[RowError],
) -> ParsedInitiative:
    item = ParsedInitiative(number, values.get("focus_area", ""), values.get("sub_strategy", ""))
    for key in (
        "problem",
        "action",
        "yearly_cost_text",
        "financing",
        "expected_effect",
        "prerequisites",
    ):
        text = values.get(key, "").strip()
        if len(text) > LIMITS.get(key, 10_000):
            errors.append(RowError(name, number, key, f"teksten er over {LIMITS[key]} tegn"))
        item.fields[key] = text
    item.fields["yearly_cost"] = _cost(values.get("yearly_cost_text", ""))
    start = values.get("start_year", "").strip()
    item.fields["start_year"] = None
    if start:
        try:
            year = parse_int(start)
            if not 1900 <= year <= 2200:
                raise ParseError(f"årstallet {quote(start)} er ikke et år")
            item.fields["start_year"] = year
        except ParseError as error:
            errors.append(RowError(name, number, "Anbefalet implementeringsstart", str(error)))
    for year, text in needs_text.items():
        if text.strip():
            try:
                item.needs[year] = parse_amount(text)
            except ParseError as error:
                errors.append(RowError(name, number, f"Budgetbehov {year}", str(error)))
    return item


def read_portfolio(path: Path) -> tuple[list[ParsedInitiative], list[RowError]]:
    """Rows of the portfolio file and every error found (file, row, column, reason)."""
    try:
        table = open_table(path)
    except ReadError as error:
        return [], [RowError(path.name, 0, "", str(error))]
    fields, years, errors = _header_map(table.name, table.header)
    if errors:
        return [], errors
    items: list[ParsedInitiative] = []
    seen: dict[tuple[str, str, str], int] = {}
    previous: dict[str, str] = {}
    for number, raw in enumerate(table.rows, start=2):
        values = {fields[i]: (raw[i] if i < len(raw) else "").strip() for i in fields}
        if not any(values.values()) and not any(raw[i] for i in years if i < len(raw)):
            continue  # blank line
        for key in ("focus_area", "sub_strategy"):
            values[key] = values.get(key) or previous.get(key, "")
        same_sub = (values["focus_area"], values["sub_strategy"]) == (
            previous.get("focus_area"),
            previous.get("sub_strategy"),
        )
        if not values.get("problem") and same_sub:
            values["problem"] = previous.get("problem", "")
        for title, column in (
            ("Fokusområde", "focus_area"),
            ("Delstrategi", "sub_strategy"),
            ("Handling", "action"),
        ):
            if not values.get(column):
                errors.append(RowError(table.name, number, title, "skal udfyldes"))
        needs_text = {year: (raw[i] if i < len(raw) else "") for i, year in years.items()}
        item = _parse_row(table.name, number, values, needs_text, errors)
        identity = (
            item.focus_area.lower(),
            item.sub_strategy.lower(),
            str(item.fields["action"]).lower(),
        )
        if identity in seen:
            errors.append(
                RowError(
                    table.name, number, "Handling", f"samme initiativ som række {seen[identity]}"
                )
            )
        seen[identity] = number
        previous = values
        items.append(item)
    return items, errors


def _snapshot(initiative: Initiative | None) -> tuple[object, ...] | None:
    if initiative is None:
        return None
    needs = tuple(sorted((n.year, n.amount) for n in initiative.budget_needs.all()))
    return (*(getattr(initiative, k) for k in Initiative.DESCRIPTION), needs)


def import_portfolio(path: Path, user: User | None = None) -> ImportResult:
    """Import the file; with any error nothing is changed and the errors are returned."""
    items, errors = read_portfolio(path)
    result = ImportResult(errors=errors)
    if errors:
        return result
    with transaction.atomic():
        for item in items:
            existing = Initiative.objects.filter(
                sub_strategy__focus_area__name=item.focus_area,
                sub_strategy__name=item.sub_strategy,
                action=item.fields["action"],
            ).first()
            before = _snapshot(existing)
            saved = save_initiative(
                existing, item.focus_area, item.sub_strategy, item.fields, item.needs, user
            )
            after = _snapshot(Initiative.objects.get(pk=saved.pk))
            if existing is None:
                result.created += 1
            elif before == after:
                result.unchanged += 1
            else:
                result.updated += 1
        counts = f"{result.created} nye, {result.updated} ændrede, {result.unchanged} uændrede"
        record_access(user, AuditEvent.Action.IMPORT, "portfolio", path.name[:200], counts)
    return result
