"""Contract v2's optional files: population, benchmark, waiting and staff, events' end_date.

Each is validated like the others: a bad row is reported by file, row, column and reason,
and an import with any bad row changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ramme.web.data.models import BenchmarkFigure, Event, Population, StaffPeriod, WaitingSpell
from ramme.web.data.services.importer import import_folder
from tests.web.test_import import CPR_A, FILES, dump, write_folder

V2 = {
    **FILES,
    "events.csv": f"""event_id,date,kind,cpr,child_id,end_date
E1,2024-01-11,underretning,{CPR_A},,
E2,2024-02-05,undersoegelse,,C2,31.05.2024
""",
    "population.csv": "year,age,count\n2024,0,510\n2024,1,498\n2024,17,530\n",
    "benchmark.csv": """year,municipality,indicator,value,source
2024,Hele landet,anbragte_pr_1000_0_22,"9,0",Danmarks Statistik ANBAAR
2024,Aabenraa,udgift_pr_0_17,16250,REGK31
""",
    "waiting.csv": f"""cpr,child_id,offer,since,until
{CPR_A},,P1,2024-01-02,2024-02-01
,C2,P1,2024-03-01,
""",
    "staff.csv": """provider_id,valid_from,valid_to,places,staff
P1,2024-01-01,2024-06-30,10,"1,5"
P1,2024-07-01,,12,2
""",
}


def _import(tmp_path: Path, changes: dict[str, str]) -> list[str]:
    result = import_folder(write_folder(tmp_path / "data", {**V2, **changes}))
    return [str(error) for error in result.errors]


def test_the_optional_files_are_imported(db: None, tmp_path: Path) -> None:
    assert _import(tmp_path, {}) == []
    assert Population.objects.get(year=2024, age=17).count == 530
    national = BenchmarkFigure.objects.get(municipality="Hele landet")
    assert national.value == Decimal("9.0") and national.source == "Danmarks Statistik ANBAAR"
    assert WaitingSpell.objects.filter(until__isnull=True).count() == 1
    assert list(StaffPeriod.objects.values_list("places", flat=True)) == [10, 12]
    assert Event.objects.get(event_id="E2").end_date == date(2024, 5, 31)


def test_a_second_import_of_the_same_files_changes_nothing(db: None, tmp_path: Path) -> None:
    assert _import(tmp_path, {}) == []
    before = dump()
    assert _import(tmp_path, {}) == []
    assert dump() == before


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("population.csv", "year,age,count\n2024,0,-3\n",
         "population.csv, række 2, kolonne count: må ikke være negativ"),
        ("population.csv", "year,age\n2024,0\n",
         "population.csv, række 1, kolonne count: kolonnen mangler"),
        ("benchmark.csv", "year,municipality,indicator,value\n2024,Aabenraa,dyrt,3\n",
         "benchmark.csv, række 2, kolonne indicator: ukendt nøgletal «dyrt»"),
        ("waiting.csv", f"cpr,offer,since\n{CPR_A},P2,2024-01-01\n",
         "waiting.csv, række 2, kolonne offer: leverandøren «P2» er ikke intern"),
        ("waiting.csv", f"cpr,offer,since,until\n{CPR_A},P1,2024-02-01,2024-01-01\n",
         "waiting.csv, række 2, kolonne until: until ligger før since"),
        ("staff.csv", "provider_id,valid_from,valid_to,places\nP1,2024-01-01,,10\n"
         "P1,2024-06-01,,12\n", "staff.csv, række 3, kolonne valid_from: perioden overlapper"),
        ("staff.csv", "provider_id,valid_from\nP1,2024-01-01\n",
         "staff.csv, række 2, kolonne places: places eller staff skal udfyldes"),
        ("events.csv", "event_id,date,kind,child_id,end_date\nE9,2024-03-01,undersoegelse,C2,"
         "2024-02-01\n", "events.csv, række 2, kolonne end_date: end_date ligger før date"),
    ],
)  # fmt: skip
def test_a_bad_row_names_file_row_column_and_reason_and_changes_nothing(
    db: None, tmp_path: Path, name: str, text: str, message: str
) -> None:
    assert _import(tmp_path / "first", {}) == []
    before = dump()
    errors = _import(tmp_path / "second", {name: text})
    assert any(error.startswith(message) for error in errors), errors
    assert dump() == before


def test_version_1_folders_stay_valid(db: None, tmp_path: Path) -> None:
    result = import_folder(write_folder(tmp_path / "data", FILES))
    assert result.ok and not Population.objects.exists()
