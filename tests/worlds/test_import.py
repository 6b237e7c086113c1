"""Every world's files pass the importer, and the imported ledger is the world's truth."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from ramme.web.data.models import Measure, Posting
from ramme.web.data.services.importer import import_folder
from ramme.worlds.files import write_world
from ramme.worlds.registry import WORLDS, get
from ramme.worlds.world import FRAME, outturn

TINY = 0.08


@pytest.mark.parametrize("name", sorted(WORLDS))
def test_every_worlds_files_import_without_errors(db: None, tmp_path: Path, name: str) -> None:
    spec = get(name, TINY)
    result = import_folder(write_world(spec, tmp_path))
    assert result.ok, [str(e) for e in result.errors[:5]]
    assert Measure.objects.exists() and Posting.objects.exists()
    # the aftercare and placement bases are known paragraphs (only BL §§ 115 etc. may not be)
    unknown = [w for w in result.warnings if "ikke genkendt" in w]
    assert all("§ 115" in w or "§115" in w for w in unknown), unknown


def test_imported_line_totals_are_the_outturn(db: None, tmp_path: Path) -> None:
    spec = get("lundholm", TINY)  # CPR numbers, unlinked postings, a refund line of its own
    assert import_folder(write_world(spec, tmp_path)).ok
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for p in Posting.objects.filter(date__year=2025).select_related("activity"):
        totals[p.activity.name if p.activity else ""] += p.amount
    truth = outturn(spec, 2025)
    assert {k: v for k, v in totals.items() if v} == {
        k: v for k, v in truth.items() if v and k != FRAME
    }
