"""The command side of the request layer: ``--as-of`` and ``--json`` of every ``ramme``
command, read as the pages read ``?dato=`` (one date parser, one default opgørelsesdato).

A command declares ``add_as_of(parser)`` and ``add_json(parser)``, reads
``as_of_option(options)`` and ends with ``write_json(self.stdout, payload)``, so
``ramme forecast``, ``reconcile``, ``check-data``, ``benchmark`` and ``report`` take the same
dates with the same Danish messages and print JSON the same way.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol

from ramme.web.front.danish_input import date_argument, default_as_of

AS_OF_HELP = (
    "opgørelsesdato DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (standard: ultimo måneden for seneste postering)"
)


class Writer(Protocol):
    """A command's ``self.stdout`` or any text stream (``io.StringIO``, ``sys.stdout``)."""

    def write(self, msg: str, /) -> object: ...


def add_as_of(parser: argparse.ArgumentParser, help: str = AS_OF_HELP) -> None:
    """``--as-of 31.03.2024`` (or ISO), parsed by the one date parser; absent is None."""
    parser.add_argument("--as-of", type=date_argument, default=None, help=help)


def add_json(parser: argparse.ArgumentParser, help: str = "skriv JSON i stedet for tabel") -> None:
    """``--json``: the payload the API gives, instead of the Danish text table."""
    parser.add_argument("--json", action="store_true", help=help)


def as_of_option(options: Mapping[str, Any]) -> date:
    """The parsed ``--as-of``, else the default every page uses (latest posting's month end)."""
    day: date | None = options.get("as_of")
    return day or default_as_of()


def write_json(out: Writer, payload: Any) -> None:
    """JSON as every command prints it: Danish letters kept, indented, dates as ISO."""
    out.write(json.dumps(payload, ensure_ascii=False, indent=2, default=_iso))


def _iso(value: object) -> str:
    # the payloads carry dates and Decimals only through their own to_dict; anything else
    # left is a date, written as the API writes it
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} kan ikke skrives som JSON")
