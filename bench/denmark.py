"""Issue 12's all-Denmark goals: import ≤ 3 min, forecast ≤ 10 s, peak memory ≤ 3 GB.

    .venv/bin/python bench/denmark.py [--folder DIR] [--population 5900000]
        [--database postgres://postgres@127.0.0.1:5432/DB] [--as-of 2024-06-30] [--no-import]

Every step is its own ``ramme`` process (``generate.ramme_process``), so each peak memory is
that process's own: the import of the demo folder (generated into ``--folder`` unless its
files are there), the background task it queues (``ramme worker --batch``: the forecasts
and the pages' figures a user waits for after an import, each task's time from the queue),
``ramme forecast --json`` computing (nothing stored for the date) and reading the stored
forecast, then the forecast core alone (``bench/forecast.py``, no database).

The database is ``--database`` (default: a scratch database ``ramme_bench_files_<pid>`` on
postgres://postgres@127.0.0.1:5432, created and dropped); it must be empty unless
``--no-import`` reuses what an earlier run imported into it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from generate import ramme_process  # bench/ is on sys.path
from import_files import _scratch

STORED = "forecasts_storedforecast"
TASKS = "django_tasks_database_dbtaskresult"
TASK_TIMES = (
    f"SELECT t.task_path, f.as_of, f.simulations, t.status, t.finished_at - t.started_at "
    f"FROM {TASKS} t LEFT JOIN {STORED} f ON t.task_path LIKE '%%stored_forecast' "
    "AND f.id = (t.args_kwargs->'args'->>0)::int ORDER BY t.started_at"
)


def _sql(url: str, query: str, *params: object) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def _step(label: str, args: list[str], env: dict[str, str]) -> None:
    seconds, peak, status = ramme_process(args, env)
    print(f"{label:<46} {seconds:7.1f} s  højeste hukommelse {peak:6,.0f} MB  {status}")
    if status != "ok":
        sys.exit(1)


def _background(url: str, env: dict[str, str]) -> None:
    _step("baggrundsopgaven (ramme worker --batch)", ["worker", "--batch"], env)
    # each task's own time from the queue, the forecast tasks with the date they stored
    rows = _sql(url, TASK_TIMES)
    for path, day, sims, status, took in rows:
        what = path.rsplit(".", 1)[-1] + (f" {day} ({sims} stier)" if day else "")
        print(f"  {what:<44} {took.total_seconds():7.1f} s  {status}")


def _forecasts(url: str, env: dict[str, str], as_of: str) -> None:
    task_day = str(_sql(url, f"SELECT max(as_of) FROM {STORED} WHERE simulations > 0")[0][0])
    command = ["forecast", "--json", "--as-of"]
    if as_of != task_day:  # the task stores this date without the band: the CLI computes it
        _sql(url, f"DELETE FROM {STORED} WHERE as_of = %s AND simulations > 0", as_of)
        _step(f"ramme forecast --json --as-of {as_of}, beregner", [*command, as_of], env)
        _step(f"ramme forecast --json --as-of {as_of}, gemt", [*command, as_of], env)
    _step(f"ramme forecast --json --as-of {task_day}, gemt", [*command, task_day], env)


def _generate(folder: Path, population: int) -> None:
    # in a child, so this process does not hold the generator's memory while the steps run
    code = (
        "import sys; from pathlib import Path; from ramme.demo import generate; "
        "generate(Path(sys.argv[1]), population=int(sys.argv[2]))"
    )
    subprocess.run([sys.executable, "-c", code, str(folder), str(population)], check=True)


def _core(folder: Path) -> None:
    bench = Path(__file__).with_name("forecast.py")
    command = [sys.executable, str(bench), "--one", "danmark", "--dir", str(folder)]
    subprocess.run(command, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=5_900_000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/denmark-files"))
    parser.add_argument("--database", default=None)
    parser.add_argument("--as-of", default="2024-06-30")
    parser.add_argument("--no-import", action="store_true", help="reuse the imported database")
    args = parser.parse_args()
    print(f"belastning {os.getloadavg()} før")
    if not (args.folder / "postings.csv").exists():
        _generate(args.folder, args.population)
    url = args.database or _scratch(create=True)
    with tempfile.TemporaryDirectory(prefix="ramme-bench-") as var:
        env = {**os.environ, "DATABASE_URL": url, "RAMME_VAR": os.environ.get("RAMME_VAR", var)}
        try:
            if not args.no_import:
                _step("ramme migrate", ["migrate", "-v0"], env)
                _step(f"ramme import {args.folder}", ["import", str(args.folder)], env)
                _background(url, env)
            _forecasts(url, env, args.as_of)
        finally:
            if not args.database:
                _scratch(create=False)
    _core(args.folder)
    print(f"belastning {os.getloadavg()} efter")


if __name__ == "__main__":
    main()
