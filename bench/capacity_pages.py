"""Benchmark of the three pages of issue 15 on the demo municipality: figures and sections.

    .venv/bin/python bench/capacity_pages.py [--var /tmp/ramme-bench-capacity]

The demo municipality (default seed) is generated and imported into a SQLite database under
``--var`` the first time; later runs reuse it. Prints the time of the dataset (the
follow-up's cache, warm after the demo import), then of each page's figures and of its
section with the charts drawn.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_monthly import _setup  # the same SQLite setup as the report bench


def _timed(label: str, work: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = work()
    print(f"  {label:<38} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, default=Path("/tmp/ramme-bench-capacity"))
    args = parser.parse_args()
    _setup(args.var.resolve(), None)  # None: the SQLite file under --var

    from ramme.web.benchmark import figures, sections
    from ramme.web.demo.setup import prepare_demo
    from ramme.web.forecasts.services.year_end import default_as_of

    state = prepare_demo(args.var.resolve())
    print(f"demo {'imported' if state.loaded_now else 'reused'} from {state.source}")
    as_of = default_as_of()
    months = figures.months_to(as_of)
    year = figures.default_year()
    print(f"as of {as_of}, {len(months)} months:")
    _timed("dataset (the follow-up cache)", figures.dataset)
    _timed("benchmark figures", lambda: figures.benchmark(year, "Demo"))
    _timed("benchmark section with charts", lambda: sections.benchmark_section(year, "Demo"))
    _timed("internal offers figures", lambda: figures.offers(as_of, months))
    _timed("internal offers section with charts", lambda: sections.offers_section(as_of, months))
    _timed("casework figures", lambda: figures.casework_figures(as_of, months))
    _timed("casework section with charts", lambda: sections.casework_section(as_of, months))


if __name__ == "__main__":
    main()
