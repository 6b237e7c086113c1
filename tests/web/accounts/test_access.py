"""Who sees which children and measures (personas: alice, bob, tina, erik, an outsider)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from django.http import Http404

from ramme.web.accounts.access import get_measure_for_user, visible_children, visible_measures
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.models import Measure
from tests.web.personas import make_measure, personas


@pytest.fixture
def world(db: None) -> dict[str, User]:
    people = personas()
    make_measure("A1", "alice", "Team Nord")
    make_measure("A2", "alice", "Team Nord")
    make_measure("B1", "bob", "Team Syd")
    make_measure("N1", "nora", "Team Nord")  # alice's team, not alice's case
    return people


def ids(queryset: Iterable[Measure]) -> set[str]:
    return {m.measure_id for m in queryset}


def test_caseworker_sees_only_her_own_cases(world: dict[str, User]) -> None:
    assert ids(visible_measures(world["alice"])) == {"A1", "A2"}
    assert {c.caseworker for c in visible_children(world["alice"])} == {"alice"}
    assert ids(visible_measures(world["bob"])) == {"B1"}


def test_team_leader_sees_her_teams_cases(world: dict[str, User]) -> None:
    assert ids(visible_measures(world["tina"])) == {"A1", "A2", "N1"}
    assert visible_children(world["tina"]).count() == 3


def test_economist_and_superuser_see_everything(world: dict[str, User]) -> None:
    assert ids(visible_measures(world["erik"])) == {"A1", "A2", "B1", "N1"}
    world["outsider"].is_superuser = True
    assert visible_children(world["outsider"]).count() == 4


def test_outsider_without_role_sees_nothing(world: dict[str, User]) -> None:
    assert visible_children(world["outsider"]).count() == 0
    assert visible_measures(world["outsider"]).count() == 0
    with pytest.raises(Http404):
        get_measure_for_user(world["outsider"], "A1")


def test_team_leader_without_team_sees_nothing(world: dict[str, User]) -> None:
    world["tina"].team = None
    assert visible_measures(world["tina"]).count() == 0


def test_inactive_user_sees_nothing(world: dict[str, User]) -> None:
    world["erik"].is_active = False
    assert visible_children(world["erik"]).count() == 0


def test_get_measure_is_404_for_someone_elses_case(world: dict[str, User]) -> None:
    assert get_measure_for_user(world["alice"], "A1").measure_id == "A1"
    with pytest.raises(Http404):
        get_measure_for_user(world["bob"], "A1")
    with pytest.raises(Http404):
        get_measure_for_user(world["erik"], "does-not-exist")


def test_each_read_is_logged_with_the_reader(world: dict[str, User]) -> None:
    get_measure_for_user(world["tina"], "N1")
    visible_children(world["alice"])
    log = list(AuditEvent.objects.order_by("at", "id").values_list("username", "object_key"))
    assert log == [("tina", "N1"), ("alice", "")]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ).count() == 2


def test_a_refused_read_is_logged_as_a_refusal_not_a_read(world: dict[str, User]) -> None:
    with pytest.raises(Http404):
        get_measure_for_user(world["bob"], "A1")
    with pytest.raises(Http404):
        get_measure_for_user(world["outsider"], "A1")
    log = AuditEvent.objects.order_by("id").values_list("username", "action", "object_key")
    assert list(log) == [("bob", "denied", "A1"), ("olga", "denied", "A1")]
