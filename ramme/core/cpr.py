"""CPR numbers (CPR-nummer): validation, birth date and the keyed pseudonym.

A CPR number never leaves this module: callers get a pseudonym and a birth month.

CPR numbers are found in every spelling seen in municipal exports: ``0102031234``,
``010203-1234``, ``010203 1234``, ``01.02.03-1234``, ``01-02-03-1234``, with Unicode
dashes (‐ ‑ – —, minus) or spaces (no-break, thin); only numbers whose first six digits are
a real date (or a replacement number's day + 60) count, so ordinary ids rarely match.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

REPLACEMENT_DAY_OFFSET = 60  # erstatningspersonnummer: day of birth + 60
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = " \t\u00a0\u2002\u2003\u2007\u2009\u200a\u202f"
_SEP = f"[{re.escape(_DASHES + _SPACES)}./]"
# Day, month, year (each optionally separated), then up to three separators ("010203 - 1234").
_DASHED = re.compile(rf"\d{{6}}[{re.escape(_DASHES)}]\d{{4}}")
_CPR_ANYWHERE = re.compile(
    rf"(?<!\d)(\d{{2}}){_SEP}?(\d{{2}}){_SEP}?(\d{{2}}){_SEP}{{0,3}}(\d{{4}})(?![\d])"
)


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


def _whole(cpr: str) -> re.Match[str]:
    match = _CPR_ANYWHERE.fullmatch(cpr.strip(_SPACES))
    if not match:
        raise CprError("ugyldigt CPR-nummer (forventet ddmmåå-xxxx)")
    return match


Parts = tuple[str, str, str, str]  # day, month, two-digit year, serial (digits)


def _date_of(found: Parts | re.Match[str]) -> tuple[date, bool] | None:
    parts = found.groups() if isinstance(found, re.Match) else found
    day, month, year2 = int(parts[0]), int(parts[1]), int(parts[2])
    replacement = day > REPLACEMENT_DAY_OFFSET
    if replacement:
        day -= REPLACEMENT_DAY_OFFSET
    year = _century(int(parts[3][0]), year2) + year2
    try:
        return date(year, month, day), replacement
    except ValueError:
        return None


def _parts(cpr: str) -> Parts:
    """The four digit groups of a whole CPR number in any spelling; the two spellings of
    nearly every export (``ddmmåå-xxxx``, ``ddmmååxxxx``) without the regex."""
    if cpr.isascii() and cpr.isdigit() and len(cpr) == 10:
        return cpr[:2], cpr[2:4], cpr[4:6], cpr[6:]
    if len(cpr) == 11 and cpr[6] == "-" and cpr.isascii():
        head, tail = cpr[:6], cpr[7:]
        if head.isdigit() and tail.isdigit():
            return head[:2], head[2:4], head[4:], tail
    # the regex takes every script's digits (a number typed in full-width or Arabic-Indic
    # digits is still the child's); they are read as the ASCII digits they stand for
    day, month, year2, serial = (_ascii(g) for g in _whole(cpr).groups())
    return day, month, year2, serial


def _ascii(digits: str) -> str:
    return digits if digits.isascii() else "".join(str(int(c)) for c in digits)


def birth_date_of(cpr: str) -> tuple[date, bool]:
    """Birth date and whether it is a replacement number (day + 60)."""
    return _birth_date(_parts(cpr))


def _birth_date(parts: Parts) -> tuple[date, bool]:
    found = _date_of(parts)
    if found is None:
        raise CprError("CPR-nummeret har en umulig fødselsdato")
    return found


def normalise(cpr: str) -> str:
    """The ten digits without dashes, dots or spaces."""
    return "".join(_parts(cpr))


def pseudonym(cpr: str, key: bytes) -> str:
    """A keyed, irreversible pseudonym for a CPR number (HMAC-SHA256, 20 hex chars)."""
    return _pseudonym(_parts(cpr), key)


def _pseudonym(parts: Parts, key: bytes) -> str:
    # hmac.digest is the one-shot C implementation: the same bytes as hmac.new, a fraction
    # of the time (an import computes one per distinct number)
    digits = "".join(parts).encode("ascii")
    return "p" + hmac.digest(key, digits, hashlib.sha256).hex()[:20]


def birth_month(born: date) -> date:
    """The first of the birth month: all ramme keeps of a birth date.

    The forecast's age limits (18, 23) then fall at the start of the birth month, at most
    30 days early; without the day, a stolen pseudonym key needs 30 times more guesses
    per child to turn a pseudonym back into a CPR number.
    """
    return born.replace(day=1)


def facts(cpr: str, key: bytes) -> CprFacts:
    """Everything ramme keeps of a CPR number (the birth date as its month's first day)."""
    parts = _parts(cpr)  # read once for the birth date and the pseudonym
    born, replacement = _birth_date(parts)
    return CprFacts(_pseudonym(parts, key), born.replace(day=1), replacement)  # birth_month


def find_cpr(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a CPR number in any spelling (start, end).

    A number counts when its first six digits are a real date; in the CPR office's own
    spelling ``ddmmåå-xxxx`` it counts whatever the date, since nothing else is written so.
    """
    return [
        m.span()
        for m in _CPR_ANYWHERE.finditer(text)
        if _DASHED.fullmatch(m[0]) or _date_of(m) is not None
    ]


def looks_like_cpr(text: str) -> bool:
    """True if ``text`` holds a CPR number in any spelling (ids, names, free text)."""
    # Most texts hold no ten digits in a row at all: one regex search rules them out
    # before find_cpr looks at each candidate's date.
    return may_hold_cpr(text) and bool(find_cpr(text))


def may_hold_cpr(text: str) -> bool:
    """False when ``text`` surely holds no CPR number (no ten digits in any spelling of
    one): one regex search, before ``find_cpr`` looks at each candidate's date."""
    return len(text) >= 10 and _CPR_ANYWHERE.search(text) is not None


def scrub(text: str, replacement: str) -> tuple[str, int]:
    """``text`` with every CPR number replaced by ``replacement``, and how many."""
    if not may_hold_cpr(text):
        return text, 0
    spans = find_cpr(text)
    for start, end in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text, len(spans)
