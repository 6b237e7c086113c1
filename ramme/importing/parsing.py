"""Danish numbers, dates, yes/no and CPR numbers as found in municipal exports.

Every parser takes the cell text and returns a value or raises ParseError with a Danish
reason. The common machine formats (``1234.50``, ``2024-03-31``) take a fast path.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ramme.core import cpr as cpr_core
from ramme.importing.errors import ParseError, quote

_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_DANISH_NUMBER = re.compile(r"^(-)?(\d{1,3}(?:[. ]\d{3})*|\d+)(?:,(\d+))?(-)?$")
# Money has at most two decimals, so ``1.000`` is a thousand (Danish), not one.
_THOUSANDS_ONLY = re.compile(r"^-?\d{1,3}\.\d{3}$")
_DMY = re.compile(r"^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$")
# Bounds at the door (issue 13): a value the database or a page cannot hold is refused here,
# with file, row and column, instead of failing later without them.
MAX_AMOUNT = Decimal(10) ** 12  # kr.; the database holds 12 digits before the decimals
MAX_DECIMAL = Decimal(1000)  # rates (%) and hours a week
MAX_INT = 2_000_000_000  # a 32-bit integer column
FIRST_YEAR, LAST_YEAR = 1900, 2100
_YES = {"ja", "j", "yes", "y", "1", "true", "sand", "x"}
_NO = {"nej", "n", "no", "0", "false", "falsk"}


def parse_amount(text: str) -> Decimal:
    """An amount (beløb): ``1234.5``, ``1.234,50``, ``1 234,50``, ``-1.234,50``, ``1.234,50-``;
    numerically below 10^12 kr."""
    number = _amount(text)
    if abs(number) >= MAX_AMOUNT:
        raise ParseError(f"beløbet {quote(text)} er urimeligt stort (højst ±1.000 mia. kr.)")
    return number


def _amount(text: str) -> Decimal:
    value = text.strip()
    if _PLAIN_NUMBER.match(value) and not _THOUSANDS_ONLY.match(value):
        return Decimal(value)
    compact = value.replace("\xa0", " ")
    match = _DANISH_NUMBER.match(compact)
    if not match or (match[1] and match[4]):
        raise ParseError(f"ugyldigt beløb {quote(text)}")
    whole = match[2].replace(".", "").replace(" ", "")
    number = Decimal(f"{whole}.{match[3]}" if match[3] else whole)
    return -number if (match[1] or match[4]) else number


def parse_decimal(text: str) -> Decimal:
    """A plain decimal number such as a rate or hours a week (``2.125`` is 2.125 here),
    numerically below 1000 (the contract's rates in % and hours a week)."""
    try:
        number = Decimal(text.strip()) if _PLAIN_NUMBER.match(text.strip()) else _amount(text)
    except ParseError:
        raise ParseError(f"ugyldigt tal {quote(text)}") from None
    if abs(number) >= MAX_DECIMAL:
        raise ParseError(f"tallet {quote(text)} er urimeligt stort (højst 999)")
    return number


def parse_int(text: str) -> int:
    value = text.strip()
    if value.endswith(".0"):  # spreadsheets store whole numbers as floats
        value = value[:-2]
    try:
        number = int(value) if len(value) <= 12 else MAX_INT + 1
    except ValueError:
        raise ParseError(f"ugyldigt heltal {quote(text)}") from None
    if abs(number) > MAX_INT:
        raise ParseError(f"tallet {quote(text)} er urimeligt stort")
    return number


_DATE_CACHE: dict[str, date | None] = {}
_DATE_CACHE_SIZE = 50_000


def parse_date(text: str) -> date | None:
    """A date: ``2024-03-31``, ``31-03-2024``, ``31.03.2024`` or ``31/03/2024``; blank is none.

    A ledger repeats the same few hundred dates, so parsed dates are remembered.
    """
    found = _DATE_CACHE.get(text)
    if found is not None:
        return found
    value = _parse_date(text)
    if len(_DATE_CACHE) < _DATE_CACHE_SIZE:
        _DATE_CACHE[text] = value
    return value


def _parse_date(text: str) -> date | None:
    value = _calendar_date(text)
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ParseError(f"datoen {quote(text)} ligger uden for {FIRST_YEAR}-{LAST_YEAR}")
    return value


def _calendar_date(text: str) -> date | None:
    value = text.strip()
    if not value:
        return None
    try:
        if len(value) == 10 and value[4] == "-":
            return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
        if len(value) == 19 and value[4] == "-" and value[10] in " T":  # XLSX datetime cell
            return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
        match = _DMY.match(value)
        if match:
            return date(int(match[4]), int(match[3]), int(match[1]))
    except ValueError:
        raise ParseError(f"umulig dato {quote(text)}") from None
    raise ParseError(f"ugyldig dato {quote(text)} (forventet fx 31.03.2024 eller 2024-03-31)")


def parse_bool(text: str) -> bool | None:
    """``ja``/``nej`` (also yes/no, 1/0); blank is unknown."""
    value = text.strip().lower()
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ParseError(f"ugyldig værdi {quote(text)} (forventet ja eller nej)")


def parse_cpr(text: str, key: bytes) -> cpr_core.CprFacts:
    """Pseudonym, birth date and replacement flag; the error never repeats the number."""
    try:
        return cpr_core.facts(text, key)
    except cpr_core.CprError:
        raise ParseError("ugyldigt CPR-nummer") from None
