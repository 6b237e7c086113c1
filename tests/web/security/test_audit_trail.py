"""The audit trail nobody can forge: append-only in the admin and the database, admin
changes and refusals logged, the head of department's search and export."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import QuerySet
from django.test import Client

from ramme.web.accounts.models import AuditEvent, Role
from ramme.web.data.models import ActivityLine, Budget, ImportRun
from tests.web.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def _client(username: str, role: str = "", superuser: bool = False, team: str = "") -> Client:
    make_user(username, role, team, is_staff=superuser or role == Role.ECONOMIST,
              is_superuser=superuser)  # fmt: skip
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_not_even_a_superuser_can_add_change_or_delete_audit_rows_in_the_admin() -> None:
    admin = _client("root", superuser=True)
    event = AuditEvent.objects.create(username="x", action="read", object_type="measure")
    assert admin.get("/admin/accounts/auditevent/add/").status_code == 403
    assert admin.post(f"/admin/accounts/auditevent/{event.pk}/delete/").status_code == 403
    page = admin.get(f"/admin/accounts/auditevent/{event.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()


def test_the_import_history_is_read_only_in_the_admin() -> None:
    admin = _client("root", superuser=True)
    run = ImportRun.objects.create(source="x")
    assert admin.get("/admin/data/importrun/add/").status_code == 403
    assert admin.post(f"/admin/data/importrun/{run.pk}/delete/").status_code == 403
    page = admin.post(f"/admin/data/importrun/{run.pk}/change/", {"source": "forfalsket"})
    assert page.status_code == 403
    run.refresh_from_db()
    assert run.source == "x"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_to_change_or_delete_audit_and_history_rows() -> None:
    event = AuditEvent.objects.create(username="x", action="read", object_type="measure")
    run = ImportRun.objects.create(source="x")
    changes: list[tuple[QuerySet[Any], dict[str, str]]] = [
        (AuditEvent.objects.filter(pk=event.pk), {"username": "y"}),
        (ImportRun.objects.filter(pk=run.pk), {"source": "y"}),
    ]
    for rows, change in changes:
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            rows.update(**change)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_admin_changes_of_budgets_and_roles_are_in_the_access_log() -> None:
    admin = _client("root", superuser=True)
    line = ActivityLine.objects.create(name="Opholdssted", ladder_step="indgribende")
    budget = Budget.objects.create(year=2024, activity=line, kind="vedtaget",
                                   amount=Decimal(1000))  # fmt: skip
    response = admin.post(
        f"/admin/data/budget/{budget.pk}/change/",
        {"year": 2024, "activity": line.pk, "kind": "vedtaget", "amount": "2000", "date": ""},
    )
    assert response.status_code == 302
    alice = make_user("alice", Role.CASEWORKER)
    response = admin.post(
        f"/admin/accounts/user/{alice.pk}/password/",
        {"password1": "ny-lang-kode-2024", "password2": "ny-lang-kode-2024"},
    )
    assert response.status_code == 302
    log = AuditEvent.objects.filter(username="root", action="change")
    assert log.filter(object_type="admin:budget", object_key=str(budget.pk)).exists()
    assert log.filter(object_type="admin:user", object_key=str(alice.pk)).exists()


def test_a_refused_page_is_in_the_access_log() -> None:
    client = _client("alice", Role.CASEWORKER, team="Team Nord")
    assert client.get("/import/").status_code == 403
    assert AuditEvent.objects.filter(username="alice", action="denied", object_key="/import/")


def test_a_team_leader_without_a_team_cannot_edit_plans() -> None:
    client = _client("tom", Role.TEAM_LEADER)
    assert client.get("/handleplaner/ny/").status_code == 403


def test_the_line_page_logs_the_cases_it_shows(tmp_path: Path) -> None:
    from ramme.web.data.services.importer import import_folder
    from tests.web.test_import import write_folder

    assert import_folder(write_folder(tmp_path / "d")).ok
    client = _client("erik", Role.ECONOMIST)
    line = ActivityLine.objects.get(name="Opholdssted")
    assert client.get(f"/prognose/linje/{line.pk}/", {"dato": "2024-12-31"}).status_code == 200
    shown = AuditEvent.objects.get(username="erik", object_key="Opholdssted")
    assert shown.detail.startswith("viste 1: M1")


def test_only_a_head_of_department_searches_and_exports_the_log() -> None:
    AuditEvent.objects.create(username="alice", action="read", object_type="measure",
                              object_key="M1", at=datetime(2024, 3, 1, tzinfo=UTC))  # fmt: skip
    assert _client("erik", Role.ECONOMIST).get("/adgangslog/").status_code == 403
    head = _client("hanne", Role.HEAD)
    page = head.get("/adgangslog/", {"bruger": "alice", "fra": "2024-01-01", "til": "2024-12-31"})
    assert page.status_code == 200 and "M1" in page.content.decode()
    export = head.get("/adgangslog/", {"tekst": "M1", "format": "csv"})
    lines = export.content.decode().splitlines()
    assert lines[0].startswith("tidspunkt;bruger") and any(";M1;" in line for line in lines)
    assert AuditEvent.objects.filter(username="hanne", action="export", object_type="adgangslog")


def test_a_bulk_delete_in_the_admin_logs_every_row() -> None:
    admin = _client("root", superuser=True)
    lines = [ActivityLine.objects.create(name=f"L{i}", ladder_step="forebyggende") for i in (1, 2)]
    response = admin.post(
        "/admin/data/activityline/",
        {"action": "delete_selected", "_selected_action": [line.pk for line in lines],
         "post": "yes"},
    )  # fmt: skip
    assert response.status_code == 302 and not ActivityLine.objects.exists()
    deleted = AuditEvent.objects.filter(
        object_type="admin:activityline", detail__contains="slettet"
    )
    assert sorted(deleted.values_list("object_key", flat=True)) == sorted(str(x.pk) for x in lines)
