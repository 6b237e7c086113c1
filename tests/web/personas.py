"""Test personas and a few contract rows created through the ORM."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.test import Client

from ramme.web.accounts.models import Role, Team, User
from ramme.web.data.models import ActivityLine, Child, Measure, MeasureType, Posting

PASSWORD = "hemmelig-kode-1"


def make_user(username: str, role: str = "", team: str = "", **extra: bool) -> User:
    user = User.objects.create_user(username, email=None, password=PASSWORD, **extra)
    user.role = role
    user.team = Team.objects.get_or_create(name=team)[0] if team else None
    user.save()
    return user


def login(username: str) -> Client:
    """A client logged in as ``username`` (made with ``make_user``)."""
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def personas() -> dict[str, User]:
    """alice and bob are caseworkers, tina leads alice's team, erik is an economist."""
    return {
        "alice": make_user("alice", Role.CASEWORKER, "Team Nord"),
        "bob": make_user("bob", Role.CASEWORKER, "Team Syd"),
        "tina": make_user("tina", Role.TEAM_LEADER, "Team Nord"),
        "erik": make_user("erik", Role.ECONOMIST),
        "outsider": make_user("olga"),
    }


def make_line(name: str, step: str, position: int = 0) -> ActivityLine:
    return ActivityLine.objects.create(name=name, ladder_step=step, position=position)


def make_measure(measure_id: str, caseworker: str, team: str) -> Measure:
    """A measure of a new child handled by ``caseworker`` in ``team``."""
    line = ActivityLine.objects.first() or make_line("Opholdssted", "indgribende")
    kind, _ = MeasureType.objects.get_or_create(
        code="OPH", defaults={"name": "Opholdssted", "ladder_step": "indgribende", "activity": line}
    )
    child = Child.objects.create(key=f"k-{measure_id}", caseworker=caseworker, team=team)
    return Measure.objects.create(
        measure_id=measure_id, child=child, measure_type=kind, start_date=date(2024, 1, 1)
    )


def post(posting_id: str, day: date, amount: str, line: ActivityLine | None) -> Posting:
    return Posting.objects.create(
        posting_id=posting_id,
        date=day,
        account="5.28.20",
        dranst=1,
        amount=Decimal(amount),
        activity=line,
    )
