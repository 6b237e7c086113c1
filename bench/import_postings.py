"""Benchmark: import a ledger of 1,000,000 postings on SQLite and PostgreSQL.

Usage: .venv/bin/python bench/import_postings.py [--rows N] [--cpr]
With ``--cpr`` the file has a ``cpr`` column as real exports do (almost every row names a
child; ``--children`` distinct numbers, default 20,000, in all the usual spellings).
Prints rows per second (end to end: read, validate, write, map to activities), peak
memory (ru_maxrss) and CPU seconds (this process; on PostgreSQL on this machine also the
server's) for each database. PostgreSQL is used when it answers at
postgres://postgres@127.0.0.1:5432/postgres (a scratch database ramme_bench_<pid> is created
and dropped); ``--postgres URL`` uses that (empty) database instead, as it is.
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

from import_files import server_cpu  # bench/ is on sys.path

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
# one per bench process, so that two sessions benching at once do not share (and drop) it
PG_SCRATCH = f"ramme_bench_{os.getpid()}"
PG_BENCH = f"postgres://postgres@127.0.0.1:5432/{PG_SCRATCH}"
ACTIVITIES = [("Opholdssted", "5.28.20"), ("Forebyggelse", "5.28.21"), ("Familiepleje", "5.28.22")]


def cpr_numbers(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct valid CPR numbers of children (born 2005-2023), spelled as
    exports spell them: mostly ``ddmmåå-xxxx``, some ``ddmmååxxxx``."""
    found: set[str] = set()
    while len(found) < count:
        born = date(2005, 1, 1) + timedelta(days=rng.randrange(19 * 365))
        serial = f"{rng.choice('4567')}{rng.randrange(1000):03d}"  # 2000s: 4-9 (cpr._century)
        sep = "" if rng.random() < 0.2 else "-"
        found.add(f"{born:%d%m%y}{sep}{serial}")
    return sorted(found)


def generate(folder: Path, rows: int, children: int = 0) -> None:
    """postings.csv with ``rows`` rows (Danish and plain formats mixed) and its activities;
    with ``children``, a ``cpr`` column naming one of that many children on 9 rows of 10."""
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
    cprs = cpr_numbers(children, rng) if children else []
    header = ["posting_id", "date", "account", "dranst", "cost_center", "amount", "text"]
    with (folder / "postings.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header + (["cpr"] if cprs else []))
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
            row = [f"B{i:08d}", when, rng.choice(accounts), dranst, "", amount, f"Faktura {i}"]
            if cprs:  # a tenth of the rows (refunds, overhead) name no child
                row.append(rng.choice(cprs) if i % 10 else "")
            w.writerow(row)


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
    began, used, served = time.perf_counter(), time.process_time(), server_cpu()
    result = import_folder(folder)
    seconds = time.perf_counter() - began
    cpu = f"CPU {time.process_time() - used:.1f} s" + _served(served)
    if not result.ok:
        print("Importen fejlede:", *map(str, result.errors[:5]), sep="\n  ")
        sys.exit(1)
    rows = result.summary["files"]["postings"]["read"]
    assert Posting.objects.count() == rows
    children = result.summary["children_from_cpr"]
    if children:
        print(f"  {children:,} børn oprettet fra CPR-numre")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  {rows:,} posteringer på {seconds:.1f} s: {rows / seconds:,.0f} rækker/s, "
        f"maks. hukommelse {peak_mb:,.0f} MB ({cpu})"
    )
    began, used, served = time.perf_counter(), time.process_time(), server_cpu()
    again = import_folder(folder)
    seconds = time.perf_counter() - began
    cpu = f"CPU {time.process_time() - used:.1f} s" + _served(served)
    unchanged = again.summary["files"]["postings"]["unchanged"]
    print(
        f"  samme fil igen: {unchanged:,} uændrede på {seconds:.1f} s "
        f"({rows / seconds:,.0f} rækker/s; {cpu})"
    )


def _served(before: float) -> str:
    after = server_cpu()  # 0.0 where the server's CPU cannot be read
    return f", databasens CPU {after - before:.1f} s" if after else ""


def _postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_SCRATCH}")
            conn.execute(f"CREATE DATABASE {PG_SCRATCH}")
        return True
    except Exception:
        return False


def _drop_postgres() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_SCRATCH}")


def _child(database_url: str, folder: Path, var: Path) -> None:
    env = {**os.environ, "RAMME_VAR": str(var)}
    cmd = [sys.executable, __file__, "--run", database_url, str(folder)]
    subprocess.run(cmd, env=env, check=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cpr", action="store_true", help="a cpr column, as real exports")
    parser.add_argument("--children", type=int, default=20_000)
    parser.add_argument("--postgres", metavar="URL", help="an empty database to use as it is")
    parser.add_argument("--no-sqlite", action="store_true")
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
        generate(folder, args.rows, args.children if args.cpr else 0)
        what = f" med CPR-kolonne ({args.children:,} børn)" if args.cpr else " uden CPR-kolonne"
        print(f"Genereret {args.rows:,} posteringer{what} på {time.perf_counter() - began:.1f} s")
        if not args.no_sqlite:
            print("SQLite (midlertidig fil):")
            _child(f"sqlite:///{tmp}/bench.sqlite3", folder, var)
        if args.postgres:
            print("PostgreSQL:")
            _child(args.postgres, folder, var)
        elif _postgres_available():
            print(f"PostgreSQL ({PG_SCRATCH}):")
            try:
                _child(PG_BENCH, folder, var)
            finally:
                _drop_postgres()
        else:
            print("PostgreSQL kan ikke nås; springes over.")


if __name__ == "__main__":
    main()
