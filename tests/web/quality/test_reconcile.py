"""The reconciliation page and ``ramme reconcile``: every krone in a line or listed."""

from __future__ import annotations

import io
import json
from decimal import Decimal

from django.core.management import call_command
from django.test import Client

from ramme.web.accounts.models import User
from ramme.web.data.models import Posting
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import PASSWORD


def _login(name: str) -> Client:
    client = Client()
    assert client.login(username=name, password=PASSWORD)
    return client


def test_the_page_lists_the_unmapped_posting_and_shows_zero_difference(
    planted: dict[str, User],
) -> None:
    page = _login("erik").get("/datakvalitet/afstemning/", {"dato": AS_OF.isoformat()})
    assert page.status_code == 200
    r = page.context["r"]
    assert r.difference == 0 and r.forecast_difference == 0
    assert [u.posting.posting_id for u in r.unmapped] == ["X-UNMAPPED"]
    year_total = sum(
        Posting.objects.filter(date__year=AS_OF.year, date__lte=AS_OF).values_list(
            "amount", flat=True
        ),
        Decimal(0),
    )
    assert r.ledger_total == year_total
    html = page.content.decode()
    assert "X-UNMAPPED" in html
    assert "ingen konteringsregel for funktion 9.99.99 passer på dranst 1" in html
    assert 'id="difference">0 kr.' in html


def test_the_follow_up_page_links_to_the_reconciliation(planted: dict[str, User]) -> None:
    page = _login("alice").get("/prognose/", {"dato": AS_OF.isoformat()})
    assert 'id="afstemning-link"' in page.content.decode()


def test_the_command_prints_the_same_figures_as_json(planted: dict[str, User]) -> None:
    out = io.StringIO()
    call_command("reconcile", "--year", str(AS_OF.year), "--as-of", AS_OF.isoformat(), "--json",
                 stdout=out)  # fmt: skip
    payload = json.loads(out.getvalue())
    assert payload["difference"] == 0 and payload["forecast_difference"] == 0
    assert [u["posting_id"] for u in payload["unmapped"]] == ["X-UNMAPPED"]
    assert payload["unmapped_total"] == 1234.56
    lines = sum(line["total"] for line in payload["lines"])
    assert round(lines + payload["unmapped_total"], 2) == payload["ledger_total"]


def test_the_command_text_names_the_difference(planted: dict[str, User]) -> None:
    out = io.StringIO()
    call_command("reconcile", "--as-of", AS_OF.isoformat(), stdout=out)
    text = out.getvalue()
    assert "Uforklaret difference" in text and "X-UNMAPPED" in text
