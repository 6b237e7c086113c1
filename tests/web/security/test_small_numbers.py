"""Figures about fewer than five children are hidden from a user who may not see them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from ramme.web.accounts.models import Role
from ramme.web.data.models import ActivityLine
from tests.web.security.test_audit_trail import _client

pytestmark = pytest.mark.django_db


def test_a_line_resting_on_few_children_hides_its_figures_from_a_caseworker(tmp_path: Path) -> None:
    """Opholdssted has one child (alice's): bob may not learn what it costs."""
    from ramme.web.data.services.importer import import_folder
    from tests.web.test_import import write_folder

    assert import_folder(write_folder(tmp_path / "d")).ok
    line = ActivityLine.objects.get(name="Opholdssted")
    url, query = f"/prognose/linje/{line.pk}/", {"dato": "2024-12-31"}
    bob = _client("bob", Role.CASEWORKER, team="Team Syd").get(url, query).content.decode()
    alice = _client("alice", Role.CASEWORKER, team="Team Nord").get(url, query).content.decode()
    erik = _client("erik", Role.ECONOMIST).get(url, query).content.decode()
    assert 'id="for-faa"' in bob and 'id="komponenter"' not in bob
    assert 'id="komponenter"' in alice and 'id="komponenter"' in erik  # hers, and all of them
