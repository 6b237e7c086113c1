"""Every past figure as it was known: a forecast re-run ``--known-at`` an earlier import
equals the snapshot saved then, after a later import corrected a measure, a price and the
ledger (issue 14 part 3). Runs on SQLite and, with ``-m database``, on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from ramme.web.data.dataset import load_dataset
from ramme.web.data.models import ImportRun, MeasureVersion, Posting, PostingVersion
from ramme.web.data.services.importer import import_folder
from ramme.web.data.versions import latest_import_number
from ramme.web.forecasts.models import ForecastSnapshot
from ramme.web.forecasts.services import cache
from tests.web.forecasts.conftest import AS_OF, EXAMPLE

FIGURES = ("lines", "total", "action_plan")
NEW_END = date(2024, 12, 31)


@pytest.fixture(autouse=True)
def _fast_forecast(fast_forecast: None) -> None:
    """Forecasts fast (the shared fixture in tests/web/conftest.py)."""


def _edit(path: Path, change: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    rows = change(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _correct(row: dict[str, str], key: str, value: str, **changes: str) -> dict[str, str]:
    return row | changes if row[key] == value else row


def corrected_folder(tmp_path: Path) -> Path:
    """The example as a later import sees it: M003 ends later, M002's price is corrected,
    one posting's amount is corrected and two postings are new."""
    folder = tmp_path / "second"
    shutil.copytree(EXAMPLE, folder)
    _edit(
        folder / "measures.csv",
        lambda rows: [
            _correct(r, "measure_id", "M003", end_date=NEW_END.isoformat()) for r in rows
        ],
    )
    _edit(
        folder / "prices.csv",
        lambda rows: [
            _correct(r, "measure_id", "M002", amount="5200") if r["kind"] == "base" else r
            for r in rows
        ],
    )

    def postings(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        template = next(r for r in rows if r["measure_id"] == "M002")
        added = [
            template | {"posting_id": f"B9000{i}", "date": f"2024-09-{10 + i}", "amount": "25000"}
            for i in (1, 2)
        ]
        return [_correct(r, "posting_id", "B00011", amount="21000.00") for r in rows] + added

    _edit(folder / "postings.csv", postings)
    return folder


def forecast_json(*extra: str) -> dict[str, Any]:
    out = io.StringIO()
    call_command("forecast", "--as-of", AS_OF.isoformat(), "--json", *extra, stdout=out)
    payload: dict[str, Any] = json.loads(out.getvalue())
    return payload


def figures(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: payload[k] for k in FIGURES}


@pytest.fixture
def two_imports(db: None, tmp_path: Path) -> tuple[int, int]:
    """Import 1, the snapshot saved after it, then import 2 with the corrections."""
    first = import_folder(EXAMPLE)
    assert first.ok, first
    call_command("forecast", "--as-of", AS_OF.isoformat(), "--save", stdout=io.StringIO())
    second = import_folder(corrected_folder(tmp_path))
    assert second.ok, second
    assert first.run_id is not None and second.run_id is not None
    return first.run_id, second.run_id


def test_known_at_the_first_import_equals_the_snapshot_to_the_krone(
    two_imports: tuple[int, int],
) -> None:
    first, _ = two_imports
    snapshot = ForecastSnapshot.objects.get(as_of=AS_OF).payload
    assert figures(forecast_json("--known-at", str(first))) == figures(snapshot)


def test_the_latest_data_reflect_the_correction(two_imports: tuple[int, int]) -> None:
    _, second = two_imports
    snapshot = ForecastSnapshot.objects.get(as_of=AS_OF).payload
    latest = forecast_json()
    assert latest["total"]["actual"] == pytest.approx(
        snapshot["total"]["actual"] + 50_000 + (21_000 - 19_801.45)
    )
    assert latest["total"]["forecast"] != snapshot["total"]["forecast"]
    assert figures(forecast_json("--known-at", str(second))) == figures(latest)
    assert latest_import_number() == second


def test_the_loader_reads_each_version(two_imports: tuple[int, int]) -> None:
    first, second = two_imports
    old, new = load_dataset(known_at=first), load_dataset()
    old_m3 = next(m for m in old.measures if m.measure_id == "M003")
    new_m3 = next(m for m in new.measures if m.measure_id == "M003")
    assert (old_m3.end_date, new_m3.end_date) == (date(2024, 10, 25), NEW_END)
    price = {
        d: next(p.amount for m in ds.measures if m.measure_id == "M002" for p in m.prices)
        for d, ds in (("old", old), ("new", new))
    }
    assert price == {"old": Decimal(4500), "new": Decimal(5200)}
    assert len(new.postings) == len(old.postings) + 2
    b11 = {
        d: next(p.amount for p in ds.postings if p.posting_id == "B00011")
        for d, ds in (("old", old), ("new", new))
    }
    assert b11 == {"old": Decimal("19801.45"), "new": Decimal("21000.00")}
    # only what changed is kept twice: one measure, one posting
    assert MeasureVersion._default_manager.values_list("valid_to_import", flat=True).get() == second
    assert PostingVersion._default_manager.values_list("posting_id", flat=True).get() == "B00011"
    assert Posting.objects.get(posting_id="B90001").valid_from_import == second


def test_a_reimport_of_the_same_files_keeps_no_versions(db: None) -> None:
    assert import_folder(EXAMPLE).ok and import_folder(EXAMPLE).ok
    assert not MeasureVersion._default_manager.exists()
    assert not PostingVersion._default_manager.exists()
    first, second = ImportRun.objects.order_by("pk").values_list("pk", flat=True)
    assert load_dataset(known_at=first) == load_dataset(known_at=second)


def test_an_unknown_import_number_is_refused_in_danish(db: None) -> None:
    assert import_folder(EXAMPLE).ok
    with pytest.raises(CommandError, match=r"ingen gennemført import nr\. 999"):
        forecast_json("--known-at", "999")


AUGUST = date(2024, 8, 31)


@pytest.fixture
def two_approved_months(db: None, tmp_path: Path) -> tuple[int, int]:
    """August approved after import 1; September approved after the corrections."""
    from ramme.web.forecasts.services.approval import approve_month
    from tests.web.personas import make_user

    erik = make_user("erik", "economist")
    first = import_folder(EXAMPLE)
    assert first.ok
    approve_month(erik, AUGUST)
    second = import_folder(corrected_folder(tmp_path))
    assert second.ok
    cache.clear()
    approve_month(erik, AS_OF)
    assert first.run_id is not None and second.run_id is not None
    return first.run_id, second.run_id


def test_the_change_between_approved_months_splits_into_its_parts(
    two_approved_months: tuple[int, int],
) -> None:
    from ramme.web.forecasts.services.change_split import between_approved_months

    change = between_approved_months(AS_OF)
    assert change is not None and change.before == AUGUST
    old = ForecastSnapshot.objects.get(as_of=AUGUST).payload
    new = ForecastSnapshot.objects.get(as_of=AS_OF).payload
    frame = change.split.frame
    assert float(frame.before) == pytest.approx(old["total"]["forecast"], abs=1)
    assert float(frame.after) == pytest.approx(new["total"]["forecast"], abs=1)
    assert frame.time + frame.corrections + frame.new_data == frame.after - frame.before
    for line in change.split.lines:
        assert line.time + line.corrections + line.new_data == line.after - line.before
    # the corrections moved M003's end and M002's price; new postings arrived
    assert frame.corrections != 0 and frame.new_data != 0 and frame.time != 0


def test_the_follow_up_page_shows_the_split_and_a_known_version(
    two_approved_months: tuple[int, int],
) -> None:
    from django.test import Client

    from tests.web.personas import PASSWORD

    first, _ = two_approved_months
    client = Client()
    assert client.login(username="erik", password=PASSWORD)
    page = client.get("/prognose/", {"dato": "30.09.2024"}).content.decode()
    assert 'id="forklaring"' in page and "Rettelser af gamle data" in page
    known = client.get("/prognose/", {"dato": "30.09.2024", "kendt": str(first)})
    assert f"Data som kendt efter import nr. {first}, " in known.content.decode()
    assert client.get("/prognose/", {"dato": "30.09.2024", "kendt": "999"}).status_code == 404


def test_the_api_takes_known_at(two_imports: tuple[int, int]) -> None:
    from django.test import Client

    from tests.web.personas import PASSWORD, make_user

    first, _ = two_imports
    make_user("erik", "economist")
    client = Client()
    assert client.login(username="erik", password=PASSWORD)
    url = "/api/v1/forecast"
    body = client.get(url, {"as_of": AS_OF.isoformat(), "known_at": str(first)}).json()
    snapshot = ForecastSnapshot.objects.get(as_of=AS_OF).payload
    assert body["total"]["forecast"] == snapshot["total"]["forecast"]
    assert client.get(url, {"known_at": 999}).status_code == 404
