"""``ramme generate``: writes the folder and reports in Danish; clear errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ramme.web.data.management.commands.generate import parse_years


def test_generate_writes_the_files_and_reports_in_danish(tmp_path: Path) -> None:
    out = io.StringIO()
    call_command(
        "generate", str(tmp_path), "--population", "5000", "--years", "2022-2023",
        "--scenario", "ingen", stdout=out,
    )  # fmt: skip
    text = out.getvalue()
    assert "Demokommune genereret" in text and "5.000 indbyggere" in text
    assert "postings.csv" in text and "rækker" in text
    truth = json.loads((tmp_path / "scenario.json").read_text("utf-8"))
    assert truth["scenario"] == "ingen" and truth["years"] == [2022, 2023]
    assert (tmp_path / "measures.csv").stat().st_size > 0


def test_years_are_parsed_and_bad_input_is_refused() -> None:
    assert parse_years("2021-2024") == (2021, 2024)
    assert parse_years("2023") == (2023, 2023)
    for bad in ("2024-2021", "20x", "1999-2001"):
        with pytest.raises(CommandError):
            parse_years(bad)


def test_a_too_small_population_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"mindst 1\.000"):
        call_command("generate", str(tmp_path), "--population", "10")
