"""Per-line figures on the follow-up page, the API and the start page: a caseworker cannot
read a figure resting on 1-4 children she may not see, nor work it out from the totals."""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.test import Client

from ramme.core.disclosure import MIN_CASES
from ramme.core.ladder import LadderStep
from ramme.web.accounts.disclosure import children_by_line
from ramme.web.accounts.models import User
from ramme.web.data.models import Child, Posting
from ramme.web.forecasts.services import cache, year_end
from ramme.web.forecasts.services.figures import volume_children
from ramme.web.front.excel_tables import _TableReader
from tests.web.api.conftest import token_client
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import PASSWORD

pytestmark = pytest.mark.django_db
HIDDEN = "–"


def _login(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _rows(html: str, table_id: str) -> list[list[str]]:
    reader = _TableReader(table_id)
    reader.feed(html)
    return [[text for text, _, _ in row] for row in reader.rows]


def _unseen(username: str, keys: frozenset[str]) -> set[str]:
    own = set(Child.objects.filter(caseworker=username).values_list("key", flat=True))
    return set(keys) - own


def test_a_caseworker_cannot_read_nor_derive_a_small_line_on_the_follow_up_page(
    example: dict[str, User],
) -> None:
    fc = year_end.compute_forecast(AS_OF)
    behind = {line: _unseen("bob", keys) for line, keys in children_by_line(fc).items()}
    small = {line for line, keys in behind.items() if 0 < len(keys) < MIN_CASES}
    assert small, "the example must have lines on 1-4 children that are not all bob's"
    query = {"dato": AS_OF.isoformat()}
    for_bob = _rows(_login("bob").get("/prognose/", query).content.decode(), "opfoelgning")
    for_erik = _rows(_login("erik").get("/prognose/", query).content.decode(), "opfoelgning")
    bobs = {row[0]: row for row in for_bob if len(row) > 3}
    eriks = {row[0]: row for row in for_erik if len(row) > 3}
    for line in small:
        assert bobs[line][3] == HIDDEN, line  # Bogført
        assert HIDDEN not in eriks[line]  # the economist sees every figure
    # within each step: the subtotal hidden, or no line or two or more on 5+ children hidden
    for lines, subtotal in _groups(for_bob):
        hidden = [r[0] for r in lines if r[3] == HIDDEN]
        if subtotal[3] != HIDDEN and hidden:
            unseen = set().union(*(behind.get(x, set()) for x in hidden))
            assert len(hidden) >= 2 and len(unseen) >= MIN_CASES, hidden


def _groups(rows: list[list[str]]) -> list[tuple[list[list[str]], list[str]]]:
    """(lines, subtotal row) per ladder step of the follow-up table, in order."""
    groups: list[tuple[list[list[str]], list[str]]] = []
    lines: list[list[str]] = []
    for row in rows[1:]:
        if row[0].startswith("Samlet"):
            groups.append((lines, row))
            lines = []
        elif len(row) > 3 and row[0] not in ("Hovedtotal", "Forventet resultat"):
            lines.append(row)
    return groups


def test_the_api_gives_a_caseworker_no_small_line_figure(example: dict[str, User]) -> None:
    fc = year_end.compute_forecast(AS_OF)
    behind = {line: _unseen("bob", keys) for line, keys in children_by_line(fc).items()}
    small = {line for line, keys in behind.items() if 0 < len(keys) < MIN_CASES}
    bob, erik = token_client(example["bob"]), token_client(example["erik"])
    for path in ("/api/v1/lines", "/api/v1/forecast"):
        bobs = {x["activity"]: x for x in bob.get(f"{path}?as_of={AS_OF}").json()["lines"]}
        eriks = {x["activity"]: x for x in erik.get(f"{path}?as_of={AS_OF}").json()["lines"]}
        for line in small:
            assert bobs[line]["actual"] is None and bobs[line]["forecast"] is None
            assert bobs[line]["budget"] == eriks[line]["budget"]  # budgets are not cases
            assert eriks[line]["actual"] is not None
        shown = [x for x in bobs.values() if x["actual"] is not None]
        hidden = [x for x in bobs.values() if x["actual"] is None]
        assert len(hidden) != 1  # one hidden line would be the total minus the others
        assert shown or hidden
    calibration = bob.get(f"/api/v1/forecast?as_of={AS_OF}").json()["calibration"]
    if calibration:  # the case-based estimate of a hidden line is hidden too
        assert all(calibration["lines"][x]["case_based"] is None
                   for x in small if x in calibration["lines"])  # fmt: skip
    line = next(iter(small))
    detail = bob.get(f"/api/v1/lines/{line}?as_of={AS_OF}").json()
    assert detail["forecast"] is None and detail["p90"] is None


def test_the_start_page_hides_a_small_year_and_line_from_a_caseworker(
    example: dict[str, User],
) -> None:
    behind: dict[tuple[int, str], set[str]] = defaultdict(set)
    rows = Posting.objects.filter(activity__isnull=False, measure__isnull=False)
    for day, line, key in rows.values_list("date", "activity__name", "measure__child__key"):
        behind[(day.year, line)].add(key)
    small = {k for k, keys in behind.items() if 0 < len(_unseen("bob", frozenset(keys))) < 5}
    assert small
    bob = _rows(_login("bob").get("/").content.decode(), "forbrug-tabel")
    erik = _rows(_login("erik").get("/").content.decode(), "forbrug-tabel")
    years = [int(y) for y in bob[0][1:]]
    bobs, eriks = {r[0]: r for r in bob[1:]}, {r[0]: r for r in erik[1:]}
    for year, line in small:
        column = 1 + years.index(year)
        assert bobs[line][column] == HIDDEN and eriks[line][column] != HIDDEN


def test_units_prices_and_the_bridge_on_few_children_are_hidden_from_a_caseworker(
    example: dict[str, User],
) -> None:
    query = {"dato": AS_OF.isoformat()}
    bob = _login("bob").get("/prognose/", query).content.decode()
    erik = _login("erik").get("/prognose/", query).content.decode()
    behind = volume_children(cache.prepared(), year_end.compute_forecast(AS_OF))
    small = [key for key, (units, _) in behind.items()
             if 0 < len(_unseen("bob", frozenset(units))) < MIN_CASES]  # fmt: skip
    assert small
    bobs, eriks = _rows(bob, "enheder"), _rows(erik, "enheder")
    years = [int(y.rstrip("*")) for y in bobs[0][1:]]
    labels = {r[0]: r for r in bobs[1:]}
    for step, year in small:
        if year in years:
            assert labels[LadderStep(step).label][1 + years.index(year)] == "<5"
    assert "<5" not in [c for r in eriks[1:] for c in r]
    assert 'id="bro-skjult"' in bob or 'id="bro"' not in bob
    assert 'id="bro-skjult"' not in erik
