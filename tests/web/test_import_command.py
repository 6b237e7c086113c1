"""``ramme import``: the Danish summary, exit codes, errors without tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ramme.web.data.models import Posting
from tests.web.test_import import CPR_A, CPR_B, CPR_C, FILES, write_folder

ROOT = Path(__file__).resolve().parents[2]
RAMME = Path(sys.executable).parent / "ramme"


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_a_danish_summary(db: None, tmp_path: Path) -> None:
    out, _ = _run(str(write_folder(tmp_path / "data")))
    assert "Importen er gennemført." in out
    assert "postings.csv" in out
    assert "2024  Opholdssted" in out and "87.908 kr." in out  # B1, rounded to whole kroner
    assert "Statsrefusion" in out and "-25.000 kr." in out
    assert "Posteringer uden aktivitet: 1" in out and "B3" in out
    for cpr in (CPR_A, CPR_B, CPR_C):
        assert cpr.replace("-", "") not in out and cpr not in out


def test_errors_are_listed_and_the_command_fails(db: None, tmp_path: Path) -> None:
    files = {**FILES, "postings.csv": FILES["postings.csv"].replace("10.01.2024", "31.02.2024")}
    err = StringIO()
    with pytest.raises(CommandError, match="Importen er afvist: 1 fejl"):
        call_command("import", str(write_folder(tmp_path / "d", files)), stderr=err)
    assert "postings.csv, række 2, kolonne date: umulig dato «31.02.2024»" in err.getvalue()
    assert Posting.objects.count() == 0


def test_at_most_200_errors_are_printed_but_all_are_counted(db: None, tmp_path: Path) -> None:
    lines = "".join(f"X{i},99.99.2024,5.28.20,1,,10,\n" for i in range(250))
    header = "posting_id,date,account,dranst,cost_center,amount,text\n"
    folder = write_folder(tmp_path / "d", {"postings.csv": header + lines})
    err = StringIO()
    with pytest.raises(CommandError, match="Importen er afvist: 250 fejl"):
        call_command("import", str(folder), stderr=err)
    printed = err.getvalue().splitlines()
    assert sum("kolonne date" in line for line in printed) == 200
    assert "række 201," in printed[199] and "række 202," not in err.getvalue()
    assert printed[200] == "… og 50 fejl mere"


def test_a_prisme_export_imports_through_the_example_profile(db: None, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "data", {"activities.csv": FILES["activities.csv"]})
    (folder / "g69_2024.csv").write_bytes(
        (
            "Bilagsnr;Bogf.dato;Kontostreng;Omk.sted;Beløb;Tekst;Leverandør\n"
            "900001;31.03.2024;01005-528211002-015027-529CPR---;FB;1.234,50;Faktura;\n"
            "900002;02.04.2024;01005-528202001-015027-529CPR---;;250,00-;Refusion;\n"
        ).encode("cp1252")
    )
    out, _ = _run(str(folder), "--profile", str(ROOT / "docs/profiles/prisme-example.toml"))
    assert "g69_2024.csv" in out
    rows = dict(Posting.objects.values_list("posting_id", "activity__name"))
    assert rows == {"900001": "Familiebehandling", "900002": "Statsrefusion"}


def _ramme(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "RAMME_VAR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
    }
    return subprocess.run(
        [str(RAMME), "import", *args], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_the_cli_exit_codes_and_no_tracebacks(tmp_path: Path) -> None:
    good = _ramme(tmp_path, str(write_folder(tmp_path / "good")))
    assert good.returncode == 0, good.stderr
    assert "Importen er gennemført." in good.stdout
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "postings.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    (broken / "events.csv").write_bytes(b"")
    (broken / "budget.csv").write_bytes(b"\x00\x00\x00")
    for folder in (broken, tmp_path / "missing"):
        result = _ramme(tmp_path, str(folder))
        assert result.returncode != 0
        assert "Traceback" not in result.stderr + result.stdout
        assert "Importen er afvist" in result.stderr
    result = _ramme(tmp_path, str(broken))
    assert "postings.xlsx: XLSX-filen er ødelagt" in result.stderr
    assert "events.csv: filen er tom" in result.stderr
    assert "budget.csv: filen er binær" in result.stderr
