"""Benchmark of the forecast at the three demo sizes: time and peak memory.

    .venv/bin/python bench/forecast.py [--sizes ballerup,kobenhavn,danmark] [--sims 300]

Each size runs in its own process (so peak memory is its own): the demo generator writes
the data-contract files, a light CSV reader builds the core Dataset and the columnar
ledger (the database import is benchmarked elsewhere), then ``prepare`` and ``forecast``
are timed. Goal (issue 4): under 1 s at Copenhagen size, under 30 s and 4 GB for Denmark.
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from array import array
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO

import numpy as np

from ramme.core.forecast import Ledger, forecast, prepare
from ramme.core.ladder import LadderStep
from ramme.core.records import (
    ActivityLine,
    Child,
    Dataset,
    Measure,
    MeasureType,
    PriceKind,
    PricePeriod,
    PriceUnit,
)

SIZES = {"ballerup": 48_000, "kobenhavn": 48_000 * 12, "danmark": 48_000 * 120}


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _measures(folder: Path) -> tuple[Measure, ...]:
    prices: dict[str, list[PricePeriod]] = {}
    for r in _rows(folder, "prices.csv"):
        hours = Decimal(r["hours_per_week"]) if r["hours_per_week"] else None
        prices.setdefault(r["measure_id"], []).append(
            PricePeriod(
                date.fromisoformat(r["valid_from"]),
                _day(r["valid_to"]),
                PriceKind(r["kind"]),
                Decimal(r["amount"]),
                PriceUnit(r["unit"]),
                hours,
            )
        )
    return tuple(
        Measure(r["measure_id"], r.get("child_id") or r["cpr"], r["measure_type"],
                date.fromisoformat(r["start_date"]), _day(r["end_date"]),
                _day(r["planned_end_date"]), prices=tuple(prices.get(r["measure_id"], ())))
        for r in _rows(folder, "measures.csv")
    )  # fmt: skip


def load(folder: Path) -> tuple[Dataset, Ledger]:
    """The demo files as a Dataset without posting objects, plus the columnar ledger."""
    acts = _rows(folder, "activities.csv")
    names = list(dict.fromkeys(r["activity"] for r in acts))
    activities = tuple(
        ActivityLine(n, LadderStep(next(r["ladder_step"] for r in acts if r["activity"] == n)), i)
        for i, n in enumerate(names)
    )
    types = {
        r["measure_type"]: MeasureType(r["measure_type"], r["name"], LadderStep(r["ladder_step"]),
                                       r["activity"], r["account"])
        for r in _rows(folder, "catalogue.csv")
    }  # fmt: skip
    children = {
        (r.get("child_id") or r["cpr"]): Child(r.get("child_id") or r["cpr"], _day(r["birth_date"]))
        for r in _rows(folder, "children.csv")
    }  # fmt: skip
    measures = _measures(folder)
    index = {int(r["year"]): Decimal(r["rate"]) for r in _rows(folder, "price_index.csv")}
    dataset = Dataset(activities, types, children, measures, price_index=index)
    return dataset, _ledger(folder, dataset, acts, names)


def _ledger(folder: Path, dataset: Dataset, acts: list[dict[str, str]], names: list[str]
            ) -> Ledger:  # fmt: skip
    line_of = {n: i for i, n in enumerate(names)}
    kept = [m for m in dataset.measures if m.measure_type in dataset.measure_types]
    m_index = {m.measure_id: i for i, m in enumerate(kept)}
    m_line = {m.measure_id: line_of[dataset.measure_types[m.measure_type].activity] for m in kept}
    rules = [(r["account"], r["dranst"], r["cost_center"], line_of[r["activity"]]) for r in acts]
    cols: list[array[int]] = [array("q") for _ in range(4)]
    amounts = array("d")
    with (folder / "postings.csv").open(encoding="utf-8-sig") as handle:
        for day, amount, line, dranst, measure in _postings(handle, m_line, m_index, rules):
            cols[0].append(day)
            amounts.append(amount)
            cols[1].append(line)
            cols[2].append(dranst)
            cols[3].append(measure)
    as_int = [np.frombuffer(c, dtype=np.int64) for c in cols]
    return Ledger(as_int[0], np.frombuffer(amounts, dtype=np.float64), *as_int[1:])


def _postings(
    handle: IO[str], m_line: dict[str, int], m_index: dict[str, int],
    rules: list[tuple[str, str, str, int]],
) -> Iterator[tuple[int, float, int, int, int]]:  # fmt: skip
    """(day, amount, line, dranst, measure) per posting, streamed from the CSV."""
    for r in csv.DictReader(handle):
        mid = r["measure_id"]
        line = m_line.get(mid, -1) if mid and r["dranst"] != "2" else -1
        if line < 0:
            line = next(
                (
                    i
                    for a, d, c, i in rules
                    if (not a or a == r["account"])
                    and (not d or d == r["dranst"])
                    and (not c or c == r["cost_center"])
                ),
                -1,
            )
        yield (date.fromisoformat(r["date"]).toordinal(), float(r["amount"]), line,
               int(r["dranst"]), m_index.get(mid, -1))  # fmt: skip


def run_one(size: str, sims: int, folder: Path | None) -> None:
    from ramme.demo import generate

    with tempfile.TemporaryDirectory() as tmp:
        out = folder or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        if not (out / "measures.csv").exists():
            generate(out, population=SIZES[size], seed=1)
        t0 = time.perf_counter()
        dataset, ledger = load(out)
        t1 = time.perf_counter()
        prep = prepare(dataset, ledger)
        t2 = time.perf_counter()
        last = date.fromordinal(int(ledger.day.max()))
        as_of = date(last.year, 6, 30) if last.month > 6 else date(last.year - 1, 9, 30)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
        fc = forecast(prep, as_of, simulations=sims, seed=1)
        t3 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(
        f"{size:10s} measures {len(prep.measure_ids):>9,d} postings {len(ledger.day):>10,d}  "
        f"load {t1 - t0:6.1f} s  prepare {t2 - t1:5.1f} s  forecast ({sims} paths) "
        f"{t3 - t2:5.2f} s  peak {peak:5.2f} GB (before forecast {before:4.2f})  "
        f"total {float(fc.total.forecast) / 1e6:,.1f} mio."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="ballerup,kobenhavn,danmark")
    parser.add_argument("--sims", type=int, default=200)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help="reuse generated files in this folder")
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.sims, args.dir)
        return
    for size in args.sizes.split(","):
        cmd = [sys.executable, __file__, "--one", size, "--sims", str(args.sims)]
        if args.dir:  # one folder per size, so each size's files are reused
            cmd += ["--dir", str(args.dir / size)]
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
