"""Import errors (fejl) as data: file, row, column and a Danish reason; never a CPR number."""

from __future__ import annotations

from dataclasses import dataclass

from ramme.core import cpr

CPR_REMOVED = "[CPR fjernet]"


def scrub_cpr(text: str) -> tuple[str, int]:
    """``text`` with every CPR number (any spelling) replaced, and how many were replaced."""
    return cpr.scrub(text, CPR_REMOVED)


@dataclass(frozen=True)
class RowError:
    """One bad cell, row or file. ``row`` 1 is the header; 0 means the whole file."""

    file: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.row:
            parts.append(f"række {self.row}")
        if self.column:
            parts.append(f"kolonne {self.column}")
        return scrub_cpr(", ".join(parts) + f": {self.reason}")[0]


class ParseError(ValueError):
    """A value that cannot be read; the message is the Danish reason."""


def quote(value: str) -> str:
    """A value for an error message, CPR-shaped numbers removed and long text cut."""
    shown = scrub_cpr(value)[0]
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"«{shown}»"
