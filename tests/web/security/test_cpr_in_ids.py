"""CPR numbers never reach the database, logs or outputs, whichever column holds them."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from django.apps import apps

from ramme.web.data.services.importer import import_folder
from tests.web.test_import import FILES, write_folder

SPELLINGS = ["010203 1236", "01.02.03-1237", "010203\u20101236", "111111\u00a01118"]


def _everything() -> str:
    """Every row of every table, as text."""
    return repr([list(model._default_manager.values()) for model in apps.get_models()])


def _digits_found(text: str, cpr: str) -> bool:
    digits = "".join(ch for ch in cpr if ch.isdigit())
    return digits in "".join(ch for ch in text if ch.isdigit() or ch == "|") or cpr in text


@pytest.mark.parametrize(
    ("file", "old", "new", "column"),
    [
        ("children.csv", "C2,,2012", "111111-1118,,2012", "child_id"),
        ("measures.csv", "M2,C2", "121212-1212-01,C2", "measure_id"),
        ("postings.csv", "B2,2024", "010203\u20131236,2024", "posting_id"),
        ("events.csv", "E2,2024", "01.02.03-1237,2024", "event_id"),
    ],
)
def test_an_id_in_cpr_form_is_refused_with_file_row_and_column(
    db: None, tmp_path: Path, caplog: pytest.LogCaptureFixture, file: str, old: str, new: str,
    column: str,
) -> None:  # fmt: skip
    files = dict(FILES)
    assert old in files[file]
    files[file] = files[file].replace(old, new)
    if column == "child_id":  # the child is referred to by the measure and event too
        for other in ("measures.csv", "events.csv"):
            files[other] = files[other].replace(",C2,", ",111111-1118,")
    with caplog.at_level(logging.DEBUG):
        result = import_folder(write_folder(tmp_path / "data", files))
    assert not result.ok
    mine = [e for e in result.errors if e.file == file and e.column == column]
    assert mine and mine[0].row >= 2 and "CPR-nummer" in mine[0].reason
    outputs = _everything() + repr(result) + " ".join(map(str, result.errors)) + caplog.text
    assert not _digits_found(outputs, new.split(",")[0][:13])


def test_a_folder_named_after_a_cpr_number_is_refused_and_not_recorded(
    db: None, tmp_path: Path
) -> None:
    result = import_folder(write_folder(tmp_path / "export_151515-1515"))
    assert not result.ok and "mappens navn ligner et CPR-nummer" in str(result.errors[0])
    assert "1515151515" not in _everything().replace("-", "")


def test_cpr_numbers_in_free_text_are_removed_in_every_spelling(
    db: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = dict(FILES)
    notes = " og ".join(SPELLINGS)
    files["prices.csv"] = files["prices.csv"].replace("ekstra støtte til 150310-4123", notes)
    files["postings.csv"] = files["postings.csv"].replace("FB 01/2024", SPELLINGS[2])
    with caplog.at_level(logging.DEBUG):
        result = import_folder(write_folder(tmp_path / "data", files))
    assert result.ok, result.errors
    outputs = _everything() + repr(result) + caplog.text
    for cpr in SPELLINGS:
        digits = "".join(ch for ch in cpr if ch.isdigit())
        assert digits not in "".join(ch for ch in outputs if ch.isdigit() or not ch.isspace())
        assert cpr not in outputs
    assert any("CPR-numre fjernet" in w for w in result.warnings)


def test_only_the_birth_month_is_stored_and_the_forecast_ages_at_its_start(
    db: None, tmp_path: Path
) -> None:
    from datetime import date

    from ramme.core.forecast.data import prepare
    from ramme.web.data.dataset import load_dataset
    from ramme.web.data.models import Child

    assert import_folder(write_folder(tmp_path / "data")).ok  # CPR_A: born 15.03.2010
    child = Child.objects.get(caseworker="alice")
    assert child.birth_date == date(2010, 3, 1)
    prepared = prepare(load_dataset())
    m1 = prepared.measure_ids.index("M1")
    # the age limit of 18 falls on the day before the birth month's first day
    assert date.fromordinal(int(prepared.m_age18[m1])) == date(2028, 2, 29)
