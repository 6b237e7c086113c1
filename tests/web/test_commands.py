"""The commands createuser, demo and serve, and the ``ramme`` CLI itself."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from pytest_django import Settings

from ramme.web.accounts.models import AuditEvent, Role, User
from ramme.web.data.models import Child, ImportRun, Posting
from ramme.web.demo.setup import prepare_demo


def test_createuser_creates_a_caseworker_in_a_team(db: None) -> None:
    out = StringIO()
    call_command(
        "createuser", "alice", "--role", "caseworker", "--team", "Team Nord",
        "--password", "pw-1-lang-nok", stdout=out,
    )  # fmt: skip
    alice = User.objects.get(username="alice")
    assert (alice.role, str(alice.team), alice.is_staff) == ("caseworker", "Team Nord", False)
    assert alice.check_password("pw-1-lang-nok")
    assert "rådgiver i team Team Nord" in out.getvalue()
    assert AuditEvent.objects.filter(object_type="user", object_key="alice").exists()


def test_createuser_reads_the_password_from_the_environment(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAMME_PASSWORD", "fra-miljoet-42")
    call_command("createuser", "erik", "--role", "economist", stdout=StringIO())
    erik = User.objects.get(username="erik")
    assert erik.check_password("fra-miljoet-42")
    assert erik.is_staff and not erik.is_superuser  # economists maintain master data
    assert erik.has_perm("data.change_measuretype")


def test_createuser_updates_an_existing_user(db: None) -> None:
    first, second = "første-kode-17", "anden-kode-42"
    call_command("createuser", "x", "--role", "caseworker", "--password", first, stdout=StringIO())
    call_command(
        "createuser", "x", "--role", "head", "--password", second, "--superuser", stdout=StringIO()
    )
    user = User.objects.get(username="x")
    assert (user.role, user.is_superuser, user.check_password(second)) == (Role.HEAD, True, True)


def test_createuser_refuses_a_weak_password(db: None) -> None:
    with pytest.raises(CommandError, match="Adgangskoden afvises"):
        call_command("createuser", "y", "--role", "caseworker", "--password", "1")
    assert not User.objects.filter(username="y").exists()


def test_createuser_refuses_a_team_leader_without_team(db: None) -> None:
    with pytest.raises(CommandError, match="teamleder skal have et team"):
        call_command("createuser", "tina", "--role", "team_leader", "--password", "p")


def test_createuser_without_password_when_not_interactive(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RAMME_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", StringIO())
    with pytest.raises(CommandError, match="--password"):
        call_command("createuser", "bob", "--role", "caseworker")


@pytest.fixture
def example_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo from the small fixed example: fast, whatever the generator's state."""
    from ramme.web.demo import setup as demo_setup

    monkeypatch.setattr(demo_setup, "SOURCE", "example")


def test_demo_loads_once_and_creates_logins(db: None, tmp_path: Path, example_only: None) -> None:
    first = prepare_demo(tmp_path)
    counts = (Child.objects.count(), Posting.objects.count())
    assert first.loaded_now and counts[0] >= 10 and counts[1] >= 200
    assert User.objects.get(username="demo").check_password("demo")
    assert User.objects.get(username=first.caseworker).role == Role.CASEWORKER
    assert Child.objects.filter(caseworker=first.caseworker).exists()
    again = prepare_demo(tmp_path)
    assert not again.loaded_now and again.source == first.source
    assert (Child.objects.count(), Posting.objects.count()) == counts
    assert ImportRun.objects.count() == 1


def test_demo_never_stores_a_cpr_number(db: None, tmp_path: Path, example_only: None) -> None:
    import csv

    from django.conf import settings

    from ramme.core.cpr import normalise, pseudonym
    from ramme.web.demo.setup import EXAMPLE_DIR

    prepare_demo(tmp_path)
    with open(EXAMPLE_DIR / "children.csv", encoding="utf-8") as handle:
        cprs = [row["cpr"] for row in csv.DictReader(handle)]
    stored = {child.key: child for child in Child.objects.all()}
    key = settings.PSEUDONYM_KEY.encode()
    assert set(stored) == {pseudonym(cpr, key) for cpr in cprs}
    assert all(child.replacement_cpr and child.birth_date for child in stored.values())
    dump = repr(list(Child.objects.values()))
    assert not any(normalise(cpr) in dump or cpr in dump for cpr in cprs)


def test_demo_command_prints_url_and_login(
    db: None, tmp_path: Path, settings: Settings, example_only: None
) -> None:
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("demo", "--no-serve", "--port", "8123", stdout=out)
    assert "http://127.0.0.1:8123/" in out.getvalue()
    assert "demo / demo" in out.getvalue()


def _ramme(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "RAMME_VAR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
    }
    code = "import sys; from ramme.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_cli_help_lists_the_commands(tmp_path: Path) -> None:
    result = _ramme(tmp_path, "--help")
    assert result.returncode == 0
    for name in ("createuser", "demo", "serve"):
        assert f"  {name}" in result.stdout


def test_cli_unknown_command_exits_2_in_danish(tmp_path: Path) -> None:
    result = _ramme(tmp_path, "findesikke")
    assert result.returncode == 2
    assert "ukendt kommando" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_createuser_error_has_no_traceback(tmp_path: Path) -> None:
    result = _ramme(tmp_path, "createuser", "tina", "--role", "team_leader", "--password", "x")
    assert result.returncode != 0
    assert "teamleder skal have et team" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "cli.sqlite3").exists()  # the database was created in the temp folder


def test_an_economist_made_by_createuser_can_use_the_admin(db: None, client: Client) -> None:
    password = "erik-har-en-god-kode"
    call_command(
        "createuser", "erik", "--role", "economist", "--password", password, stdout=StringIO()
    )
    client.login(username="erik", password=password)
    response = client.get("/admin/data/measuretype/")
    assert response.status_code == 200


def test_demo_example_maps_every_posting_to_an_activity_line(
    db: None, tmp_path: Path, example_only: None
) -> None:
    from ramme.web.data.queries import ledger_totals

    prepare_demo(tmp_path)
    totals = ledger_totals()
    assert {year for year, _ in totals} == {2024, 2025}
    assert None not in {activity for _, activity in totals}


def test_serve_runs_the_server_without_reloader_and_prints_the_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ramme.web.front.management.commands import serve

    calls = []
    monkeypatch.setattr(serve, "call_command", lambda *a, **kw: calls.append((a, kw)))
    out = StringIO()
    call_command("serve", "--port", "8123", stdout=out)
    assert "http://127.0.0.1:8123/" in out.getvalue()
    ((args, options),) = calls
    assert args == ("runserver", "127.0.0.1:8123")
    assert options["use_reloader"] is False and options["insecure_serving"] is True


def test_the_demos_earlier_months_are_closed_and_the_latest_open(
    db: None, tmp_path: Path, example_only: None
) -> None:
    from ramme.web.forecasts.models import ForecastSnapshot

    prepare_demo(tmp_path)
    snaps = list(ForecastSnapshot.objects.order_by("as_of"))
    assert len(snaps) == 3
    assert all(s.approved_by == "demo" for s in snaps[:-1]) and snaps[-1].approved_at is None
