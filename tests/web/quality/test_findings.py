"""The findings page, the badge, explanations and ``ramme check-data`` through the access
rules: a caseworker sees (and explains) only her own cases; every read is logged."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import QuerySet
from django.test import Client

from ramme.core.quality import Finding, check
from ramme.web.accounts.access import visible_children
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.models import Child, Measure
from ramme.web.forecasts.services import cache
from ramme.web.quality.models import FindingExplanation
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import PASSWORD, make_user
from tests.web.quality.conftest import child_of

DATO = {"dato": AS_OF.isoformat()}


def _login(name: str) -> Client:
    client = Client()
    assert client.login(username=name, password=PASSWORD)
    return client


def _unlinked(client: Client) -> set[str]:
    page = client.get("/datakvalitet/", DATO)
    assert page.status_code == 200
    rules = {r.rule.kind: r for r in page.context["ov"].rules}
    return {f.key for f, _ in rules["unlinked_posting"].rows}


def test_a_caseworker_sees_only_her_own_findings(planted: dict[str, User]) -> None:
    assert _unlinked(_login("alice")) == {"unlinked_posting:X-alice"}
    assert _unlinked(_login("bob")) == {"unlinked_posting:X-bob"}
    assert _unlinked(_login("erik")) >= {"unlinked_posting:X-alice", "unlinked_posting:X-bob"}
    page = _login("alice").get("/datakvalitet/", DATO)
    assert child_of("bob").key[:10] not in page.content.decode()
    assert AuditEvent.objects.filter(username="alice", object_type="child").exists()


def test_the_page_explains_each_rule_and_counts_per_year(planted: dict[str, User]) -> None:
    page = _login("erik").get("/datakvalitet/", DATO)
    html = page.content.decode()
    assert "Postering uden indsats" in html and "ingen indsats" in html
    ov = page.context["ov"]
    assert AS_OF.year in ov.years
    row = next(r for r in ov.rules if r.rule.kind == "unlinked_posting")
    assert sum(row.by_year) == len(row.rows) >= 2


def test_explaining_a_finding_stores_the_note_and_audits_it(planted: dict[str, User]) -> None:
    alice = _login("alice")
    note_text = "Kontrolleret: fejlkontering rettes i oktober"
    form = {"key": "unlinked_posting:X-alice", "note": note_text, **DATO}
    response = alice.post("/datakvalitet/forklar/", form)
    assert response.status_code == 302
    note = FindingExplanation.objects.get(key="unlinked_posting:X-alice")
    assert (note.username, note.kind) == ("alice", "unlinked_posting")
    assert AuditEvent.objects.filter(
        username="alice", action="change", object_type="finding", object_key=note.key
    ).exists()
    page = alice.get("/datakvalitet/", DATO)
    assert "Forklaret af alice" in page.content.decode() and note_text in page.content.decode()


def test_an_empty_note_or_another_caseworkers_finding_changes_nothing(
    planted: dict[str, User],
) -> None:
    alice = _login("alice")
    empty = alice.post("/datakvalitet/forklar/", {"key": "unlinked_posting:X-alice",
                       "note": "  ", **DATO}, follow=True)  # fmt: skip
    assert "Skriv en forklaring" in empty.content.decode()
    other = alice.post("/datakvalitet/forklar/", {"key": "unlinked_posting:X-bob",
                       "note": "ikke min", **DATO}, follow=True)  # fmt: skip
    assert "ikke adgang" in other.content.decode()
    assert not FindingExplanation.objects.exists()
    assert not AuditEvent.objects.filter(action="change", object_type="finding").exists()


def _badge(client: Client, url: str) -> str:
    html = client.get(url, DATO).content.decode()
    start = html.index('id="datakvalitet-badge"')
    return html[start : html.index("</p>", start)]


def test_the_badge_on_start_and_follow_up_counts_the_users_open_findings(
    planted: dict[str, User],
) -> None:
    alice = _login("alice")
    out = io.StringIO()
    call_command("check-data", "--as-of", AS_OF.isoformat(), "--json", stdout=out)
    mine = set(Child.objects.filter(caseworker="alice").values_list("key", flat=True))
    own = [f for f in json.loads(out.getvalue())["findings"] if f["child"] in mine]
    assert len(own) >= 1
    for url in ("/", "/prognose/"):
        assert f"{len(own)} fund" in _badge(alice, url)
    alice.post("/datakvalitet/forklar/", {"key": "unlinked_posting:X-alice", "note": "ok", **DATO})
    after = _badge(alice, "/")
    assert (f"{len(own) - 1} fund" in after) if len(own) > 1 else ("ingen åbne fund" in after)


def test_check_data_json_has_exactly_the_issues_shape(planted: dict[str, User]) -> None:
    out = io.StringIO()
    call_command("check-data", "--as-of", AS_OF.isoformat(), "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert set(payload) == {"as_of", "findings"} and payload["as_of"] == AS_OF.isoformat()
    assert payload["findings"]
    for f in payload["findings"]:
        assert set(f) == {"kind", "measure_id", "child", "amount", "detail"}
    planted_rows = [f for f in payload["findings"] if "X-alice" in f["detail"]]
    assert planted_rows == [{"kind": "unlinked_posting", "measure_id": None,
                             "child": child_of("alice").key, "amount": 4000.0,
                             "detail": planted_rows[0]["detail"]}]  # fmt: skip


def test_check_data_text_lists_every_rule(planted: dict[str, User]) -> None:
    out = io.StringIO()
    call_command("check-data", "--as-of", AS_OF.isoformat(), stdout=out)
    text = out.getvalue()
    assert "unlinked_posting" in text and "missing_price" in text and "X-bob" in text


def test_a_user_without_a_role_sees_no_findings(planted: dict[str, User]) -> None:
    make_user("olga")
    olga = _login("olga")
    page = olga.get("/datakvalitet/", DATO)
    assert page.context["ov"].total == 0
    assert "ingen åbne fund" in _badge(olga, "/")


def test_a_second_badge_view_reads_the_cached_count_not_the_rules(
    planted: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ramme.web.quality.services import findings, stored_findings

    calls: list[object] = []

    def counted_check(*a: Any, **kw: Any) -> list[Finding]:
        calls.append("check")
        return check(*a, **kw)  # the one stored_findings.check names

    def counted_children(u: User) -> QuerySet[Child]:
        calls.append("children")
        return visible_children(u)  # the one findings.visible_children names

    monkeypatch.setattr(stored_findings, "check", counted_check)
    monkeypatch.setattr(findings, "visible_children", counted_children)
    alice = _login("alice")
    first = _badge(alice, "/")
    assert calls == ["check"]  # the rules once; the badge never lists every child
    assert _badge(alice, "/") == first
    assert _badge(_login("erik"), "/")  # another scope: filtered again, not recomputed
    assert calls == ["check"]


def test_the_page_lists_a_measure_started_after_the_23rd_birthday(planted: dict[str, User]) -> None:
    child = Measure.objects.get(measure_id="M001").child  # M001 started 01.01.2024
    Child.objects.filter(pk=child.pk).update(birth_date=date(2000, 1, 1))  # 23 in January 2023
    cache.clear()
    page = _login("erik").get("/datakvalitet/", DATO)
    html = page.content.decode()
    assert "Indsats startet efter barnets 23-års fødselsdag" in html
    assert "barnet fyldte 23 år i januar 2023" in html
    rules = {r.rule.kind: r for r in page.context["ov"].rules}
    assert "start_after_23:M001" in {f.key for f, _ in rules["start_after_23"].rows}


def test_the_page_lists_a_measure_planned_to_end_before_it_starts(planted: dict[str, User]) -> None:
    Measure.objects.filter(measure_id="M001").update(planned_end_date=date(2023, 12, 31))
    cache.clear()  # M001 started 01.01.2024
    page = _login("erik").get("/datakvalitet/", DATO)
    html = page.content.decode()
    assert "Indsats med planlagt slutdato før startdato" in html
    assert "planlagt slutdato 31.12.2023 ligger før startdato 01.01.2024" in html
    rules = {r.rule.kind: r for r in page.context["ov"].rules}
    keys = {f.key for f, _ in rules["planned_end_before_start"].rows}
    assert keys == {"planned_end_before_start:M001"}
