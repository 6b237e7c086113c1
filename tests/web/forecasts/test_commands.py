"""``ramme forecast`` and ``ramme backtest``: JSON shape, one computation, snapshots."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from ramme.core.forecast.band_oracle import one_year_range
from ramme.core.forecast.bridge import bridge
from ramme.core.money import format_number
from ramme.web.accounts.models import User
from ramme.web.forecasts.models import ForecastSnapshot
from ramme.web.forecasts.services import snapshots, year_end
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import PASSWORD

LINE_KEYS = {"activity", "ladder_step", "budget", "actual", "forecast", "p10", "p90"}
TOTAL_KEYS = {"budget", "actual", "forecast", "p10", "p90"}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def forecast_json() -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(run("forecast", "--as-of", AS_OF.isoformat(), "--json"))
    return payload


def test_json_has_the_required_keys(example: dict[str, User]) -> None:
    data = forecast_json()
    assert data["as_of"] == "2024-09-30" and data["year"] == 2024
    assert data["lines"] and all(set(line) >= LINE_KEYS for line in data["lines"])
    assert set(data["total"]) >= TOTAL_KEYS
    assert isinstance(data["action_plan"]["required"], bool) and data["action_plan"]["reason"]
    assert all(isinstance(data["total"][k], float) for k in TOTAL_KEYS)
    assert data["total"]["forecast"] == pytest.approx(
        sum(line["forecast"] for line in data["lines"]), abs=len(data["lines"])
    )


def test_cli_web_and_service_give_the_same_numbers(example: dict[str, User]) -> None:
    cli = forecast_json()
    service = json.loads(json.dumps(year_end.forecast_payload(year_end.compute_forecast(AS_OF))))
    client = Client()
    assert client.login(username="erik", password=PASSWORD)
    page = client.get("/prognose/", {"dato": AS_OF.isoformat()})
    assert page.status_code == 200
    web = json.loads(json.dumps(page.context["fu"].payload))
    assert cli == service == web
    table = page.context["fu"].table
    assert float(table.total.forecast) == cli["total"]["forecast"]
    assert float(table.total.budget) == cli["total"]["budget"]
    shown = {r.activity: float(r.forecast) for g in table.groups for r in g.rows}
    assert shown == {line["activity"]: line["forecast"] for line in cli["lines"]}


def test_table_output_is_danish(example: dict[str, User]) -> None:
    text = run("forecast", "--as-of", AS_OF.isoformat())
    assert "Hovedtotal" in text and "Korr. budget" in text and "30.09.2024" in text
    total = year_end.compute_forecast(AS_OF).total.forecast
    assert f"{total:,.0f}".replace(",", ".") in text  # Danish thousands separator


def test_save_is_idempotent_per_date(example: dict[str, User]) -> None:
    run("forecast", "--as-of", AS_OF.isoformat(), "--save")
    run("forecast", "--as-of", AS_OF.isoformat(), "--save", "--json")
    assert ForecastSnapshot.objects.count() == 1
    snap = ForecastSnapshot.objects.get()
    assert snap.as_of == AS_OF and snap.year == 2024
    rebuilt = snapshots.rebuild(snap.payload)
    fc = year_end.compute_forecast(AS_OF)
    assert rebuilt.total.forecast == fc.total.forecast
    assert rebuilt.measures.measure_ids == fc.measures.measure_ids
    assert bridge(rebuilt, fc).items  # the bridge can start from a snapshot


def test_bad_date_is_a_clear_error(example: dict[str, User]) -> None:
    with pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        run("forecast", "--as-of", "2024-09-31")


def test_backtest_writes_json(example: dict[str, User], tmp_path: Path) -> None:
    target = tmp_path / "bt.json"
    text = run("backtest", "--year", "2024", "--months", "6,9", "--json", str(target),
               "--simulations", "20")  # fmt: skip
    data = json.loads(target.read_text())
    assert data["year"] == 2024 and [m["as_of"] for m in data["months"]] == [
        "2024-06-30",
        "2024-09-30",
    ]
    month_keys = {"error_pct", "run_rate_error_pct", "budget_error_pct", "inside", "p10", "p90"}
    assert all(month_keys <= set(m) for m in data["months"])
    assert {"mae_pct", "bias_pct", "coverage", "line_coverage", "accepted"} <= set(data["summary"])
    assert "30.09.2024" in text and "Backtest 2024" in text
    low, high = one_year_range()  # the same reading guide as the accuracy page
    assert f"i 9 af 10 år i {format_number(low, 0)}-{format_number(high, 0)} %" in text


def test_backtest_without_budget_year_fails_clearly(example: dict[str, User]) -> None:
    with pytest.raises(CommandError, match="intet budget"):
        run("backtest", "--year", "1999")
