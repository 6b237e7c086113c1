"""Validation of contract files: every error with file, row, column (ramme.importing.validate)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ramme.importing import validate
from ramme.importing.readers import open_table
from ramme.importing.specs import SPECS
from ramme.importing.validate import Row, validate_table

KEY = b"test-key"


def _validate(tmp_path: Path, name: str, text: str) -> tuple[list[Row], list[str]]:
    path = tmp_path / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    rows, errors = validate_table(SPECS[name], open_table(path), KEY)
    return rows, [str(e) for e in errors]


def test_a_valid_file_gives_typed_rows_and_keeps_unknown_columns(tmp_path: Path) -> None:
    rows, errors = _validate(
        tmp_path,
        "prices",
        "Measure_ID,VALID_FROM,valid_to,kind,amount,unit,hours_per_week,negotiated,note,Sag\n"
        'M1,01.01.2024,,base,"2.650,00",day,,,,S-17\n',
    )
    assert errors == []
    [row] = rows
    assert row.number == 2
    assert str(row.values["amount"]) == "2650.00"
    assert row.values["valid_to"] is None
    assert row.extra == {"Sag": "S-17"}


def test_every_missing_required_column_is_an_error_on_row_1(tmp_path: Path) -> None:
    _, errors = _validate(tmp_path, "postings", "posting_id,text\nB1,x\n")
    assert errors == [
        "postings.csv, række 1, kolonne date: kolonnen mangler",
        "postings.csv, række 1, kolonne account: kolonnen mangler",
        "postings.csv, række 1, kolonne dranst: kolonnen mangler",
        "postings.csv, række 1, kolonne amount: kolonnen mangler",
    ]


def test_it_collects_every_bad_cell_not_just_the_first(tmp_path: Path) -> None:
    rows, errors = _validate(
        tmp_path,
        "postings",
        "posting_id,date,account,dranst,amount\n"
        "B1,31.02.2024,5.28.20,1,100\n"
        'B2,2024-01-05,5.28.20,3,"12,3,4"\n'
        "B3,2024-01-05,5.28.20,1,10\n"
        "B3,2024-01-06,5.28.20,1,10\n",
    )
    assert [r.values["posting_id"] for r in rows] == ["B3"]
    assert errors == [
        "postings.csv, række 2, kolonne date: umulig dato «31.02.2024»",
        "postings.csv, række 3, kolonne dranst: ukendt dranst «3» (tilladt: 1, 2)",
        "postings.csv, række 3, kolonne amount: ugyldigt beløb «12,3,4»",
        "postings.csv, række 5, kolonne posting_id: dubletnøgle «B3»",
    ]


def test_measure_ending_before_it_starts(tmp_path: Path) -> None:
    _, errors = _validate(
        tmp_path,
        "measures",
        "measure_id,child_id,measure_type,start_date,end_date\nM1,C1,OPH,2024-05-01,2024-04-30\n",
    )
    assert errors == ["measures.csv, række 2, kolonne end_date: slutdato ligger før startdato"]


def test_price_rules(tmp_path: Path) -> None:
    _, errors = _validate(
        tmp_path,
        "prices",
        "measure_id,valid_from,valid_to,kind,amount,unit,hours_per_week\n"
        "M1,2024-01-01,2023-12-31,base,100,day,\n"
        "M1,2024-01-01,,base,-5,day,\n"
        "M1,2024-01-01,,base,450,hour,\n"
        "M1,2024-01-01,,base,450,fortnight,\n"
        "M1,2024-01-01,,bonus,450,day,\n",
    )
    assert errors == [
        "prices.csv, række 2, kolonne valid_to: valid_to ligger før valid_from",
        "prices.csv, række 3, kolonne amount: negativ pris",
        "prices.csv, række 4, kolonne hours_per_week: en timepris kræver hours_per_week",
        "prices.csv, række 5, kolonne unit: ukendt enhed «fortnight» "
        "(tilladt: day, week, month, year, hour eller once)",
        "prices.csv, række 6, kolonne kind: ukendt værdi «bonus» (tilladt: base, supplement)",
    ]


def test_a_child_needs_child_id_or_cpr(tmp_path: Path) -> None:
    _, errors = _validate(tmp_path, "children", "caseworker\nalice\n")
    assert errors == [
        "children.csv, række 1, kolonne child_id: kolonnen child_id eller cpr mangler"
    ]
    _, errors = _validate(tmp_path, "children", "child_id,cpr,caseworker\n,,alice\n")
    assert errors == ["children.csv, række 2, kolonne child_id: child_id eller cpr skal udfyldes"]


def test_cpr_becomes_a_pseudonym_and_errors_never_echo_it(tmp_path: Path) -> None:
    rows, errors = _validate(
        tmp_path,
        "children",
        "cpr,caseworker\n150310-4123,alice\n1503104123,bob\n159910-4123,carl\n",
    )
    assert errors == [
        "children.csv, række 3, kolonne cpr: dubletnøgle «" + rows[0].values["cpr"].pseudonym + "»",
        "children.csv, række 4, kolonne cpr: ugyldigt CPR-nummer",
    ]
    assert all("1503104123" not in e and "159910" not in e for e in errors)


def test_cpr_numbers_in_free_text_and_unknown_columns_are_scrubbed(tmp_path: Path) -> None:
    path = tmp_path / "postings.csv"
    path.write_text(
        "posting_id,date,account,dranst,amount,text,Note\n"
        "B1,2024-01-05,5.28.20,1,10,Faktura 150310-4123,se 1503104123\n",
        encoding="utf-8",
    )
    from ramme.importing.validate import Converter

    converter = Converter(SPECS["postings"], open_table(path), KEY)
    [row] = list(converter.rows())
    assert row.values["text"] == "Faktura [CPR fjernet]"
    assert row.extra == {"Note": "se [CPR fjernet]"}
    assert converter.scrubbed == 2


def test_a_repeated_free_text_is_scrubbed_and_counted_on_every_row(tmp_path: Path) -> None:
    path = tmp_path / "children.csv"
    path.write_text(
        "child_id,caseworker,team\n"
        "C1,alice,Team 150310-4123\nC2,bob,Team 150310-4123\nC3,carl,Team Syd\n",
        encoding="utf-8",
    )
    from ramme.importing.validate import Converter

    converter = Converter(SPECS["children"], open_table(path), KEY)
    rows = list(converter.rows())
    assert [r.values["team"] for r in rows] == ["Team [CPR fjernet]"] * 2 + ["Team Syd"]
    assert converter.scrubbed == 2


def test_a_remembered_value_is_the_parsed_one_and_a_bad_one_fails_on_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ramme.importing import parsing

    calls: list[str] = []
    parse_date = parsing.parse_date

    def counting(text: str) -> object:
        calls.append(text)
        return parse_date(text)

    monkeypatch.setitem(validate._PARSERS, "date", counting)
    rows, errors = _validate(
        tmp_path,
        "measures",
        "measure_id,child_id,measure_type,start_date,end_date\n"
        "M1,C1,FB,01.02.2024,\nM2,C1,FB,01.02.2024,31.02.2024\nM3,C2,FB,2024-02-01,31.02.2024\n"
        "M4,C2,FB,01.02.2024,\n",
    )
    assert [r.values["start_date"] for r in rows] == [date(2024, 2, 1)] * 2
    assert [r.values["measure_type"] for r in rows] == ["FB", "FB"]
    assert errors == [
        "measures.csv, række 3, kolonne end_date: umulig dato «31.02.2024»",
        "measures.csv, række 4, kolonne end_date: umulig dato «31.02.2024»",
    ]
    # each distinct date text once, a bad one on each row that holds it
    assert sorted(calls) == ["01.02.2024", "2024-02-01", "31.02.2024", "31.02.2024"]


def test_the_key_column_is_not_remembered(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("event_id,date,kind,child_id\nE1,2024-01-02,underretning,C1\n")
    converter = validate.Converter(SPECS["events"], open_table(path), KEY)
    assert len(list(converter.rows())) == 1
    memos = {name: memo for _, name, *_, memo, _ in converter._plan}
    assert memos["event_id"] == {} and memos["date"] and memos["child_id"]
