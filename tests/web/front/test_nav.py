"""The navigation registry: entries by role, unknown pages left out, current page marked."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from ramme.web.accounts.models import User
from ramme.web.front import nav
from tests.web.personas import make_user


def labels(user: User | AnonymousUser) -> list[str]:
    return [entry.label for entry in nav.entries_for(user)]


def test_entries_depend_on_role(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        nav, "NAV", [e for e in nav.NAV if e.label in {"Forside", "Administration"}]
    )
    assert labels(make_user("erik", "economist")) == ["Forside", "Administration"]
    assert labels(make_user("alice", "caseworker")) == ["Forside"]
    assert labels(make_user("root", "", is_superuser=True)) == ["Forside", "Administration"]
    assert labels(AnonymousUser()) == []


def test_registry_starts_with_the_start_page() -> None:
    assert nav.NAV[0] == nav.NavEntry("Forside", "front:start")


def test_rendered_nav_skips_unwired_pages_and_marks_the_current(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nav, "NAV", [*nav.NAV, nav.NavEntry("Senere", "plans:findesikke")])
    request = RequestFactory().get("/")
    request.user = make_user("alice", "caseworker")
    html = Template("{% load front %}{% main_nav %}").render(Context({"request": request}))
    assert 'href="/" aria-current="page">Forside' in html
    assert "Senere" not in html


def test_only_the_most_specific_entry_is_current(db: None) -> None:
    from django.test import Client

    from tests.web.personas import PASSWORD, make_user

    make_user("erik", "economist")
    client = Client()
    client.login(username="erik", password=PASSWORD)
    html = client.get("/handleplaner/opfoelgning/").content.decode()
    assert html.count('aria-current="page"') == 1
    assert 'aria-current="page">Opfølgning' in html
