"""The data-quality findings stored per data version (lagrede datakvalitetsfund): the
after-import task stores them on the forecast row beside the review lists, they equal a
fresh run of the rules, a fresh process's follow-up badge and findings page read them and
run no rule, a new data version computes them again, and a caseworker still sees only her
own cases (the stored findings are over every case; the reader filters)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.db.models import F
from django.test import Client
from pytest_django import Settings

from ramme.core.quality import check
from ramme.core.records import Dataset
from ramme.web.accounts.models import User
from ramme.web.data.dataset import load_dataset
from ramme.web.data.models import Budget
from ramme.web.forecasts.services import cache, followup, stored
from ramme.web.quality.services import data, stored_findings
from tests.web.forecasts.after_import import run_task
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import login

DATO = {"dato": AS_OF.isoformat()}


def _kept() -> stored_findings.StoredFindings | None:
    blob = stored.load_findings(cache.data_version(), AS_OF, 50, 0)
    return stored_findings.RESULT.decode(blob) if blob is not None else None


def _refuse_to_compute(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ran the rules while a user waited")

    monkeypatch.setattr(stored_findings, "build", refuse)
    monkeypatch.setattr(stored_findings, "check", refuse)
    monkeypatch.setattr(data, "load_dataset", refuse)
    monkeypatch.setattr(data, "quality_ledger", refuse)


def _unlinked(client: Client) -> set[str]:
    page = client.get("/datakvalitet/", DATO)
    assert page.status_code == 200
    rules = {r.rule.kind: r for r in page.context["ov"].rules}
    return {f.key for f, _ in rules["unlinked_posting"].rows}


def _badge(client: Client) -> str:
    html = client.get("/prognose/", DATO).content.decode()
    start = html.index('id="datakvalitet-badge"')
    return html[start : html.index("</p>", start)]


def test_the_task_stores_the_findings_and_they_equal_a_fresh_run(
    planted: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[dict[str, Any]] = []

    def counted(**k: Any) -> Dataset:
        loads.append(k)
        return load_dataset(**k)  # the one data.load_dataset names

    monkeypatch.setattr(data, "load_dataset", counted)
    run_task(AS_OF)
    assert not loads  # the task reads the ledger as columns beside the forecast's dataset
    kept = _kept()
    assert kept is not None and kept.thresholds == data.thresholds()
    # the rules on the ledger's columns find what they find on a record per posting
    assert kept.findings == check(load_dataset(), AS_OF, data.thresholds())
    assert {"unlinked_posting:X-alice", "unlinked_posting:X-bob"} <= {f.key for f in kept.findings}


@pytest.mark.parametrize("username", ["erik", "alice", "bob"])  # every case; only their own
def test_a_fresh_process_reads_the_stored_findings_and_runs_no_rule(
    planted: dict[str, User], monkeypatch: pytest.MonkeyPatch, username: str
) -> None:
    computed = (_unlinked(login(username)), _badge(login(username)))
    run_task(AS_OF)
    _refuse_to_compute(monkeypatch)
    assert (_unlinked(login(username)), _badge(login(username))) == computed


def test_a_caseworker_sees_only_her_own_stored_findings(
    planted: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_task(AS_OF)
    _refuse_to_compute(monkeypatch)
    assert _unlinked(login("alice")) == {"unlinked_posting:X-alice"}
    assert _unlinked(login("bob")) == {"unlinked_posting:X-bob"}
    assert _unlinked(login("erik")) >= {"unlinked_posting:X-alice", "unlinked_posting:X-bob"}


def test_a_new_data_version_runs_the_rules_again_and_stores_them(
    planted: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_task(AS_OF)
    old = cache.data_version()
    budget = Budget.objects.order_by("pk").first()
    assert budget is not None
    Budget.objects.filter(pk=budget.pk).update(
        amount=F("amount") + Decimal(1)
    )  # an admin's correction: a new data version, no import
    assert cache.data_version() != old
    runs: list[tuple[Any, ...]] = []
    real = stored_findings.build

    def counted(*a: Any) -> stored_findings.StoredFindings:
        runs.append(a)
        return real(*a)

    monkeypatch.setattr(stored_findings, "build", counted)
    version = cache.data_version()
    for day, sims in followup.needed_forecasts(AS_OF):
        stored.queue_row(version, day, sims, 0)
    assert _unlinked(login("erik")) >= {"unlinked_posting:X-alice"}
    assert len(runs) == 1  # not the older version's row
    kept = _kept()
    assert kept is not None and kept.findings == check(load_dataset(), AS_OF, data.thresholds())
    cache.clear()
    _unlinked(login("alice"))
    assert len(runs) == 1  # a fresh process reads what the first one stored


def test_changed_thresholds_run_the_rules_again(
    planted: dict[str, User], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_task(AS_OF)
    runs: list[tuple[Any, ...]] = []
    real = stored_findings.build

    def counted(*a: Any) -> stored_findings.StoredFindings:
        runs.append(a)
        return real(*a)

    monkeypatch.setattr(stored_findings, "build", counted)
    settings.RAMME_QUALITY_NO_PAYMENT_DAYS = 5
    _unlinked(login("erik"))
    assert len(runs) == 1 and runs[0][1].no_payment_days == 5


@pytest.mark.parametrize("username", ["erik", "alice"])
def test_the_badge_counts_the_same_however_the_children_are_read(
    planted: dict[str, User], monkeypatch: pytest.MonkeyPatch, username: str
) -> None:
    from ramme.web.quality.services import findings

    whole = _badge(login(username))
    cache.clear()
    monkeypatch.setattr(findings, "CHUNK", 1)  # one query per child with findings
    assert _badge(login(username)) == whole
