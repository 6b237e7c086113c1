"""Issue 12's read goals at Copenhagen size: the review-list page (≤ 300 ms warm),
``ramme forecast --json`` (≤ 1.5 s) and the monthly report PDF (≤ 3 s).

    .venv/bin/python bench/copenhagen_reads.py --var DIR
        [--database postgres://postgres@127.0.0.1:5432/DB] [--population 650000] [--views 5]

The municipality is generated and imported once into ``--var`` / ``--database`` (the same
marker as ``bench/followup_stored.py``, so a database that bench made is reused). The stored
results are computed as the after-import background task does, then:

- the review-list page as an economist (every case) and a caseworker (own cases): the first
  view of a fresh process (memory empty, results in the database) and the median warm view,
  with the size of the HTML sent;
- ``ramme forecast --json`` in a fresh process with the stored forecast present and absent;
- ``ramme report monthly --format pdf`` in a fresh process (stored results present).

"Fresh process" empties the per-process caches (as a new gunicorn worker or a new CLI run);
the Python start-up and Django set-up a real CLI run adds are not counted.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from statistics import median
from typing import Any

from followup_stored import _compute_all, _load, _setup, _timed  # bench/ is on sys.path


def _fresh() -> None:
    """Empty what this process holds, as a new worker would start."""
    from ramme.reports import charts
    from ramme.web.forecasts.services import cache

    cache.clear()
    charts._render.cache_clear()


def _precompute(as_of: Any) -> float:
    """The after-import task from scratch: nothing stored for the data version."""
    from ramme.web.forecasts.models import StoredForecast

    StoredForecast.objects.all().delete()
    _fresh()
    seconds, _ = _timed(lambda: _compute_all(as_of))
    return float(seconds)


def _user_client(username: str, role: str) -> Any:
    from django.test import Client

    from ramme.web.accounts.models import User

    user, _ = User.objects.get_or_create(username=username, defaults={"role": role})
    if user.role != role:
        user.role = role
        user.save()
    client = Client()
    client.force_login(user)
    return client


def _a_caseworker() -> str:
    from django.db.models import Count

    from ramme.web.data.models import Child

    top = Child.objects.values("caseworker").annotate(n=Count("pk")).order_by("-n").first()
    return str(top["caseworker"]) if top else "nobody"


def _internal_offers() -> int:
    """The internal providers with the most measures as internal offers (the demo's seeding
    sets a few by name; a generated folder has none), so the page's occupancy and caseload
    tables have rows as in a municipality."""
    from django.db.models import Count

    from ramme.web.accounts.models import User
    from ramme.web.data.models import Provider
    from ramme.web.plans.models import InternalOffer
    from ramme.web.plans.services import followup

    if not InternalOffer.objects.exists():
        actor, _ = User.objects.get_or_create(
            username="bench-reads", defaults={"role": "economist"}
        )
        busiest = Provider.objects.filter(kind=Provider.Kind.INTERNAL).annotate(
            n=Count("measure")).order_by("-n")[:10]  # fmt: skip
        for provider in busiest:
            followup.set_internal_offer(actor, provider, 40, 5, staff=6)
    return InternalOffer.objects.count()


def _get(client: Any, url: str) -> tuple[float, int]:
    seconds, page = _timed(lambda: client.get(url))
    assert page.status_code == 200, (url, page.status_code)
    return float(seconds), len(page.content)


def _review_page(client: Any, url: str, views: int) -> tuple[float, float, int]:
    _fresh()
    first, size = _get(client, url)
    warm = median(_get(client, url)[0] for _ in range(views))
    return first, warm, size


def _reviews(as_of: Any, views: int) -> None:
    url = f"/handleplaner/opfoelgning/?dato={as_of:%d.%m.%Y}"
    economist = _user_client("bench-reads", "economist")
    name = _a_caseworker()  # the one with the most children: a real caseworker's login
    caseworker = _user_client(name, "caseworker")
    offers = _internal_offers()
    print(f"review-list page {url} (first view of a fresh worker, median of {views} warm;"
          f" {offers} internal offers):")  # fmt: skip
    # the process's first request of all also imports the views and compiles the templates,
    # which a gunicorn worker does once at start: shown, then every row starts from there
    other_day = (
        f"/handleplaner/opfoelgning/?dato={as_of.replace(day=1) - timedelta(days=1):%d.%m.%Y}"
    )
    print(f"  (process warm-up: another day, computed: {_get(economist, other_day)[0]:.1f} s)")
    for label, client, query in (
        ("economist", economist, ""),
        ("economist, sorter=type", economist, "&sorter=type"),
        (f"caseworker {name}", caseworker, ""),
    ):
        first, warm, size = _review_page(client, url + query, views)
        print(f"  {label:<28} first {1000 * first:6.0f} ms  warm {1000 * warm:5.0f} ms"
              f"  {size / 1024:6.0f} KB")  # fmt: skip


def _forecast_cli(as_of: Any) -> None:
    from django.core.management import call_command

    from ramme.web.forecasts.models import StoredForecast

    def run() -> float:
        _fresh()
        out = io.StringIO()
        seconds, _ = _timed(lambda: call_command("forecast", "--as-of", str(as_of), "--json",
                                                 stdout=out))  # fmt: skip
        return float(seconds)

    present = run()
    saved = list(StoredForecast.objects.all())
    StoredForecast.objects.all().delete()
    absent = run()  # computes and stores it again
    StoredForecast.objects.all().delete()
    StoredForecast.objects.bulk_create(saved)  # as the background task left them
    print("ramme forecast --json (fresh process):")
    print(f"  stored forecast present              {present:6.2f} s")
    print(f"  stored forecast absent (computes)    {absent:6.2f} s")
    print(f"  the command as a new process, stored {_forecast_process(as_of):6.2f} s"
          " (Python, Django and the migration check included)")  # fmt: skip


def _forecast_process(as_of: Any) -> float:
    import subprocess
    import sys

    command = [sys.executable, "-m", "ramme.cli", "forecast", "--as-of", str(as_of), "--json"]
    seconds, done = _timed(lambda: subprocess.run(command, capture_output=True, check=False))
    assert done.returncode == 0, done.stderr[-2000:]
    return float(seconds)


def _report_pdf(as_of: Any) -> None:
    from django.core.management import call_command

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "maanedsrapport.pdf"
        _fresh()
        seconds, _ = _timed(lambda: call_command(
            "report", "monthly", "--as-of", str(as_of), "--format", "pdf", "-o", str(target),
            stdout=io.StringIO()))  # fmt: skip
        size = target.stat().st_size
    print(f"ramme report monthly --format pdf (fresh process): {seconds:6.2f} s"
          f"  ({size / 1024:.0f} KB)")  # fmt: skip
    _report_parts(as_of)


def _report_parts(as_of: Any) -> None:
    """Where the report's time goes, each part timed cold in the order the build meets it."""
    from ramme.reports.renderers import RENDERERS
    from ramme.web.forecasts.services import cache
    from ramme.web.forecasts.services.followup import frame
    from ramme.web.quality.services import data, findings, reconciliation
    from ramme.web.reports.builders import BUILDERS, monthly

    _fresh()
    parts = {
        "the forecast table (stored)": lambda: frame(as_of),  # what the report reads
        "prepared arrays (every table)": cache.prepared,
        "quality dataset (no postings)": data.dataset,
        "quality ledger (columns)": data.ledger,
        "reconciliation": lambda: reconciliation.reconciliation(as_of.year, as_of),
        "quality findings": lambda: findings.counts_by_rule(as_of),
        "the rest of the figures": lambda: monthly.monthly_figures(as_of, as_of),
        "internal offers, casework": lambda: monthly.capacity_sections(as_of),
    }
    for label, work in parts.items():
        print(f"  {label:<36} {_timed(work)[0]:6.2f} s")
    report = BUILDERS["monthly"].build({"as_of": as_of, "today": as_of})
    for label in ("render PDF (charts drawn)", "render PDF (charts cached)"):
        seconds, _ = _timed(lambda: RENDERERS["pdf"].render(report))
        print(f"  {label:<36} {seconds:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=650_000)
    parser.add_argument("--var", type=Path, required=True)
    parser.add_argument("--database", default=None, help="DATABASE_URL (default SQLite)")
    parser.add_argument("--views", type=int, default=5)
    parser.add_argument("--only", default="reviews,forecast,report", help="which figures")
    args = parser.parse_args()
    _setup(args.var.resolve(), args.database)
    _load(args.var.resolve(), args.population)
    from ramme.web.forecasts.services.year_end import default_as_of

    as_of = default_as_of()
    print(f"load average {os.getloadavg()[0]:.2f} before; as of {as_of}")
    print(f"background task after the import (forecasts, figures): {_precompute(as_of):.1f} s")
    only = set(args.only.split(","))
    if "reviews" in only:
        _reviews(as_of, args.views)
    if "forecast" in only:
        _forecast_cli(as_of)
    if "report" in only:
        _report_pdf(as_of)
    print(f"load average {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
