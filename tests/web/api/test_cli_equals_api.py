"""``ramme forecast --json`` and ``ramme backtest --json`` give the API's bodies exactly."""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.core.management import call_command

from ramme.web.accounts.models import User
from tests.web.api.conftest import token_client


def cli(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_forecast_cli_and_api_give_identical_json(world: dict[str, User]) -> None:
    client = token_client(world["erik"])
    for as_of in ("2024-09-30", "2024-03-31"):
        from_cli = json.loads(cli("forecast", "--as-of", as_of, "--json"))
        from_api = client.get(f"/api/v1/forecast?as_of={as_of}").json()
        assert from_api == from_cli
        assert from_api["as_of"] == as_of


def test_forecast_without_a_date_uses_the_clis_default(world: dict[str, User]) -> None:
    from_cli = json.loads(cli("forecast", "--json"))
    assert token_client(world["erik"]).get("/api/v1/forecast").json() == from_cli


def test_backtest_cli_and_api_give_identical_json(world: dict[str, User], tmp_path: Path) -> None:
    path = tmp_path / "backtest.json"
    cli("backtest", "--year", "2024", "--json", str(path))
    from_api = token_client(world["erik"]).get("/api/v1/backtest?year=2024").json()
    assert from_api == json.loads(path.read_text())
    assert len(from_api["months"]) == 12
