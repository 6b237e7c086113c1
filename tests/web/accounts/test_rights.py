"""Who may change what: one module decides, and each persona gets the same answer from the
rule, the page's button and the refused post."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from ramme.web.accounts import rights
from ramme.web.accounts.models import Role, User
from tests.web.personas import PASSWORD, make_user, personas

# persona → (plans, reports, import, access log)
EXPECTED = {
    "alice": (False, False, False, False),  # caseworker
    "tina": (True, False, False, False),  # team leader of Team Nord
    "erik": (True, True, True, False),  # economist
    "hanne": (True, True, False, True),  # head of department
    "olga": (False, False, False, False),  # no role
    "leif": (False, False, False, False),  # team leader without a team
    "root": (True, True, True, True),  # superuser
}


@pytest.fixture
def people(db: None) -> dict[str, User]:
    found = {user.username: user for user in personas().values()}
    found["hanne"] = make_user("hanne", Role.HEAD)
    found["leif"] = make_user("leif", Role.TEAM_LEADER)
    found["root"] = make_user("root", is_superuser=True)
    return found


def test_each_persona_has_the_rights_of_its_role(people: dict[str, User]) -> None:
    for name, expected in EXPECTED.items():
        user = people[name]
        got = (rights.may_edit_plans(user), rights.may_edit_reports(user),
               rights.may_import(user), rights.may_read_log(user))  # fmt: skip
        assert got == expected, name


def test_an_inactive_or_anonymous_user_may_change_nothing(people: dict[str, User]) -> None:
    erik = people["erik"]
    erik.is_active = False
    for user in (erik, None, object()):
        assert not rights.may_edit_plans(user) and not rights.may_edit_reports(user)
        with pytest.raises(PermissionDenied):
            rights.require_plan_editor(user)


def test_require_plan_editor_returns_the_editor(people: dict[str, User]) -> None:
    assert rights.require_plan_editor(people["tina"]) == people["tina"]
    with pytest.raises(PermissionDenied):
        rights.require_report_editor(people["tina"])


@pytest.mark.parametrize(("name", "status"), [("erik", 200), ("tina", 200), ("alice", 403)])
def test_the_new_plan_page_follows_the_plan_rule(people: dict[str, User], name: str,
                                                 status: int) -> None:  # fmt: skip
    client = Client()
    assert client.login(username=name, password=PASSWORD)
    assert client.get(reverse("plans:create")).status_code == status


@pytest.mark.parametrize(("name", "status"), [("erik", 200), ("hanne", 200), ("tina", 403)])
def test_the_portfolio_form_follows_the_report_rule(people: dict[str, User], name: str,
                                                    status: int) -> None:  # fmt: skip
    client = Client()
    assert client.login(username=name, password=PASSWORD)
    assert client.get(reverse("reports:initiative_new")).status_code == status
