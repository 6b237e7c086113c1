"""One user's view of the pages of issue 12 once their results are stored: per page the
first view of a fresh process (memory empty, the results in the database) and the median of
the warm views after it, as milliseconds and as a ratio to the login page in the same run.

    .venv/bin/python bench/warm_pages.py --var DIR [--database URL] [--views 5]

Use the database of ``bench/load_test.py`` (``ramme demo --no-serve`` into it first). The
load test measures queueing on 2 workers; this one what a single request costs, so a page
that still computes per request shows here however busy the machine is.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from statistics import median
from typing import Any

from load_test import pages  # the same pages as the load test (bench/ is on sys.path)


def _setup(var: Path, database: str | None) -> None:
    os.environ["RAMME_VAR"] = str(var)
    os.environ["DATABASE_URL"] = database or f"sqlite:///{var / 'ramme.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    os.environ["RAMME_FORECAST_AFTER_IMPORT"] = "0"  # measure, queue nothing
    import django

    django.setup()


def _client() -> Any:
    from django.test import Client

    from ramme.web.accounts.models import User

    user, _ = User.objects.get_or_create(username="bench-warm", defaults={"role": "economist"})
    client = Client()
    client.force_login(user)
    return client


def _seconds(client: Any, path: str) -> float:
    start = time.perf_counter()
    page = client.get(path)
    seconds = time.perf_counter() - start
    assert page.status_code == 200, (path, page.status_code)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, required=True)
    parser.add_argument("--database", default=None, help="DATABASE_URL (default SQLite)")
    parser.add_argument("--views", type=int, default=5)
    args = parser.parse_args()
    _setup(args.var.resolve(), args.database)
    from ramme.web.forecasts.services import cache

    client, rows, load_before = _client(), [], os.getloadavg()[0]
    for name, path in pages():
        cache.clear()  # as a new gunicorn worker: nothing in memory
        first = _seconds(client, path)
        warm = median(_seconds(client, path) for _ in range(args.views))
        rows.append((name, first, warm))
    login = rows[0][2] or 1e-9
    print(f"{args.views} warm views per page; load average {load_before:.2f} before")
    print(f"{'page':<10} {'first ms':>9} {'warm ms':>8} {'× login':>8}")
    for name, first, warm in rows:
        print(f"{name:<10} {1000 * first:>9.0f} {1000 * warm:>8.0f} {warm / login:>8.1f}")
    print(f"load average {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
