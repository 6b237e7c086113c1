"""Benchmark: import a demo folder file by file, against a COPY of the same files.

    .venv/bin/python bench/import_files.py                      # Copenhagen size (650,000)
    .venv/bin/python bench/import_files.py --population 200000  # smaller, on a busy machine
    .venv/bin/python bench/import_files.py --folder DIR         # an existing folder

Generates a demo municipality (``ramme.demo.generate``, fixed seed) unless ``--folder`` is
given, imports it into a fresh database with ``import_folder`` and prints, per file: rows,
seconds, rows/s and (on PostgreSQL) the ratio to ``COPY ... FROM STDIN (FORMAT csv)`` of the
same file into a table of text columns, which is the floor any import of it can reach.
The import's own time per file is measured around each file's step (read, validate, write);
the rest (remapping, summary, the run's record) is printed as «øvrigt».

The database is ``DATABASE_URL`` (default: a scratch database ``ramme_bench_files_<pid>`` on
postgres://postgres@127.0.0.1:5432, created and dropped); ``sqlite:///...`` works too, with
no COPY column.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
# one per bench process, so that two sessions benching at once do not share (and drop) it
SCRATCH = f"ramme_bench_files_{os.getpid()}"


def copy_seconds(database_url: str, path: Path) -> float:
    """Seconds to COPY the CSV file into a temporary table of text columns."""
    import psycopg

    with path.open("rb") as f:
        header = f.readline().decode("utf-8-sig").strip().split(",")
    columns = ", ".join(f'"c{i}" text' for i in range(len(header)))
    with psycopg.connect(database_url) as conn, conn.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE bench_copy ({columns})")
        began = time.perf_counter()
        with (
            path.open("rb") as f,
            cursor.copy("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)") as copy,
        ):
            while block := f.read(1 << 20):
                copy.write(block)
        return time.perf_counter() - began


def server_cpu() -> float:
    """CPU seconds the database's server process for this connection has used, when it
    runs on this machine (PostgreSQL, /proc); 0.0 otherwise."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def timed_import(
    folder: Path, cpu: dict[str, float]
) -> tuple[float, dict[str, float], dict[str, Any]]:
    """Total seconds, seconds per file and the summary of one import of ``folder``; the
    CPU seconds per file of this process and of the database server (steadier than the
    wall clock on a busy machine) go to ``cpu`` as ``name`` and ``name:server``."""
    from ramme.web.data.services import importer

    per_file: dict[str, float] = {}
    step = importer._import_file

    def timed(ctx: Any, name: str, path: Path, profile: Any) -> str:
        began, used, served = time.perf_counter(), time.process_time(), server_cpu()
        try:
            return step(ctx, name, path, profile)
        finally:
            per_file[name] = time.perf_counter() - began
            cpu[name] = time.process_time() - used
            cpu[f"{name}:server"] = server_cpu() - served

    importer._import_file = timed
    began = time.perf_counter()
    result = importer.import_folder(folder)
    total = time.perf_counter() - began
    importer._import_file = step
    if not result.ok:
        print("Importen fejlede:", *map(str, result.errors[:5]), sep="\n  ")
        sys.exit(1)
    return total, per_file, result.summary


def report(folder: Path, database_url: str, label: str) -> None:
    cpu: dict[str, float] = {}
    used, served = time.process_time(), server_cpu()
    total, per_file, summary = timed_import(folder, cpu)
    used, served = time.process_time() - used, server_cpu() - served
    postgres = database_url.startswith("postgres")
    print(f"{label}: hele mappen {total:.1f} s (CPU {used:.1f} s, databasens CPU {served:.1f} s)")
    print(
        f"  {'fil':<12} {'rækker':>9} {'sek.':>7} {'CPU s':>6} {'DB CPU':>6} {'rækker/s':>10}"
        f" {'COPY s':>7} {'× COPY':>7}"
    )
    copies = 0.0
    for name, seconds in per_file.items():
        rows = summary["files"].get(name, {}).get("read", 0)
        path = next(folder.glob(f"{name}.csv"), None)
        copy = copy_seconds(database_url, path) if postgres and path else None
        copies += copy or 0.0
        ratio = f"{seconds / copy:7.1f}" if copy else "      -"
        copied = f"{copy:7.2f}" if copy is not None else "      -"
        rate = rows / seconds if seconds else 0.0
        print(
            f"  {name:<12} {rows:>9,} {seconds:>7.2f} {cpu[name]:>6.2f}"
            f" {cpu[name + ':server']:>6.2f} {rate:>10,.0f}"
            f" {copied} {ratio}"
        )
    print(f"  {'øvrigt':<12} {'':>9} {total - sum(per_file.values()):>7.2f}")
    if copies:
        print(f"  hele mappen {total:.1f} s = {total / copies:.1f} × COPY ({copies:.2f} s)")


def run(database_url: str, folder: Path, label: str) -> None:
    """Child process: a fresh Django on ``database_url``, migrate, import twice."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    report(folder, database_url, f"{label}, første import")
    report(folder, database_url, f"{label}, samme mappe igen")


def _scratch(create: bool) -> str:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
        if create:
            conn.execute(f"CREATE DATABASE {SCRATCH}")
    return f"{PG_SERVER}/{SCRATCH}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=650_000)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--run", nargs=3, metavar=("DATABASE_URL", "FOLDER", "LABEL"))
    args = parser.parse_args()
    if args.run:
        run(args.run[0], Path(args.run[1]), args.run[2])
        return
    with tempfile.TemporaryDirectory(prefix="ramme-bench-") as tmp:
        folder = args.folder
        if folder is None:
            from ramme.demo import generate

            folder = Path(tmp) / "data"
            generate(folder, population=args.population)
        given = os.environ.get("DATABASE_URL")
        url = given or _scratch(create=True)
        env = {**os.environ, "RAMME_VAR": os.environ.get("RAMME_VAR", tmp)}
        label = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        try:
            cmd = [sys.executable, __file__, "--run", url, str(folder), label]
            subprocess.run(cmd, env=env, check=False)
        finally:
            if not given:
                _scratch(create=False)


if __name__ == "__main__":
    main()
