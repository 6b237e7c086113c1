"""Every write service records who, what and when in the access log.

``SERVICES`` names each public write function of ``ramme/web/*/services``; a new one must
be added here (with the audit row it writes) or to ``NOT_AUDITED`` with the reason, or
``test_every_write_service_is_listed`` fails.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

import ramme
from ramme.web.accounts.models import AuditEvent, Role
from ramme.web.accounts.services import create_user
from ramme.web.api.services.tokens import create_token, revoke_token
from ramme.web.data.models import ActivityLine, Provider
from ramme.web.data.services.importer import import_folder
from ramme.web.forecasts.services.year_end import compute_forecast, save_snapshot
from ramme.web.plans.services import followup as plan_followup
from ramme.web.plans.services import plans
from ramme.web.quality.services.explain import explain_finding
from ramme.web.reports.services import portfolio, portfolio_import
from ramme.web.uploads.services import uploads
from tests.web.personas import make_measure, make_user, post
from tests.web.test_import import write_folder

SERVICES_DIR = Path(ramme.__file__).parent / "web"
# Parts of a service that writes the audit row, or writes that are not about anyone.
NOT_AUDITED = {
    "data.steps.*": "one step of import_folder, whose run is in the log (record_run)",
    "data.upsert.upsert": "the importer's bulk writer (import_folder logs the run)",
    "data.staged.staged_upsert": "the importer's staged bulk writer (import_folder logs the run)",
    "data.mapping.replace_rules": "part of import_folder",
    "data.reference.seed_legal_paragraphs": "reference data from the law, part of import_folder",
    "data.runs.record_run": "writes the audit row of import_folder itself",
    "data.runs.sha256_of": "reads a file (its name matched a write pattern)",
    "uploads.storage.store": "part of receive_upload",
    "uploads.storage.discard": "part of the upload task, whose import is logged",
    "uploads.runner.fail": "marks a crashed task failed; no data changes",
    "forecasts.accuracy.request": "a cache of computed accuracy, no user data",
    "forecasts.accuracy.compute": "the background computation of that cache",
    "forecasts.stored.store": "a cache of computed forecasts per data version, no user data",
    "forecasts.stored.store_figures": "the pages' figures beside that cache, no user data",
    "forecasts.stored.store_review_lists": "the review lists beside that cache, no user data",
    "forecasts.stored.store_findings": "the data-quality findings beside that cache, no user data",
    "forecasts.stored.store_report_figures": "the report's figures beside that cache, no user data",
    "forecasts.stored.queue_row": "the queue row of that cache",
    "forecasts.stored.mark": "the status of that queue row",
    "forecasts.stored.forget_all": "drops that cache when case data changed outside an import",
    "forecasts.stored.forget_other_versions": "drops that cache's older data versions",
    "forecasts.precompute.compute": "the background computation of that cache",
    "reports.portfolio.sub_strategy_named": "part of save_initiative",
    "api.tokens.user_for_token": "updates the token's last use (the API call is logged)",
}
WRITES = ("transaction.atomic", ".create(", ".save(", "update_or_create", ".delete(", ".update(")


def _write_functions() -> set[str]:
    found = set()
    for path in SERVICES_DIR.glob("*/services/*.py"):
        source = path.read_text()
        for node in ast.parse(source).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                segment = ast.get_source_segment(source, node) or ""
                if any(w in segment for w in WRITES):
                    found.add(f"{path.parent.parent.name}.{path.stem}.{node.name}")
    return found


@pytest.fixture
def world(db: None, tmp_path: Path) -> dict[str, Any]:
    erik = make_user("erik", Role.ECONOMIST)
    measure = make_measure("M1", "alice", "Team Nord")
    post("B1", date(2024, 1, 10), "1000", ActivityLine.objects.first())
    provider = Provider.objects.create(provider_id="P1", name="Huset", kind="intern")
    return {"erik": erik, "measure": measure, "provider": provider, "tmp": tmp_path}


def _plan(w: dict[str, Any]) -> Any:
    return plans.create_plan(
        w["erik"], {"title": "Plan", "year": 2024, "start_date": date(2024, 1, 1)}
    )


def _indicator(w: dict[str, Any]) -> Any:
    data = {"name": "Færre anbringelser", "kind": "children", "baseline_from": date(2023, 1, 1),
            "baseline_to": date(2023, 12, 31), "change": Decimal("-0.1"),
            "target_date": date(2024, 12, 31)}  # fmt: skip
    return plan_followup.save_indicator(w["erik"], data)


def _initiative(w: dict[str, Any]) -> Any:
    fields = {"action": "Flere netværksplejefamilier", "start_year": 2024}
    return portfolio.save_initiative(None, "Tidlig indsats", "Familier", fields, {}, w["erik"])


def _upload(w: dict[str, Any]) -> Any:
    text = b"provider_id,name,kind\nP9,Nyt hus,intern\n"
    upload, errors = uploads.receive_upload(w["erik"], [SimpleUploadedFile("providers.csv", text)])
    assert not errors
    return upload


def _confirm(w: dict[str, Any]) -> None:
    upload = _upload(w)
    upload.status = upload.Status.VALID
    upload.save()
    assert uploads.confirm(upload, w["erik"])


def _save_action(w: dict[str, Any]) -> None:
    plan = _plan(w)
    plans.save_action(
        w["erik"],
        plan.pk,
        plan.version,
        {"effort_area": "A", "mechanism": "fewer_new", "from_date": date(2024, 5, 1)},
        {},
    )


def _explain(w: dict[str, Any]) -> None:
    from ramme.web.quality.services.findings import all_findings

    finding = next(f for f in all_findings(date(2024, 12, 31)) if f.child)
    explain_finding(w["erik"], finding.key, "kendt", date(2024, 12, 31))


def _snapshot(w: dict[str, Any]) -> None:
    save_snapshot(compute_forecast(date(2024, 3, 31)), "erik")


def _update_plan(w: dict[str, Any]) -> None:
    plan = _plan(w)
    plans.update_plan(w["erik"], plan.pk, plan.version, {"title": "Ny"})


def _link(w: dict[str, Any]) -> None:
    plans.link_measure(w["erik"], _plan_action(w), w["measure"].pk)


def _review(w: dict[str, Any]) -> None:
    plan_followup.record_review(w["erik"], w["measure"], date(2024, 3, 1))


def _conclusion(w: dict[str, Any]) -> None:
    plan_followup.record_conclusion(w["erik"], _indicator(w), date(2024, 3, 1), "ok")


def _offer(w: dict[str, Any]) -> None:
    plan_followup.set_internal_offer(w["erik"], w["provider"], 4)


def _delete_initiative(w: dict[str, Any]) -> None:
    portfolio.delete_initiative(_initiative(w), w["erik"])


def _transfers(w: dict[str, Any]) -> None:
    from ramme.web.budgets.services.transfers import set_transfers

    set_transfers(2024, {None: Decimal(5)}, w["erik"])


def _revoke(w: dict[str, Any]) -> None:
    revoke_token(create_token("erik")[0].pk)


def _budget(w: dict[str, Any]) -> None:
    from decimal import Decimal

    from ramme.web.budgets.services.budgets import BudgetEntry, enter_budget

    line = ActivityLine.objects.first()
    assert line is not None
    entry = BudgetEntry(line, 2024, "korrigeret", Decimal(1000), date(2024, 3, 1), "note")
    enter_budget(w["erik"], entry)


def _approve(w: dict[str, Any]) -> None:
    from ramme.web.forecasts.services.approval import approve_month

    approve_month(w["erik"], date(2024, 1, 31))


def _texts(w: dict[str, Any]) -> None:
    from ramme.web.texts.services.texts import save_texts

    save_texts(w["erik"], "monthly", date(2024, 1, 31), {("intro", ""): "Indledning"})


# service -> (a call with the world, the audit row's object_type)
SERVICES: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    "accounts.services.create_user": (lambda w: create_user("x", "caseworker", "k-1"), "user"),
    "api.tokens.create_token": (lambda w: create_token("erik"), "api_token"),
    "api.tokens.revoke_token": (_revoke, "api_token"),
    "forecasts.snapshots.save": (_snapshot, "snapshot"),
    "forecasts.year_end.save_snapshot": (_snapshot, "snapshot"),
    "plans.plans.create_plan": (_plan, "actionplan"),
    "plans.plans.update_plan": (_update_plan, "actionplan"),
    "plans.plans.save_action": (_save_action, "actionplan"),
    "plans.plans.link_measure": (_link, "measure"),
    "plans.followup.record_review": (_review, "measure"),
    "plans.followup.save_indicator": (_indicator, "indicator"),
    "plans.followup.record_conclusion": (_conclusion, "indicator"),
    "plans.followup.set_internal_offer": (_offer, "internaloffer"),
    "quality.explain.explain_finding": (_explain, "finding"),
    "reports.portfolio.save_initiative": (_initiative, "initiative"),
    "reports.portfolio.delete_initiative": (_delete_initiative, "initiative"),
    "budgets.transfers.set_transfers": (_transfers, "transfer"),
    "reports.portfolio_import.import_portfolio": (lambda w: _import_portfolio(w), "portfolio"),
    "uploads.uploads.receive_upload": (_upload, "upload"),
    "uploads.uploads.confirm": (_confirm, "upload"),
    "budgets.budgets.enter_budget": (_budget, "budget"),
    "forecasts.approval.approve_month": (_approve, "forecast"),
    "texts.texts.save_texts": (_texts, "text"),
    "data.importer.import_folder": (
        lambda w: import_folder(write_folder(w["tmp"] / "d")),
        "folder",
    ),
}


def _plan_action(w: dict[str, Any]) -> Any:
    _save_action(w)
    from ramme.web.plans.models import Action

    return Action.objects.get()


def _import_portfolio(w: dict[str, Any]) -> None:
    from ramme.web.demo.portfolio import write_workbook

    path = write_workbook(w["tmp"] / "portefolje.xlsx")
    result = portfolio_import.import_portfolio(path, w["erik"])
    assert not result.errors


def test_every_write_service_is_listed() -> None:
    listed = set(SERVICES) | {k for k in NOT_AUDITED if not k.endswith("*")}
    wildcards = [k[:-1] for k in NOT_AUDITED if k.endswith("*")]
    missing = {
        f for f in _write_functions() if f not in listed and not f.startswith(tuple(wildcards))
    }
    assert not missing, f"write services without an audit test: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_the_service_writes_its_audit_row(world: dict[str, Any], name: str) -> None:
    call, object_type = SERVICES[name]
    before = AuditEvent.objects.count()
    call(world)
    rows = AuditEvent.objects.order_by("-pk")[: AuditEvent.objects.count() - before]
    assert any(row.object_type == object_type for row in rows), name
    assert all(row.at and row.username for row in rows)
