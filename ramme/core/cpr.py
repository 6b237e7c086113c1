"""CPR numbers (CPR-nummer): validation, birth date and the keyed pseudonym.

A CPR number never leaves this module: callers get a pseudonym and a birth date.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

_CPR_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})-?(\d{4})\s*$")
REPLACEMENT_DAY_OFFSET = 60  # erstatningspersonnummer: day of birth + 60


class CprError(ValueError):
    """The text is not a valid CPR number (the message never repeats the number)."""


@dataclass(frozen=True)
class CprFacts:
    """What may be kept of a CPR number: pseudonym, birth date, replacement flag."""

    pseudonym: str
    birth_date: date
    is_replacement: bool


def _century(seventh_digit: int, year2: int) -> int:
    """The century from the 7th digit (the CPR office's rule)."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if year2 <= 36 else 1900
    return 2000 if year2 <= 57 else 1800


def birth_date_of(cpr: str) -> tuple[date, bool]:
    """Birth date and whether it is a replacement number (day + 60)."""
    match = _CPR_RE.match(cpr)
    if not match:
        raise CprError("ugyldigt CPR-nummer (forventet ddmmåå-xxxx)")
    day, month, year2 = int(match[1]), int(match[2]), int(match[3])
    replacement = day > REPLACEMENT_DAY_OFFSET
    if replacement:
        day -= REPLACEMENT_DAY_OFFSET
    year = _century(int(match[4][0]), year2) + year2
    try:
        return date(year, month, day), replacement
    except ValueError:
        raise CprError("CPR-nummeret har en umulig fødselsdato") from None


def normalise(cpr: str) -> str:
    """The ten digits without dash or spaces."""
    match = _CPR_RE.match(cpr)
    if not match:
        raise CprError("ugyldigt CPR-nummer (forventet ddmmåå-xxxx)")
    return "".join(match.groups())


def pseudonym(cpr: str, key: bytes) -> str:
    """A keyed, irreversible pseudonym for a CPR number (HMAC-SHA256, 20 hex chars)."""
    digest = hmac.new(key, normalise(cpr).encode("ascii"), hashlib.sha256).hexdigest()
    return "p" + digest[:20]


def facts(cpr: str, key: bytes) -> CprFacts:
    """Everything ramme keeps of a CPR number."""
    born, replacement = birth_date_of(cpr)
    return CprFacts(pseudonym(cpr, key), born, replacement)


def looks_like_cpr(text: str) -> bool:
    """True if ``text`` holds a CPR-shaped number (used to keep them out of free text)."""
    return bool(re.search(r"(?<!\d)\d{6}-?\d{4}(?!\d)", text))
