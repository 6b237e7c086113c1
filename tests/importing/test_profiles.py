"""Mapping profiles turn a real export into contract columns (ramme.importing.profiles)."""

from __future__ import annotations

from pathlib import Path

from ramme.importing.profiles import apply_profile, load_profile
from ramme.importing.readers import open_table
from ramme.importing.specs import SPECS
from ramme.importing.validate import validate_table

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "profiles" / "prisme-example.toml"
PRISME = (
    "Bilagsnr;Bogf.dato;Kontostreng;Omk.sted;Beløb;Tekst;Leverandør;Bruger\n"
    "900001;31.03.2024;01005-528211002-015027-529CPR---;FB;1.234,50;Faktura marts;Egely ApS;AB\n"
    "900002;02.04.2024;01005-528202001-015027-529CPR---;;250,00-;Refusion;Andet;CD\n"
)


def test_the_example_profile_maps_a_prisme_export(tmp_path: Path) -> None:
    profile, errors = load_profile(EXAMPLE)
    assert errors == [] and profile is not None
    path = tmp_path / "g69_2024.csv"
    path.write_bytes(PRISME.encode("cp1252"))
    rules = profile.files["postings"]
    table = apply_profile(open_table(path, rules.encoding, rules.delimiter), rules)
    rows, errors = validate_table(SPECS["postings"], table, b"k")
    assert errors == []
    first, second = (r.values for r in rows)
    assert (first["posting_id"], first["account"], first["dranst"]) == ("900001", "5.28.21", "1")
    assert str(first["amount"]) == "1234.50" and first["date"].isoformat() == "2024-03-31"
    assert first["provider_id"] == "P2" and first["cost_center"] == "FB"
    assert (second["account"], second["dranst"], str(second["amount"])) == (
        "5.28.20",
        "2",
        "-250.00",
    )
    assert second["provider_id"] == "Andet"  # unmapped values pass through
    assert rows[0].extra == {"Bruger": "AB"}


def test_a_constant_and_a_default(tmp_path: Path) -> None:
    profile_path = tmp_path / "p.toml"
    profile_path.write_text(
        '[files.budget]\nsource = "budget*.csv"\n[files.budget.columns]\n'
        'year = { constant = "2025" }\nactivity = "Aktivitet"\n'
        'kind = { column = "Art", map = { V = "vedtaget", K = "korrigeret" },'
        ' default = "vedtaget" }\n'
        'amount = "Beløb"\n',
        encoding="utf-8",
    )
    profile, errors = load_profile(profile_path)
    assert errors == [] and profile is not None
    data = tmp_path / "budget_2025.csv"
    data.write_text("Aktivitet;Art;Beløb\nOpholdssted;K;1.000\nFamiliepleje;;2.000,00\n")
    table = apply_profile(open_table(data), profile.files["budget"])
    rows, errors = validate_table(SPECS["budget"], table, b"k")
    assert errors == []
    assert [(r.values["year"], r.values["kind"], r.values["amount"]) for r in rows] == [
        (2025, "korrigeret", 1000),
        (2025, "vedtaget", 2000),
    ]


def test_a_broken_profile_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[files.ledger]\nsource = "x"\n[files.postings.columns]\namount = { regex = "(" }\n'
    )
    profile, errors = load_profile(path)
    assert profile is None
    assert [e.column for e in errors] == ["ledger", "postings.amount"]
    _, errors = load_profile(tmp_path / "missing.toml")
    assert [e.reason for e in errors] == ["profilen findes ikke"]
