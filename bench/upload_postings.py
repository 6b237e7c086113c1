"""Benchmark: upload a ledger of 1,000,000 postings through the browser import's services.

Usage: .venv/bin/python bench/upload_postings.py [--rows N] [--database-url URL]
Stores the file in the database in chunks (as the import page does), validates it (dry run
with preview and forecast) and imports it, as the worker would, and prints the time of
each step and the process's peak memory (ru_maxrss) after it. The file is never read into
memory whole, so the peak stays far below what a million parsed rows would take. Default
database: a scratch SQLite file.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _generator() -> Callable[[Path, int], None]:
    spec = importlib.util.spec_from_file_location("import_postings", HERE / "import_postings.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generate: Callable[[Path, int], None] = module.generate
    return generate


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="ramme-bench-upload-"))
    os.environ["RAMME_VAR"] = str(var)
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{var / 'bench.sqlite3'}"
    folder = var / "files"
    folder.mkdir()
    _generator()(folder, args.rows)
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"{args.rows:,} posteringer, {size:.0f} MB filer; start {_peak_mb():.0f} MB")

    sys.path.insert(0, str(HERE.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    import django

    django.setup()
    from django.core.files.uploadedfile import UploadedFile
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from ramme.web.accounts.models import Role, User
    from ramme.web.uploads.models import Upload
    from ramme.web.uploads.services import runner, uploads

    user = User.objects.create_user("bench", role=Role.ECONOMIST)
    handles = [path.open("rb") for path in sorted(folder.iterdir())]
    files = [UploadedFile(h, name=h.name) for h in handles]  # as the import page gets them
    steps: list[tuple[str, Callable[[], object]]] = [
        ("gemt i databasen", lambda: uploads.receive_upload(user, files)),
        ("valideret (forhåndsvisning)", lambda: runner.validate(Upload.objects.get().pk)),
        ("importeret", lambda: runner.run_import(Upload.objects.get().pk)),
    ]
    for label, step in steps:
        start = time.perf_counter()
        step()
        print(f"{label:<30} {time.perf_counter() - start:6.1f} s   top {_peak_mb():5.0f} MB")
    upload = Upload.objects.get()
    print(f"status: {upload.status}, fejl: {upload.error_count}")


if __name__ == "__main__":
    main()
