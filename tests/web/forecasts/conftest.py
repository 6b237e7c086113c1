"""The small example municipality imported once per test, and fast forecasts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import ramme.web.front
from ramme.web.accounts.models import User
from ramme.web.data.services.importer import import_folder
from tests.web.personas import make_user

AS_OF = date(2024, 9, 30)
EXAMPLE = Path(ramme.web.front.__file__).parent / "demo_example"


@pytest.fixture(autouse=True)
def _fast_forecast(fast_forecast: None) -> None:
    """Every test here forecasts fast (the shared fixture in tests/web/conftest.py)."""


@pytest.fixture
def example(db: None) -> dict[str, User]:
    """The example folder imported; alice and bob are caseworkers, erik an economist."""
    result = import_folder(EXAMPLE)
    assert result.ok, result
    return {
        "alice": make_user("alice", "caseworker", "Team Nord"),
        "bob": make_user("bob", "caseworker", "Team Nord"),
        "erik": make_user("erik", "economist"),
    }
