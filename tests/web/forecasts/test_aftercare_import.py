"""Issue 9: a measure with an aftercare legal basis for a 19-year-old is forecast to the end
of the year, not 0, on the whole path: files → importer → database → forecast (both code
sets, the type's code saying nothing about aftercare)."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ramme.web.data.services.importer import import_folder
from ramme.web.forecasts.services import cache, year_end
from tests.web.forecasts.conftest import EXAMPLE

AS_OF = date(2024, 6, 30)
YOUNG = {  # cpr of a 19-year-old (born 1 March 2005) and the measure's legal basis
    "A19SEL": ("010305-4121", "Serviceloven § 76, stk. 3"),
    "A19BL": ("020305-4138", "Barnets lov § 114"),
    "PLAIN": ("030305-4145", "Barnets lov § 32"),
    # 17 years old, 18 on 1 August 2024: the legal basis alone decides
    "A17BL": ("010806-4152", "Barnets lov § 114"),
    "P17": ("010806-4169", "Barnets lov § 32"),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "files"
    shutil.copytree(EXAMPLE, target)
    _append(target / "children.csv", [f"{cpr},alice,Team Nord" for cpr, _ in YOUNG.values()])
    _append(
        target / "measures.csv",
        [
            f'{mid},{cpr},KP,P1,2024-03-01,,,"{basis}",leder,2024-03-01'
            for mid, (cpr, basis) in YOUNG.items()
        ],
    )
    _append(target / "prices.csv", [f"{mid},2024-03-01,,base,400,day,,," for mid in YOUNG])
    return target


def _append(path: Path, rows: list[str]) -> None:
    text = path.read_text().rstrip("\n")
    path.write_text(text + "\n" + "\n".join(rows) + "\n")


@pytest.mark.django_db
def test_aftercare_by_legal_basis_runs_to_the_year_end_through_the_importer(folder: Path) -> None:
    assert import_folder(folder).ok
    cache.clear()
    fc = year_end.compute_forecast(AS_OF, simulations=0)
    rows = {r["measure_id"]: r for r in fc.measures.rows()}
    rest_of_year = Decimal(400 * 184)  # 1 July - 31 December
    assert rows["A19SEL"]["committed"] == rest_of_year
    assert rows["A19BL"]["committed"] == rest_of_year
    # a 19-year-old's measure on a non-aftercare basis, still registered as active more than
    # a month after the 18th birthday: the data show it runs on, so it is not cut to 0 either
    assert rows["PLAIN"]["committed"] == rest_of_year
    assert rows["A19SEL"]["expected"] > 0 and rows["A19BL"]["expected"] > 0
    assert rows["A17BL"]["committed"] == rest_of_year
    assert rows["P17"]["committed"] == Decimal(400 * 31)  # 1-31 July: the 18-year rule
