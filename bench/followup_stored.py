"""Benchmark of issue 12's "compute once per import": the follow-up page's first view after
an import with the forecasts still to compute against with them stored, and
``ramme forecast --json`` split into loading, forecasting and reading the stored result.

    .venv/bin/python bench/followup_stored.py [--population 48000] [--var DIR]
        [--database postgres://postgres@127.0.0.1:5432/DB]

Copenhagen size: ``--population 650000`` (minutes to generate and import). A demo
municipality of the given size is generated and imported once into ``--var`` (SQLite) or
``--database``; later runs with the same arguments reuse it. Every "first view" empties the
process's memory first, as a new gunicorn worker would start. Figures are printed as
seconds and as ratios to the login page served in the same run.
"""

from __future__ import annotations

import argparse
import io
import os
import time
from datetime import date
from pathlib import Path
from typing import Any


def _setup(var: Path, database: str | None) -> None:
    """Point ramme at ``var`` (and the database) *before* Django reads its settings."""
    var.mkdir(parents=True, exist_ok=True)
    os.environ["RAMME_VAR"] = str(var)
    os.environ["DATABASE_URL"] = database or f"sqlite:///{var / 'ramme.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    os.environ["RAMME_FORECAST_AFTER_IMPORT"] = "0"  # this bench decides when to compute
    os.environ["RAMME_ACCURACY_AFTER_IMPORT"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _timed(work: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def _compute_all(as_of: date) -> None:
    """The after-import task: every forecast queued for ``as_of`` computed and stored."""
    from ramme.web.forecasts.services import precompute

    for pk in precompute.queue(as_of):
        precompute.compute(pk)


def _load(var: Path, population: int) -> None:
    from ramme.demo import generate
    from ramme.web.data.models import ImportRun, Posting
    from ramme.web.data.services.importer import import_folder

    marker = var / f"imported-{population}"
    if marker.exists() and ImportRun.objects.exists():
        print(f"demo of {population:,} inhabitants reused ({Posting.objects.count():,} postings)")
        return
    folder = var / f"demo-{population}"
    seconds, _ = _timed(lambda: generate(folder, population=population, seed=1))
    print(f"generated {population:,} inhabitants in {seconds:.1f} s")
    seconds, result = _timed(lambda: import_folder(folder))
    assert result.ok, result.errors[:3]
    print(f"imported in {seconds:.1f} s ({Posting.objects.count():,} postings)")
    marker.write_text("ok")


def _client() -> Any:
    from django.test import Client

    from ramme.web.accounts.models import User

    if not User.objects.filter(username="bench").exists():
        user = User.objects.create_user("bench", password="bench-kode-123")
        user.role = "economist"
        user.save()
    client = Client()
    assert client.login(username="bench", password="bench-kode-123")
    return client


def _get(client: Any, url: str) -> float:
    seconds, page = _timed(lambda: client.get(url))
    assert page.status_code == 200, (url, page.status_code)
    return float(seconds)


def _follow_up(client: Any, as_of: date) -> dict[str, float]:
    from django.test import Client

    from ramme.web.forecasts.models import StoredForecast
    from ramme.web.forecasts.services import cache

    url = f"/prognose/?dato={as_of:%d.%m.%Y}"
    login = min(_get(Client(), "/login/") for _ in range(3))
    StoredForecast.objects.all().delete()
    cache.clear()
    computing = _get(client, url)  # the old way: this request simulates every month
    StoredForecast.objects.all().delete()
    cache.clear()
    task, _ = _timed(lambda: _compute_all(as_of))
    cache.clear()  # a new worker: nothing in memory, the forecasts in the database
    stored = _get(client, url)
    warm = _get(client, url)
    return {"login": login, "computing": computing, "task": task, "stored": stored, "warm": warm}


def _cli(as_of: date) -> dict[str, float]:
    from django.core.management import call_command

    from ramme.core.forecast import forecast
    from ramme.web.data.dataset import load_prepared
    from ramme.web.forecasts.services import cache, stored, year_end

    load, prep = _timed(load_prepared)
    sims = year_end.default_simulations()
    compute, _ = _timed(lambda: forecast(prep, as_of, simulations=sims, seed=0))
    read, _ = _timed(lambda: stored.load(cache.data_version(), as_of, sims, 0))
    cache.clear()
    out = io.StringIO()
    cli, _ = _timed(lambda: call_command("forecast", "--as-of", str(as_of), "--json", stdout=out))
    return {"load": load, "forecast": compute, "read stored": read, "cli (stored)": cli}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=48_000)
    parser.add_argument("--var", type=Path, default=Path("/tmp/ramme-bench-stored"))
    parser.add_argument("--database", default=None, help="DATABASE_URL (default SQLite)")
    args = parser.parse_args()
    _setup(args.var.resolve(), args.database)
    _load(args.var.resolve(), args.population)

    from ramme.web.forecasts.services.year_end import default_as_of

    as_of = default_as_of()
    pages = _follow_up(_client(), as_of)
    print(f"follow-up page on {as_of:%d.%m.%Y}, s (× the login page {pages['login']:.3f} s):")
    for name in ("computing", "task", "stored", "warm"):
        label = {
            "computing": "first view, computing (as before)",
            "task": "background task after the import",
            "stored": "first view, stored (new worker)",
            "warm": "second view (same worker)",
        }[name]
        print(f"  {label:<36} {pages[name]:7.2f} s  {pages[name] / pages['login']:8.1f} ×")
    print(f"  computing / stored first view:        {pages['computing'] / pages['stored']:7.1f} ×")
    cli = _cli(as_of)
    print("ramme forecast --json, s:")
    for name, seconds in cli.items():
        print(f"  {name:<36} {seconds:7.2f} s")
    split = cli["load"] + cli["forecast"]
    print(f"  load share of a fresh computation:    {100 * cli['load'] / split:6.0f} %")


if __name__ == "__main__":
    main()
