"""Every path of the API answers JSON: amounts as numbers in kroner, dates ISO 8601,
errors with Danish messages."""

from __future__ import annotations

from datetime import date

import pytest

from ramme.web.accounts.models import User
from ramme.web.plans.models import ActionPlan, Indicator
from tests.web.api.conftest import token_client

AS_OF = "2024-09-30"


def paths(plan_id: int) -> list[str]:
    return [
        f"/api/v1/forecast?as_of={AS_OF}",
        "/api/v1/forecast",
        f"/api/v1/lines?as_of={AS_OF}",
        f"/api/v1/lines/Døgninstitution?as_of={AS_OF}",
        "/api/v1/measures/M001",
        "/api/v1/plans",
        f"/api/v1/plans/{plan_id}?as_of={AS_OF}",
        "/api/v1/indicators",
        f"/api/v1/reviews?as_of={AS_OF}",
        "/api/v1/backtest?year=2024",
    ]


def test_every_path_answers_the_economist_with_json(
    world: dict[str, User], plan_and_indicator: tuple[ActionPlan, Indicator]
) -> None:
    client = token_client(world["erik"])
    for path in paths(plan_and_indicator[0].pk):
        response = client.get(path)
        assert response.status_code == 200, (path, response.content)
        assert response["Content-Type"].startswith("application/json")
        assert response.json(), path


def test_amounts_are_numbers_and_dates_iso(
    world: dict[str, User], plan_and_indicator: tuple[ActionPlan, Indicator]
) -> None:
    plan, _ = plan_and_indicator
    client = token_client(world["erik"])
    measure = client.get(f"/api/v1/measures/M001?as_of={AS_OF}").json()
    assert isinstance(measure["prices"][0]["amount"], float)
    assert date.fromisoformat(measure["start_date"]) == date(2024, 1, 1)
    assert all(isinstance(p["amount"], float) for p in measure["postings"])
    detail = client.get(f"/api/v1/plans/{plan.pk}?as_of={AS_OF}").json()
    (action,) = detail["actions"]
    assert action["expected_year"] == 15000.0  # July 10.000 + August 5.000
    assert detail["total"]["expected_year"] == 15000.0
    assert action["realised"] == pytest.approx(sum(action["realised_by_month"].values()))
    assert detail["as_of"] == AS_OF


def test_lines_are_the_forecasts_lines(world: dict[str, User]) -> None:
    client = token_client(world["erik"])
    forecast = client.get(f"/api/v1/forecast?as_of={AS_OF}").json()
    lines = client.get(f"/api/v1/lines?as_of={AS_OF}").json()
    assert lines["lines"] == forecast["lines"]
    name = forecast["lines"][0]["activity"]
    one = client.get(f"/api/v1/lines/{name}?as_of={AS_OF}").json()
    assert {k: one[k] for k in forecast["lines"][0]} == forecast["lines"][0]


def test_indicator_status_is_listed_by_month(
    world: dict[str, User], plan_and_indicator: tuple[ActionPlan, Indicator]
) -> None:
    (indicator,) = token_client(world["alice"]).get(f"/api/v1/indicators?as_of={AS_OF}").json()
    assert indicator["name"] == "Færre på opholdssted"
    assert indicator["points"][0]["month"] == "2024-01"
    assert indicator["goal"] == pytest.approx(indicator["baseline"] * 0.9)


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/v1/forecast?as_of=2024-13-01", 422, "ÅÅÅÅ-MM-DD"),
        ("/api/v1/backtest", 422, "year: mangler"),
        ("/api/v1/backtest?year=1999", 404, "intet budget for 1999"),
        ("/api/v1/lines/Ukendt", 404, "Aktiviteten 'Ukendt' findes ikke"),
        ("/api/v1/plans/999", 404, "Handleplan 999 findes ikke"),
        ("/api/v1/measures/FINDES-IKKE", 404, "Indsatsen findes ikke"),
    ],
)
def test_errors_are_json_with_danish_messages(
    world: dict[str, User], path: str, status: int, words: str
) -> None:
    response = token_client(world["erik"]).get(path)
    assert response.status_code == status
    assert words in response.json()["detail"]


def test_without_data_the_forecast_says_so(db: None) -> None:
    from tests.web.personas import make_user

    response = token_client(make_user("erik", "economist")).get("/api/v1/forecast")
    assert response.status_code == 404 and "ingen data" in response.json()["detail"]
