"""Typed helpers that read settings from environment variables."""

from __future__ import annotations

import os
import secrets
from decimal import Decimal
from pathlib import Path


def var_dir() -> Path:
    """The folder for local state (SQLite file, secrets): $RAMME_VAR or ./var."""
    path = Path(os.environ.get("RAMME_VAR", "var")).resolve()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)  # secrets and the database live here
    return path


def truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return truthy(value)


def integer(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def decimal(name: str, default: str) -> Decimal:
    """A number such as ``10`` or ``2,5`` (Danish comma accepted)."""
    value = os.environ.get(name, "").strip().replace(",", ".")
    return Decimal(value or default)


def secret(name: str) -> str:
    """A secret from the environment, else one generated once and kept under var/.

    The pseudonym key must stay the same between imports, or the same child would get a
    new pseudonym: so it is written to a file readable only by the owner.
    """
    value = os.environ.get(name)
    if value:
        return value
    path = var_dir() / f"{name.lower()}.key"
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:  # never readable by others, not even briefly
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def words(name: str, default: str = "", sep: str = ",") -> list[str]:
    """A list from ``a,b,c`` (blanks dropped)."""
    return [part.strip() for part in os.environ.get(name, default).split(sep) if part.strip()]


def missing(names: tuple[str, ...]) -> list[str]:
    """The variables of ``names`` that are unset or empty."""
    return [name for name in names if not os.environ.get(name, "").strip()]


def named_lines(name: str, default: str) -> dict[str, tuple[str, ...]]:
    """``Label=line;line`` (or only ``Label``: the line of that name) -> {label: lines};
    empty: none."""
    value = os.environ.get(name, default).strip()
    if not value:
        return {}
    label, _, lines = value.partition("=")
    names = tuple(x.strip() for x in lines.split(";") if x.strip()) or (label.strip(),)
    return {label.strip(): names}
