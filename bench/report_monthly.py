"""Benchmark of the monthly report on the demo municipality: build once, render each format.

    .venv/bin/python bench/report_monthly.py [--var /tmp/ramme-bench] [--as-of 2024-09-30]
                                             [--out DIR]

The demo municipality (default seed) is generated and imported into a SQLite database under
``--var`` the first time (a few minutes); later runs reuse it (the demo marker). Prints the
time to compute the figures (the forecast cold, then warm from the per-process cache) and
to build and render the report in each format from cold caches (the forecast and the
charts computed again, as in a fresh ``ramme report monthly``). Goal (issue 6): under 5 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path


def _setup(var: Path) -> None:
    """Point ramme at ``var`` *before* Django reads its settings, then migrate."""
    var.mkdir(parents=True, exist_ok=True)
    os.environ["RAMME_VAR"] = str(var)
    os.environ["DATABASE_URL"] = f"sqlite:///{var / 'ramme.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, default=Path("/tmp/ramme-bench-report"))
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("--out", type=Path, default=None, help="write the files here")
    args = parser.parse_args()
    _setup(args.var.resolve())

    from ramme.reports import charts
    from ramme.reports.renderers import RENDERERS
    from ramme.web.demo.setup import prepare_demo
    from ramme.web.forecasts.services import cache
    from ramme.web.forecasts.services.followup import default_as_of
    from ramme.web.reports.builders import BUILDERS

    start = time.perf_counter()
    state = prepare_demo(args.var.resolve())
    verb = "generated and imported" if state.loaded_now else "reused"
    print(f"demo {verb} from {state.source} in {time.perf_counter() - start:.1f} s")
    as_of = args.as_of or default_as_of()
    options = {"as_of": as_of, "today": date.today()}
    print(f"monthly report as of {as_of}; each format from cold caches (forecast, charts):")
    for fmt, renderer in RENDERERS.items():
        cache.clear()
        charts._render.cache_clear()
        start = time.perf_counter()
        report = BUILDERS["monthly"].build(options)
        built = time.perf_counter() - start
        content = renderer.render(report)
        total = time.perf_counter() - start
        print(
            f"  {fmt:5s}: {total:.2f} s (figures {built:.2f} s, render {total - built:.2f} s, "
            f"{len(content) / 1024:.0f} KB)"
        )
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{report.slug}.{fmt}").write_bytes(content)
    start = time.perf_counter()
    BUILDERS["monthly"].build(options)
    print(f"figures again (forecast cached per process): {time.perf_counter() - start:.2f} s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
