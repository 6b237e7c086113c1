"""Benchmark the demo generator at three sizes, and optionally the import of two of them.

    .venv/bin/python bench/generate.py            # generate Ballerup, Copenhagen, Denmark
    .venv/bin/python bench/generate.py --import   # also time import_folder into a temp SQLite
                                                  # (Ballerup and Copenhagen sizes)

Prints the time and the row counts of each size; the files go to a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ramme.core.money import format_number
from ramme.demo import generate

SIZES = (("Ballerup", 48_000), ("København", 650_000), ("Hele Danmark", 5_900_000))
IMPORTED = ("Ballerup", "København")


def bench_generate(root: Path) -> dict[str, Path]:
    folders = {}
    for name, population in SIZES:
        out = root / name.replace(" ", "_")
        summary = generate(out, population=population)
        counts = ", ".join(
            f"{k.removesuffix('.csv')} {format_number(v)}" for k, v in summary.counts.items()
        )
        print(
            f"{name:<13} {format_number(population):>10} indb.  {summary.seconds:7.1f} s  {counts}"
        )
        folders[name] = out
    return folders


def bench_import(root: Path, folders: dict[str, Path]) -> None:
    """Time the real importer if it exists (another helper writes it); skip quietly if not."""
    os.environ["DATABASE_URL"] = f"sqlite:///{root / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from ramme.web.data.services.importer import import_folder
    except ImportError as exc:
        print(f"Import springes over: {exc}")
        return
    call_command("migrate", interactive=False, verbosity=0)
    for name in IMPORTED:
        began = time.perf_counter()
        result = import_folder(folders[name])
        status = "ok" if result.ok else f"{len(result.errors)} fejl"
        print(f"Import {name:<10} {time.perf_counter() - began:7.1f} s  ({status})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import", dest="do_import", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ramme-bench-") as tmp:
        folders = bench_generate(Path(tmp))
        if args.do_import:
            bench_import(Path(tmp), folders)


if __name__ == "__main__":
    main()
