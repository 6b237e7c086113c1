"""The API keeps the pages' access rules: personas see their cases, refusals are logged."""

from __future__ import annotations

from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.models import Measure, Posting
from tests.web.api.conftest import token_client

AS_OF = "2024-09-30"


def test_caseworker_of_another_team_gets_404_and_the_refusal_is_logged(
    world: dict[str, User],
) -> None:
    # M001 is alice's (Team Nord); carl works in Team Syd.
    response = token_client(world["carl"]).get("/api/v1/measures/M001")
    assert response.status_code == 404
    assert response.json() == {"detail": "Indsatsen findes ikke."}
    refused = AuditEvent.objects.get(username="carl", object_key="M001")
    assert refused.action == AuditEvent.Action.DENIED and refused.object_type == "measure"
    assert not AuditEvent.objects.filter(username="carl", action=AuditEvent.Action.READ).exists()


def test_caseworker_reads_her_own_measure_with_prices_and_postings(world: dict[str, User]) -> None:
    response = token_client(world["alice"]).get(f"/api/v1/measures/M001?as_of={AS_OF}")
    assert response.status_code == 200
    body = response.json()
    assert body["measure_id"] == "M001" and body["caseworker"] == "alice"
    booked = Posting.objects.filter(measure__measure_id="M001", date__lte=AS_OF)
    assert {p["posting_id"] for p in body["postings"]} == set(
        booked.values_list("posting_id", flat=True)
    )
    assert sum(p["amount"] for p in body["postings"]) == float(sum(p.amount for p in booked))
    prices = Measure.objects.get(measure_id="M001").prices.all()
    assert [p["amount"] for p in body["prices"]] == [float(p.amount) for p in prices]
    assert body["forecast"]["measure_id"] == "M001"
    read = AuditEvent.objects.get(username="alice", object_key="M001")
    assert read.action == AuditEvent.Action.READ


def test_team_leader_sees_her_teams_cases_only(world: dict[str, User]) -> None:
    client = token_client(world["tina"])
    team_nord = Measure.objects.filter(child__team="Team Nord").values_list("measure_id", flat=True)
    team_syd = Measure.objects.filter(child__team="Team Syd").values_list("measure_id", flat=True)
    assert team_nord and team_syd
    assert all(client.get(f"/api/v1/measures/{m}").status_code == 200 for m in team_nord)
    assert all(client.get(f"/api/v1/measures/{m}").status_code == 404 for m in team_syd)


def _line_measures(user: User, activity: str) -> set[str]:
    response = token_client(user).get(f"/api/v1/lines/{activity}?as_of={AS_OF}")
    assert response.status_code == 200
    return {m["measure_id"] for m in response.json()["measures"]}


def test_a_line_lists_only_the_measures_the_caller_may_see(world: dict[str, User]) -> None:
    activity = "Familiepleje"  # placements of alice, bob and carl
    everyone = _line_measures(world["erik"], activity)
    alices = _line_measures(world["alice"], activity)
    on_line = Measure.objects.filter(measure_type__activity__name=activity)
    assert alices == everyone & set(
        on_line.filter(child__caseworker="alice").values_list("measure_id", flat=True)
    )
    assert alices < everyone  # the economist sees more than the caseworker
    carls = _line_measures(world["carl"], activity)
    assert carls and carls.isdisjoint(alices) and carls < everyone
    assert AuditEvent.objects.filter(username="alice", detail="liste").exists()


def test_review_lists_hold_only_the_callers_cases(world: dict[str, User]) -> None:
    body = token_client(world["alice"]).get(f"/api/v1/reviews?as_of={AS_OF}").json()
    listed = {item["measure_id"] for key in ("due", "past_limit", "supplements", "unapproved")
              for item in body[key]}  # fmt: skip
    mine = set(
        Measure.objects.filter(child__caseworker="alice").values_list("measure_id", flat=True)
    )
    assert listed and listed <= mine
    everyone = token_client(world["erik"]).get(f"/api/v1/reviews?as_of={AS_OF}").json()
    assert len(everyone["due"]) > len(body["due"])
