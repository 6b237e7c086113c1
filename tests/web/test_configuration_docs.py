"""Every environment variable ramme reads is in the README's configuration table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Django settings for tests or derived from another variable, not read from the environment
SETTINGS_ONLY = {"RAMME_FORECAST_SIMULATIONS", "RAMME_QUALITY_PRICE_SHARE", "RAMME_PAGE_SIZE"}
# Python names that happen to start with RAMME_, not environment variables
NOT_VARIABLES = {"RAMME_OIDC"}


def test_every_environment_variable_is_documented() -> None:
    source = "\n".join(path.read_text() for path in (ROOT / "ramme").rglob("*.py"))
    # any mention, quoted or not, so a name built or passed around is caught too
    variables = set(re.findall(r"\b(RAMME_[A-Z][A-Z_]*[A-Z]|GUNICORN_CMD_ARGS)\b", source))
    table = (ROOT / "README.md").read_text().split("## Configuration")[1].split("\n## ")[0]
    documented = set(re.findall(r"`([A-Z_]+)`", table))
    assert len(variables) > 20
    assert variables - SETTINGS_ONLY - NOT_VARIABLES - documented == set()
