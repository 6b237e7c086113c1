"""Typed helpers that read settings from environment variables."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def var_dir() -> Path:
    """The folder for local state (SQLite file, secrets): $RAMME_VAR or ./var."""
    path = Path(os.environ.get("RAMME_VAR", "var")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return truthy(value)


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
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def integer(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def words(name: str, default: str = "", sep: str = ",") -> list[str]:
    """A list from ``a,b,c`` (blanks dropped)."""
    return [part.strip() for part in os.environ.get(name, default).split(sep) if part.strip()]


def missing(names: tuple[str, ...]) -> list[str]:
    """The variables of ``names`` that are unset or empty."""
    return [name for name in names if not os.environ.get(name, "").strip()]
