"""The staged import (staging table + set-based writes, ledger CPR rows on the fast path)
writes what the object-by-object path writes: the same rows, the same history rows, the
same counts and the same errors, on the same files. Runs on SQLite and, with
``-m database``, on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from django.db import models, transaction

from ramme.core.cpr import CprFacts
from ramme.importing import parsing
from ramme.importing.readers import Table
from ramme.importing.specs import SPECS
from ramme.importing.validate import Converter
from ramme.web.data import models as m
from ramme.web.data.services import steps
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.importer import import_folder
from ramme.web.data.services.posting_rows import _PostingRows
from ramme.web.data.versions import HISTORY
from tests.web.test_import import CPR_A, CPR_B, CPR_C, FILES, write_folder

# The second month's files: changed, unchanged and new rows in every case file.
CHANGED = {
    **FILES,
    "children.csv": f"""child_id,cpr,birth_date,caseworker,team
,{CPR_A},,alice,Team Vest
C2,,2012-06-01,carl,Team Syd
C3,,2015-02-11,bob,Team Syd
""",
    "measures.csv": "measure_id,child_id,cpr,measure_type,provider_id,start_date,end_date,"
    + f"""legal_basis
M1,,{CPR_A},OPH,P2,01.01.2024,,Barnets lov § 46
M2,C2,,FB,P1,2023-05-01,2024-08-31,SEL § 52 stk. 3 nr. 3
M3,,{CPR_B},FB,P1,2024-02-01,,aftale
M4,C3,,FB,P1,2024-03-01,,Barnets lov § 32
""",
    "prices.csv": """measure_id,valid_from,valid_to,kind,amount,unit,hours_per_week,negotiated,note
M1,2024-01-01,,base,"2.750,00",day,,,
M2,2023-05-01,,base,450,hour,6,,
M4,2024-03-01,,base,1200,week,,nej,ny
""",
    "postings.csv": FILES["postings.csv"].replace('"87.907,62"', '"88.000,00"')
    + f"B5,2024-03-10,5.28.21,1,FB,1500,FB 03/2024,M3,{CPR_B},P1\n"
    + "B6,2024-03-11,5.28.21,1,FB,700,FB 03/2024,M4,,P1\n",
    "events.csv": f"""event_id,date,kind,cpr,child_id
E1,2024-01-11,underretning,{CPR_A},
E2,2024-02-05,underretning,,C2
E3,2024-03-01,underretning,,
E4,2024-04-01,undersoegelse,{CPR_C},
""",
}

BAD = {
    **FILES,
    "children.csv": "child_id,cpr,birth_date\n,010203-12345,\nC9,,31.02.2012\n",
    "measures.csv": "measure_id,child_id,measure_type,start_date,end_date\n"
    "M1,C2,XX,2024-01-01,\nM2,C7,FB,2024-02-01,2024-01-01\n",
    "prices.csv": "measure_id,valid_from,kind,amount,unit\nM9,2024-01-01,base,-5,day\n",
    "postings.csv": FILES["postings.csv"] + f"B7,2024-03-10,5.28.21,1,,1,x,,{CPR_A}x,\n",
    "events.csv": "event_id,date,kind,child_id,end_date\nE1,2024-02-01,underretning,C8,\n",
}

CASE_MODELS = (m.Child, m.Measure, m.PricePeriod, m.Event, m.Posting)


class _Undo(Exception):
    """Rolls one path's imports back, so the other path starts from the same database."""


def _object_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "STAGED_WRITES", False)
    monkeypatch.setattr(_PostingRows, "fast_path", lambda self: lambda cells: None)


NATURAL_KEYS = {
    m.Child: "key",
    m.Measure: "measure_id",
    m.MeasureType: "code",
    m.Provider: "provider_id",
    m.ActivityLine: "name",
    m.LegalParagraph: "key",
}


def _natural(model: Any) -> dict[int, Any]:
    """id → the key that names the row in the files (ids differ between the two runs)."""
    return dict(model._default_manager.values_list("pk", NATURAL_KEYS[model]))


def _rows(
    model: type[models.Model], numbers: Mapping[int | None, int]
) -> list[tuple[tuple[str, str], ...]]:
    """Every row with ids as keys and import numbers as 1, 2, ... (sequences differ)."""
    keys = {
        f.attname: _natural(f.related_model) for f in model._meta.concrete_fields if f.is_relation
    }
    names = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    out = []
    for values in model._default_manager.values(*names, *(["row_pk"] if "row_pk" in names else [])):
        row = {n: keys[n].get(v, v) if n in keys else v for n, v in values.items()}
        for stamp in ("valid_from_import", "valid_to_import"):
            if stamp in row:
                row[stamp] = numbers.get(row[stamp], row[stamp])
        row.pop("row_pk", None)  # the current row's id; its key columns name it already
        out.append(tuple(sorted((k, repr(v)) for k, v in row.items())))
    return sorted(out)


def _snapshot(runs: list[Any]) -> dict[str, Any]:
    numbers = {run.run_id: i for i, run in enumerate(runs, start=1)}
    tables = {model.__name__: _rows(model, numbers) for model in CASE_MODELS}
    history = {model.__name__: _rows(HISTORY[model], numbers) for model in CASE_MODELS}
    results = [
        (run.ok, [str(e) for e in run.errors], run.summary.get("files"), run.warnings)
        for run in runs
    ]
    return {"tables": tables, "history": history, "results": results}


def _imports(tmp_path: Path, folders: list[dict[str, str]], label: str) -> dict[str, Any]:
    runs = [
        import_folder(write_folder(tmp_path / f"{label}{i}", files))
        for i, files in enumerate(folders)
    ]
    return _snapshot(runs)


def _both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Callable[[str], dict[str, Any]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The same imports by the staged path, then (rolled back in between) the object path."""
    found: dict[str, dict[str, Any]] = {}
    for label in ("staged", "objects"):
        if label == "objects":
            _object_path(monkeypatch)
        try:
            with transaction.atomic():
                found[label] = run(label)
                raise _Undo
        except _Undo:
            pass
    monkeypatch.undo()
    return found["staged"], found["objects"]


def test_two_months_give_the_same_rows_history_and_counts(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged, objects = _both(
        tmp_path, monkeypatch, lambda label: _imports(tmp_path, [FILES, CHANGED, CHANGED], label)
    )
    assert staged == objects
    files = [result[2] for result in staged["results"]]
    assert files[1]["children"] == {"file": "children.csv", "read": 3, "created": 1,
                                    "updated": 2, "unchanged": 0}  # fmt: skip
    assert files[1]["prices"]["updated"] == 1 and files[1]["prices"]["created"] == 1
    assert all(f["updated"] == f["created"] == 0 for f in files[2].values())
    # one superseded version per changed row of the second month, none for the third
    assert len(staged["history"]["Child"]) == 2 and len(staged["history"]["Event"]) == 1
    assert len(staged["history"]["PricePeriod"]) == 2  # M1's two periods, replaced as a set
    assert len(staged["tables"]["Posting"]) == 6


def test_bad_files_give_the_same_errors_and_change_nothing(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged, objects = _both(
        tmp_path, monkeypatch, lambda label: _imports(tmp_path, [FILES, BAD], label)
    )
    assert staged == objects
    ok, errors, _, _ = staged["results"][1]
    assert not ok and len(errors) >= 7
    assert "postings.csv, række 6, kolonne cpr: ugyldigt CPR-nummer" in errors
    first = _imports(tmp_path, [FILES], "again")
    assert {k: len(v) for k, v in first["tables"].items()} == {
        k: len(v) for k, v in staged["tables"].items()
    }
    assert all(not rows for rows in staged["history"].values())


def test_ledger_rows_with_a_cpr_number_stay_on_the_fast_path_and_parse_it_once(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    parse = parsing.parse_cpr

    def counted(text: str, key: bytes) -> CprFacts:
        calls.append(text)
        return parse(text, key)

    monkeypatch.setattr(parsing, "parse_cpr", counted)
    header = ["posting_id", "date", "account", "dranst", "amount", "cpr"]
    rows = [[f"B{i}", "2024-01-02", "5.28.20", "1", "10", (CPR_A, CPR_B)[i % 2]] for i in range(6)]
    ctx = ImportContext(cpr_key=b"k")
    converter = Converter(SPECS["postings"], Table("p.csv", header, iter(rows)), b"k")
    fast = _PostingRows(ctx, converter).fast_path()
    found = [fast(cells) for cells in rows]
    assert all(row is not None for row in found)  # none left for the general path
    assert len({row[8] for row in found if row}) == 2 and len(calls) == 2
    assert ctx.children_created == 2 and len(ctx.new_children.pending) == 2
    assert fast(["B9", "2024-01-02", "5.28.20", "1", "10", "311399-1234"]) is None  # bad date


def test_the_converter_parses_each_cpr_number_once_for_all_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    parse = parsing.parse_cpr

    def counted(text: str, key: bytes) -> CprFacts:
        calls.append(text)
        return parse(text, key)

    monkeypatch.setattr(parsing, "parse_cpr", counted)
    cache: dict[str, Any] = {}
    header = ["event_id", "date", "kind", "cpr"]
    for file in ("a.csv", "b.csv"):
        rows = [[f"E{i}", "2024-01-02", "underretning", (CPR_A, CPR_B)[i % 2]] for i in range(4)]
        converter = Converter(SPECS["events"], Table(file, header, iter(rows)), b"k", cache)
        found = list(converter.rows())
        assert len({row.values["cpr"].pseudonym for row in found}) == 2
    assert len(calls) == 2
