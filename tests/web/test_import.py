"""The all-or-nothing importer (ramme.web.data.services.importer)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps

from ramme.web.accounts.models import AuditEvent
from ramme.web.data.models import (
    Child,
    ImportRun,
    LegalParagraph,
    MappingRule,
    Measure,
    Posting,
    PricePeriod,
)
from ramme.web.data.services.importer import import_folder

CPR_A, CPR_B, CPR_C = "150310-4123", "0207154567", "311299-1234"

FILES = {
    "activities.csv": """activity,ladder_step,account,dranst,cost_center
Familiebehandling,forebyggende,5.28.21,1,FB
Opholdssted,indgribende,5.28.20,1,
Statsrefusion,oevrige,,2,
""",
    "catalogue.csv": """measure_type,name,ladder_step,activity,account
FB,Familiebehandling,forebyggende,Familiebehandling,5.28.21
OPH,Opholdssted,indgribende,Opholdssted,5.28.20
""",
    "providers.csv": """provider_id,name,kind,CVR
P1,Familiehuset,intern,
P2,Opholdsstedet Egely,ekstern,12345678
""",
    "children.csv": f"""child_id,cpr,birth_date,caseworker,team
,{CPR_A},,alice,Team Nord
C2,,2012-06-01,bob,Team Syd
""",
    "measures.csv": "measure_id,child_id,cpr,measure_type,provider_id,start_date,end_date,"
    + f"""legal_basis
M1,,{CPR_A},OPH,P2,01.01.2024,,Barnets lov § 46
M2,C2,,FB,P1,2023-05-01,2024-06-30,SEL § 52 stk. 3 nr. 3
M3,,{CPR_B},FB,P1,2024-02-01,,aftale
""",
    "prices.csv": f"""measure_id,valid_from,valid_to,kind,amount,unit,hours_per_week,negotiated,note
M1,2024-01-01,,base,"2.650,00",day,,,
M1,2024-03-01,2024-06-30,supplement,450,day,,ja,ekstra støtte til {CPR_A}
M2,2023-05-01,,base,450,hour,6,,
""",
    "price_index.csv": "year,rate\n2024,3.9\n2025,2.6\n",
    "postings.csv": "posting_id,date,account,dranst,cost_center,amount,text,"
    + f"""measure_id,cpr,provider_id
B1,10.01.2024,5.28.20,1,,"87.907,62",OPH 01/2024,M1,,P2
B2,2024-01-12,5.28.21,1,FB,19801.45,FB 01/2024,,,P1
B3,2024-02-10,5.28.21,1,KP,1000,ukendt omkostningssted,,,
B4,31.12.2024,5.28.20,2,,"25.000,00-",refusion barn {CPR_C},,{CPR_C},
""",
    "budget.csv": """year,activity,kind,date,amount
2024,Opholdssted,vedtaget,,1000000
2024,Opholdssted,korrigeret,2024-06-01,1200000
2024,Familiebehandling,vedtaget,,"500.000,00"
""",
    "events.csv": f"""event_id,date,kind,cpr,child_id
E1,2024-01-11,underretning,{CPR_A},
E2,2024-02-05,undersoegelse,,C2
E3,2024-03-01,underretning,,
""",
}


def write_folder(folder: Path, files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (FILES if files is None else files).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _key(paragraph: LegalParagraph | None) -> str | None:
    return None if paragraph is None else paragraph.key


def dump() -> dict[str, list[dict[str, Any]]]:
    """Every row of the data tables (not the import log), for before/after comparisons."""
    return {
        model._meta.label: sorted(
            model._default_manager.order_by().values(), key=lambda row: row["id"]
        )
        for model in apps.get_app_config("data").get_models()
        if model is not ImportRun
    }


def _counts(result: Any, file: str) -> tuple[int, int, int, int]:
    c = result.summary["files"][file]
    return c["read"], c["created"], c["updated"], c["unchanged"]


def test_a_valid_folder_is_imported(db: None, tmp_path: Path) -> None:
    result = import_folder(write_folder(tmp_path / "data"), username="økonom")
    assert result.ok, [str(e) for e in result.errors]
    assert _counts(result, "postings") == (4, 4, 0, 0)
    assert _counts(result, "measures") == (3, 3, 0, 0)
    assert _counts(result, "activities") == (3, 3, 0, 0)
    assert MappingRule.objects.count() == 3
    # M3's child came by CPR only: created from it; B4's child likewise
    assert Child.objects.count() == 4
    activity = dict(Posting.objects.values_list("posting_id", "activity__name"))
    assert activity == {
        "B1": "Opholdssted",  # through measure M1
        "B2": "Familiebehandling",  # rule with cost centre FB
        "B3": None,  # cost centre KP matches no rule
        "B4": "Statsrefusion",
    }
    assert Posting.objects.get(posting_id="B4").amount == -25000
    assert result.summary["unmatched"]["count"] == 1
    assert any("1 posteringer passer ikke" in w and "B3" in w for w in result.warnings)
    assert _key(Measure.objects.get(measure_id="M1").legal_paragraph) == "BL-46"
    assert _key(Measure.objects.get(measure_id="M2").legal_paragraph) == "SEL-52-3.3"
    assert any("«aftale»" in w for w in result.warnings)
    run = ImportRun.objects.get()
    assert run.succeeded and run.username == "økonom"
    assert AuditEvent.objects.filter(action="import", object_type="folder").count() == 1


def test_importing_the_same_folder_twice_changes_nothing(db: None, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    assert import_folder(folder).ok
    before = dump()
    again = import_folder(folder)
    assert again.ok
    assert dump() == before
    for counts in again.summary["files"].values():
        assert (counts["created"], counts["updated"]) == (0, 0), counts
        assert counts["unchanged"] == counts["read"]


def test_a_changed_file_updates_rows_by_key(db: None, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    import_folder(folder)
    files = dict(FILES)
    files["postings.csv"] = FILES["postings.csv"].replace("19801.45", "19900")
    files["prices.csv"] = FILES["prices.csv"].replace("450,hour,6", "475,hour,6")
    write_folder(folder, files)
    result = import_folder(folder)
    assert result.ok
    assert _counts(result, "postings") == (4, 0, 1, 3)
    assert Posting.objects.get(posting_id="B2").amount == 19900
    # M2's price set differed and was replaced; M1's was kept
    assert _counts(result, "prices") == (3, 0, 1, 2)
    assert PricePeriod.objects.get(measure__measure_id="M2").amount == 475


def test_new_activity_rules_remap_existing_postings(db: None, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    import_folder(folder)
    only = tmp_path / "rules"
    rules = FILES["activities.csv"] + "Kontaktperson,forebyggende,5.28.21,1,KP\n"
    result = import_folder(write_folder(only, {"activities.csv": rules}))
    assert result.ok
    activity = Posting.objects.get(posting_id="B3").activity
    assert activity is not None and activity.name == "Kontaktperson"
    assert result.summary["remapped_postings"] == 1
    assert result.summary["unmatched"]["count"] == 0


def test_a_defect_anywhere_changes_nothing(db: None, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data")
    assert import_folder(folder).ok
    before = dump()
    files = dict(FILES)
    files["postings.csv"] = FILES["postings.csv"].replace("19801.45", '"19.801,4,5"') + (
        "B5,2024-03-01,5.28.21,1,,100,,M9,,\n"
    )
    files["providers.csv"] = FILES["providers.csv"] + "P3,Ny leverandør,ekstern,\n"
    files["measures.csv"] = FILES["measures.csv"] + "M4,C2,,XYZ,P1,31.02.2024,,\n"
    files["budget.csv"] = FILES["budget.csv"] + "2024,Ukendt,vedtaget,,5\n"
    write_folder(folder, files)
    result = import_folder(folder)
    assert not result.ok
    assert [str(e) for e in result.errors] == [
        "measures.csv, række 5, kolonne start_date: umulig dato «31.02.2024»",
        "postings.csv, række 3, kolonne amount: ugyldigt beløb «19.801,4,5»",
        "postings.csv, række 6, kolonne measure_id: ukendt indsats «M9»",
        "budget.csv, række 5, kolonne activity: ukendt aktivitet «Ukendt»",
    ]
    assert dump() == before  # the new provider P3 was rolled back too
    last = ImportRun.objects.order_by("-id").first()
    assert last is not None and not last.succeeded


def test_unknown_references_are_errors(db: None, tmp_path: Path) -> None:
    files = {
        "catalogue.csv": "measure_type,name,ladder_step,activity\nX,X,indgribende,Nope\n",
        "measures.csv": "measure_id,child_id,measure_type,provider_id,start_date\n"
        "M1,C9,X,P9,2024-01-01\n",
        "prices.csv": "measure_id,valid_from,kind,amount,unit\nM7,2024-01-01,base,1,day\n",
        "activities.csv": "activity,ladder_step\nA,himmelstigen\n",
    }
    result = import_folder(write_folder(tmp_path / "data", files))
    reasons = [str(e) for e in result.errors]
    assert reasons == [
        "activities.csv, række 2, kolonne ladder_step: ukendt værdi «himmelstigen» "
        "(tilladt: forebyggende, foregribende, indgribende, oevrige)",
        "catalogue.csv, række 2, kolonne activity: ukendt aktivitet «Nope»",
        "measures.csv, række 2, kolonne child_id: ukendt barn «C9»",
        "measures.csv, række 2, kolonne measure_type: ukendt indsatstype «X»",
        "measures.csv, række 2, kolonne provider_id: ukendt leverandør «P9»",
        "prices.csv, række 2, kolonne measure_id: ukendt indsats «M7»",
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("postings.csv", b"", "postings.csv: filen er tom"),
        ("postings.csv", b"\x00\x01\x02\x03", "postings.csv: filen er binær"),
        ("postings.xlsx", b"PK\x03\x04broken", "postings.xlsx: XLSX-filen er ødelagt"),
    ],
)
def test_unreadable_files_are_errors(
    db: None, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / name).write_bytes(content)
    result = import_folder(folder)
    assert not result.ok
    assert str(result.errors[0]).startswith(reason)


def test_a_missing_folder_is_an_error(db: None, tmp_path: Path) -> None:
    result = import_folder(tmp_path / "nowhere")
    assert not result.ok and result.errors[0].reason == "mappen findes ikke"


def test_no_cpr_number_reaches_the_database(db: None, tmp_path: Path) -> None:
    result = import_folder(write_folder(tmp_path / "data"))
    assert result.ok
    everything = repr(dump()) + repr(list(ImportRun.objects.values()))
    everything += repr(list(AuditEvent.objects.values())) + repr(result)
    for cpr in (CPR_A, CPR_B, CPR_C):
        digits = cpr.replace("-", "")
        assert digits not in everything
        assert f"{digits[:6]}-{digits[6:]}" not in everything
    assert "[CPR fjernet]" in PricePeriod.objects.get(kind="supplement").note
    assert any("CPR-numre fjernet" in w for w in result.warnings)
    child = Child.objects.get(caseworker="alice")
    assert child.birth_date is not None
    assert child.birth_date.isoformat() == "2010-03-01" and child.key.startswith("p")  # month


def test_legal_paragraphs_are_seeded_with_successors(db: None, tmp_path: Path) -> None:
    import_folder(write_folder(tmp_path / "data", {"price_index.csv": "year,rate\n2024,3\n"}))
    placement = LegalParagraph.objects.get(key="SEL-52-3.7")
    assert _key(placement.successor) == "BL-46"
    assert _key(LegalParagraph.objects.get(key="SEL-52-3.3").successor) == "BL-32"
    assert _key(LegalParagraph.objects.get(key="SEL-50").successor) == "BL-20"


def test_xlsx_files_import_and_reimport_unchanged(db: None, tmp_path: Path) -> None:
    import openpyxl

    folder = write_folder(tmp_path / "data")
    (folder / "prices.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Measure_ID", "valid_from", "kind", "amount", "unit"])
    sheet.append(["M1", date(2024, 1, 1), "base", 2650.1 + 0.2, "day"])  # binary float noise
    book.save(folder / "prices.xlsx")
    first = import_folder(folder)
    assert first.ok, [str(e) for e in first.errors]
    assert PricePeriod.objects.get().amount == Decimal("2650.30")
    again = import_folder(folder)
    assert again.summary["files"]["prices"]["unchanged"] == 1


def test_progress_goes_to_stderr_only_when_asked(
    db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_folder(tmp_path / "data")
    import_folder(folder)
    assert "Posteringer" not in capsys.readouterr().err
    import_folder(folder, progress=True)
    captured = capsys.readouterr()
    assert "Posteringer" in captured.err and captured.out == ""


def test_every_child_carries_the_number_of_the_import_that_made_it(
    db: None, tmp_path: Path
) -> None:
    result = import_folder(write_folder(tmp_path / "data"))
    assert result.ok and result.summary["children_from_cpr"] > 0  # some only from a CPR number
    run = ImportRun.objects.latest("pk")
    assert set(Child.objects.values_list("valid_from_import", flat=True)) == {run.pk}
