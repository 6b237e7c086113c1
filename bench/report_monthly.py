"""Benchmark of the monthly report: build once, render each format; at Copenhagen size the
PDF split into figures, charts, HTML and WeasyPrint, and the command line end to end.

    .venv/bin/python bench/report_monthly.py [--var /tmp/ramme-bench] [--as-of 2024-09-30]
        [--out DIR] [--population 650000 --database postgres://postgres@127.0.0.1:5432/DB]
        [--formats pdf] [--cli]

Without ``--population`` the demo municipality (default seed) is generated and imported into
a SQLite database under ``--var`` the first time (a few minutes); later runs reuse it (the
demo marker). With ``--population`` a demo of that size is generated and imported once into
``--var`` (SQLite) or ``--database`` (as ``bench/followup_stored.py`` does), and the stored
results of the as-of date are computed as the background task after an import computes
them (``precompute.queue(as_of)``: forecasts, page figures, review lists, findings and the
report's data figures); later runs reuse both.

Each format is timed in a process that has read nothing yet (``cache.clear()``, the charts
drawn again), as a fresh ``ramme report monthly`` or a new gunicorn worker; ``--cli`` also
times ``ramme report monthly --format pdf`` in a new process (Django and WeasyPrint
start-up included). With the PDF, the web's download is timed too (a worker's first
download after ``cache.clear()``, then again). Goals: issue 6, the demo under 5 s;
issue 12, the PDF at Copenhagen size (650,000 inhabitants) under 3 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _setup(var: Path, database: str | None) -> None:
    """Point ramme at ``var`` *before* Django reads its settings, then migrate."""
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


def _data(args: argparse.Namespace) -> date:
    """Load the municipality (once) and store the as-of date's results; the as-of date."""
    from ramme.web.forecasts.services import precompute
    from ramme.web.forecasts.services.year_end import default_as_of

    start = time.perf_counter()
    if args.population is None:
        from ramme.web.demo.setup import prepare_demo

        state = prepare_demo(args.var)
        verb = "generated and imported" if state.loaded_now else "reused"
        print(f"demo {verb} from {state.source} in {time.perf_counter() - start:.1f} s")
    else:
        import followup_stored

        followup_stored._load(args.var, args.population)
    as_of: date = args.as_of or default_as_of()
    start = time.perf_counter()
    for pk in precompute.queue(as_of):
        precompute.compute(pk)
    print(f"stored results of {as_of} ready in {time.perf_counter() - start:.1f} s")
    return as_of


def _pdf_parts(report: Any) -> dict[str, float]:
    """The PDF's render split: charts (matplotlib), HTML, WeasyPrint (layout and drawing)."""
    from ramme.reports import charts
    from ramme.reports.model import Chart
    from ramme.reports.renderers import html, pdf
    from ramme.reports.rounding import as_printed

    charts._render.cache_clear()
    printed = as_printed(report)
    drawn = [b for s in printed.sections for b in s.blocks if isinstance(b, Chart)]
    stored = [c for c in drawn if getattr(c, "drawn", "")]  # (older code has no drawings)
    start = time.perf_counter()
    for chart in drawn:
        if chart not in stored:  # a chart stored drawn is not drawn again
            charts.svg(chart)
    parts = {"charts": time.perf_counter() - start}
    start = time.perf_counter()
    document = html.document(printed, extra_css=pdf.print_css(printed), inline_charts=False)
    parts["html"] = time.perf_counter() - start
    from weasyprint import HTML

    start = time.perf_counter()
    HTML(string=document).write_pdf()
    parts["weasyprint"] = time.perf_counter() - start
    print(
        f"  pdf split: {len(drawn)} charts ({len(stored)} stored drawn) "
        f"{parts['charts']:.2f} s, HTML "
        f"{parts['html']:.2f} s ({len(document) / 1024:.0f} KB, "
        f"{document.count('<tr')} table rows), WeasyPrint {parts['weasyprint']:.2f} s"
    )
    return parts


def _formats(args: argparse.Namespace, as_of: date) -> None:
    from ramme.reports import charts
    from ramme.reports.renderers import RENDERERS
    from ramme.web.forecasts.services import cache
    from ramme.web.reports.builders import BUILDERS

    options = {"as_of": as_of, "today": date.today()}
    print(f"monthly report as of {as_of}; each format in a process that has read nothing:")
    for fmt in args.formats:
        renderer = RENDERERS[fmt]
        cache.clear()
        charts._render.cache_clear()
        start, cpu = time.perf_counter(), time.process_time()
        report = BUILDERS["monthly"].build(options)
        built = time.perf_counter() - start
        content = renderer.render(report)
        total, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"  {fmt:5s}: {total:.2f} s (figures {built:.2f} s, render {total - built:.2f} s, "
            f"{len(content) / 1024:.0f} KB; CPU {cpu:.2f} s: less moved by the load)"
        )
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{report.slug}.{fmt}").write_bytes(content)
        if fmt == "pdf":
            _pdf_parts(report)
    start = time.perf_counter()
    BUILDERS["monthly"].build(options)
    print(f"figures again (read once per process): {time.perf_counter() - start:.2f} s")


def _web(as_of: date) -> None:
    """The PDF from the web's reports page: a worker's first download (its memory empty, its
    views imported by an earlier request), then the same again."""
    import followup_stored

    from ramme.reports import charts
    from ramme.web.forecasts.services import cache

    client = followup_stored._client()
    url = f"/rapporter/hent/monthly/pdf/?as_of={as_of:%d.%m.%Y}"
    followup_stored._get(client, "/login/")  # a worker's first request imports every view
    cache.clear()
    charts._render.cache_clear()
    first = followup_stored._get(client, url)
    again = followup_stored._get(client, url)
    print(f"web download {url}: first {first:.2f} s, again {again:.2f} s")


def _cli(as_of: date, out: Path) -> None:
    ramme = Path(sys.executable).with_name("ramme")
    command = [str(ramme), "report", "monthly", "--as-of", f"{as_of:%d.%m.%Y}"]
    start = time.perf_counter()
    subprocess.run([*command, "--format", "pdf", "-o", str(out)], check=True,
                   capture_output=True)  # fmt: skip
    print(f"ramme report monthly --format pdf (new process): {time.perf_counter() - start:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, default=Path("/tmp/ramme-bench-report"))
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("--out", type=Path, default=None, help="write the files here")
    parser.add_argument("--population", type=int, default=None, help="a demo of this size")
    parser.add_argument("--database", default=None, help="DATABASE_URL (default SQLite)")
    parser.add_argument("--formats", nargs="+", default=["html", "pdf", "docx", "xlsx"])
    parser.add_argument("--cli", action="store_true", help="time the command line too")
    args = parser.parse_args()
    args.var = args.var.resolve()
    _setup(args.var, args.database)
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1 and 5 min, 2 cores)")
    as_of = _data(args)
    _formats(args, as_of)
    if "pdf" in args.formats:
        _web(as_of)
    if args.cli:
        _cli(as_of, args.var / "bench-monthly.pdf")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
