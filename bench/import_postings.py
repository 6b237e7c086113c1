"""Benchmark: import a ledger of 1,000,000 postings on SQLite and PostgreSQL.

Usage: .venv/bin/python bench/import_postings.py [--rows N]
Prints rows per second (end to end: read, validate, write, map to activities) and peak
memory (ru_maxrss) for each database. PostgreSQL is used when it answers at
postgres://postgres@127.0.0.1:5432/postgres (a scratch database ramme_bench is created
and dropped).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "postgres://postgres@127.0.0.1:5432/ramme_bench"
ACTIVITIES = [("Opholdssted", "5.28.20"), ("Forebyggelse", "5.28.21"), ("Familiepleje", "5.28.22")]


def generate(folder: Path, rows: int) -> None:
    """postings.csv with ``rows`` rows (Danish and plain formats mixed) and its activities."""
    with (folder / "activities.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["activity", "ladder_step", "account", "dranst", "cost_center"])
        for name, account in ACTIVITIES:
            w.writerow([name, "indgribende", account, "1", ""])
        w.writerow(["Statsrefusion", "oevrige", "", "2", ""])
    with (folder / "catalogue.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["measure_type", "name", "ladder_step", "activity", "account"])
        w.writerow(["OPH", "Opholdssted", "indgribende", "Opholdssted", "5.28.20"])
    rng = random.Random(1)
    start = date(2023, 1, 1)
    accounts = [a for _, a in ACTIVITIES] + ["5.28.25"]
    with (folder / "postings.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["posting_id", "date", "account", "dranst", "cost_center", "amount", "text"])
        for i in range(rows):
            day = start + timedelta(days=rng.randrange(730))
            cents = rng.randrange(-500_000, 5_000_000)
            if i % 4:
                amount, when = f"{cents / 100:.2f}", day.isoformat()
            else:  # a quarter in Danish formats
                amount = f"{abs(cents) // 100:,}".replace(",", ".") + f",{abs(cents) % 100:02d}"
                amount = amount + ("-" if cents < 0 else "")
                when = day.strftime("%d.%m.%Y")
            dranst = "2" if i % 50 == 0 else "1"
            w.writerow(
                [f"B{i:08d}", when, rng.choice(accounts), dranst, "", amount, f"Faktura {i}"]
            )


def run(database_url: str, folder: Path) -> None:
    """Child process: migrate, import, print figures."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from ramme.web.data.models import Posting
    from ramme.web.data.services.importer import import_folder

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    result = import_folder(folder)
    seconds = time.perf_counter() - began
    if not result.ok:
        print("Importen fejlede:", *map(str, result.errors[:5]), sep="\n  ")
        sys.exit(1)
    rows = result.summary["files"]["postings"]["read"]
    assert Posting.objects.count() == rows
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  {rows:,} posteringer på {seconds:.1f} s: {rows / seconds:,.0f} rækker/s, "
        f"maks. hukommelse {peak_mb:,.0f} MB"
    )
    began = time.perf_counter()
    again = import_folder(folder)
    seconds = time.perf_counter() - began
    unchanged = again.summary["files"]["postings"]["unchanged"]
    print(
        f"  samme fil igen: {unchanged:,} uændrede på {seconds:.1f} s "
        f"({rows / seconds:,.0f} rækker/s)"
    )


def _postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP DATABASE IF EXISTS ramme_bench")
            conn.execute("CREATE DATABASE ramme_bench")
        return True
    except Exception:
        return False


def _drop_postgres() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS ramme_bench")


def _child(database_url: str, folder: Path, var: Path) -> None:
    env = {**os.environ, "RAMME_VAR": str(var)}
    cmd = [sys.executable, __file__, "--run", database_url, str(folder)]
    subprocess.run(cmd, env=env, check=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--run", nargs=2, metavar=("DATABASE_URL", "FOLDER"))
    args = parser.parse_args()
    if args.run:
        run(args.run[0], Path(args.run[1]))
        return
    with tempfile.TemporaryDirectory(prefix="ramme-bench-") as tmp:
        folder, var = Path(tmp) / "data", Path(tmp) / "var"
        folder.mkdir()
        var.mkdir()
        began = time.perf_counter()
        generate(folder, args.rows)
        print(f"Genereret {args.rows:,} posteringer på {time.perf_counter() - began:.1f} s")
        print("SQLite (midlertidig fil):")
        _child(f"sqlite:///{tmp}/bench.sqlite3", folder, var)
        if _postgres_available():
            print("PostgreSQL (ramme_bench):")
            try:
                _child(PG_BENCH, folder, var)
            finally:
                _drop_postgres()
        else:
            print("PostgreSQL kan ikke nås; springes over.")


if __name__ == "__main__":
    main()
