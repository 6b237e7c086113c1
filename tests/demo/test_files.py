"""The generated folder: contract columns, keys, links, CPR numbers and determinism."""

from __future__ import annotations

import filecmp
from collections import Counter
from datetime import date
from pathlib import Path

from ramme.core.cpr import birth_date_of
from ramme.demo import generate
from tests.demo.conftest import SEED, read_rows

CONTRACT = {
    "catalogue.csv": ["measure_type", "name", "ladder_step", "activity", "account"],
    "activities.csv": ["activity", "ladder_step", "account", "dranst", "cost_center"],
    "providers.csv": ["provider_id", "name", "kind"],
    "children.csv": ["cpr", "birth_date", "caseworker", "team"],
    "measures.csv": ["measure_id", "cpr", "measure_type", "provider_id", "start_date",
                     "end_date", "planned_end_date", "legal_basis", "approved_by", "approved_at"],
    "prices.csv": ["measure_id", "valid_from", "valid_to", "kind", "amount", "unit",
                   "hours_per_week", "negotiated", "note"],
    "price_index.csv": ["year", "rate"],
    "postings.csv": ["posting_id", "date", "account", "dranst", "cost_center", "amount", "text",
                     "measure_id", "cpr", "provider_id"],
    "budget.csv": ["year", "activity", "kind", "amount", "date"],
    "events.csv": ["event_id", "date", "kind", "cpr", "end_date"],
    "population.csv": ["year", "age", "count"],
    "benchmark.csv": ["year", "municipality", "indicator", "value", "source"],
    "staff.csv": ["provider_id", "valid_from", "valid_to", "places", "staff"],
    "waiting.csv": ["cpr", "offer", "since", "until"],
}  # fmt: skip
EXTRA = {"catalogue.csv": ["duration_limit_months"], "measures.csv": ["reviewed_at"]}


def test_every_contract_file_has_the_contract_columns(demo_dir: Path) -> None:
    for name, columns in CONTRACT.items():
        header = (demo_dir / name).read_text("utf-8").splitlines()[0].split(",")
        assert header == columns + EXTRA.get(name, []), name
    assert (demo_dir / "scenario.json").exists()


def test_same_seed_gives_byte_identical_files(demo_dir: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", seed=SEED)
    names = [*CONTRACT, "scenario.json"]
    _, mismatch, errors = filecmp.cmpfiles(demo_dir, tmp_path / "again", names, shallow=False)
    assert mismatch == [] and errors == []
    generate(tmp_path / "other", seed=SEED + 1)
    assert not filecmp.cmp(demo_dir / "postings.csv", tmp_path / "other" / "postings.csv", False)


def test_cpr_numbers_are_replacement_numbers_that_give_the_birth_date(demo_dir: Path) -> None:
    children = read_rows(demo_dir / "children.csv")
    assert len({c["cpr"] for c in children}) == len(children)
    for child in children:
        born, replacement = birth_date_of(child["cpr"])
        assert replacement and 61 <= int(child["cpr"][:2]) <= 91
        assert born == date.fromisoformat(child["birth_date"])


def test_keys_are_unique_and_links_resolve(demo_dir: Path) -> None:
    rows = {name: read_rows(demo_dir / name) for name in CONTRACT}
    cprs = {c["cpr"] for c in rows["children.csv"]}
    measures = {m["measure_id"] for m in rows["measures.csv"]}
    providers = {p["provider_id"] for p in rows["providers.csv"]}
    types = {t["measure_type"] for t in rows["catalogue.csv"]}
    assert len(measures) == len(rows["measures.csv"])
    postings = rows["postings.csv"]
    assert len({p["posting_id"] for p in postings}) == len(postings)
    for m in rows["measures.csv"]:
        assert m["cpr"] in cprs and m["measure_type"] in types
        assert m["provider_id"] == "" or m["provider_id"] in providers
    assert all(p["measure_id"] in measures for p in rows["prices.csv"])
    measures_or_blank, cprs_or_blank = measures | {""}, cprs | {""}
    assert all(p["measure_id"] in measures_or_blank for p in postings)
    assert all(p["cpr"] in cprs_or_blank for p in postings)
    assert all(e["cpr"] in cprs for e in rows["events.csv"])


def test_every_posting_maps_to_an_activity_line(demo_dir: Path) -> None:
    """The contract's rule: a measure_id gives its type's line, else the first matching rule."""
    activity_of_type = {
        t["measure_type"]: t["activity"] for t in read_rows(demo_dir / "catalogue.csv")
    }
    measure_type = {
        m["measure_id"]: m["measure_type"] for m in read_rows(demo_dir / "measures.csv")
    }
    rules = read_rows(demo_dir / "activities.csv")
    lines: Counter[str] = Counter()
    for posting in read_rows(demo_dir / "postings.csv"):
        if posting["measure_id"]:
            lines[activity_of_type[measure_type[posting["measure_id"]]]] += 1
            continue
        match = next(
            r["activity"]
            for r in rules
            if all(r[k] in ("", posting[k]) for k in ("account", "dranst", "cost_center"))
        )
        lines[match] += 1
    assert lines["Refusion vedrørende funktioner, indgribende"] > 0
    assert lines["PPR Løn"] == 12 * 4 and lines["Familiehuset"] > 0


def test_postings_are_signed_rounded_and_linked_as_a_ledger_would(demo_dir: Path) -> None:
    for posting in read_rows(demo_dir / "postings.csv"):
        amount = posting["amount"]
        assert len(amount.split(".")[1]) == 2
        if posting["dranst"] == "2":
            assert float(amount) < 0 and posting["cpr"] and not posting["measure_id"]
        elif posting["text"].startswith("Løn"):
            assert not posting["measure_id"] and not posting["cpr"] and posting["cost_center"]
        else:
            assert float(amount) > 0 and posting["measure_id"] and posting["cpr"]
