"""Load a world the way a municipality's files are loaded: write the files, import them into
a throwaway SQLite database with the importer service, read the Dataset back.

Datasets are cached as pickles under ``RAMME_WORLDS_CACHE`` (default ``$RAMME_VAR/worlds``),
keyed on the spec, the day and the source of the generator, the importer and the loader,
so a change to the forecast never re-imports, and a change to a world always does. The
migrated empty database is kept there too, keyed on the migrations.

In a process where Django is not set up yet (the bench), the imports run in-process; where
Django already runs on another database (pytest), they run in a child process.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ramme.core.records import Dataset
from ramme.worlds.files import write_world
from ramme.worlds.registry import get
from ramme.worlds.spec import WorldSpec

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
# a change in any of these can change the loaded Dataset
SOURCES = (PACKAGE, ROOT / "importing", ROOT / "web" / "data", ROOT / "core" / "records.py")
# scoring does not change a world's data, and the registry's data is in the spec's repr
NOT_DATA = {"scoring.py", "evaluate.py", "registry.py", "catalogue.py"}
_template: Path | None = None


def cache_dir() -> Path:
    default = Path(os.environ.get("RAMME_VAR", "var")) / "worlds"
    return Path(os.environ.get("RAMME_WORLDS_CACHE", default))


def _source_hash() -> str:
    digest = hashlib.sha256()
    for source in SOURCES:
        files = sorted(source.rglob("*.py")) if source.is_dir() else [source]
        for path in files:
            if path.name not in NOT_DATA:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_path(spec: WorldSpec, known_at: date | None) -> Path:
    key = hashlib.sha256(f"{spec!r}|{known_at}|{_source_hash()}".encode()).hexdigest()[:20]
    day = known_at.isoformat() if known_at else "final"
    return cache_dir() / f"{spec.name}-{spec.scale:g}-{day}-{key}.pickle"


def load_world(
    world: str | WorldSpec, known_at: date | None = None, *, scale: float | None = None
) -> Dataset:
    """The Dataset of a world as exported on ``known_at`` (None: the final export)."""
    spec = get(world, scale) if isinstance(world, str) else world
    return load_worlds(spec, [known_at])[known_at]


def load_worlds(spec: WorldSpec, days: Iterable[date | None]) -> dict[date | None, Dataset]:
    """Several snapshots of one world; the missing ones are imported in one go."""
    wanted = list(dict.fromkeys(days))
    missing = [d for d in wanted if not cache_path(spec, d).exists()]
    if missing:
        _import_missing(spec, missing)
    return {d: _read(cache_path(spec, d)) for d in wanted}


def _read(path: Path) -> Dataset:
    with path.open("rb") as handle:
        dataset = pickle.load(handle)
    assert isinstance(dataset, Dataset)
    return dataset


def _import_missing(spec: WorldSpec, days: list[date | None]) -> None:
    from django.conf import settings

    if settings.configured and _template is None:
        _in_child_process(spec, days)
        return
    _setup_django()
    for day in days:
        _import_one(spec, day)


def _in_child_process(spec: WorldSpec, days: list[date | None]) -> None:
    spec_file = Path(tempfile.mkdtemp(prefix="ramme-world-")) / "spec.pickle"
    spec_file.write_bytes(pickle.dumps((spec, days)))
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env["RAMME_WORLDS_CACHE"] = str(cache_dir().resolve())
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run = subprocess.run(
        [sys.executable, "-m", "ramme.worlds.loader", str(spec_file)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    shutil.rmtree(spec_file.parent, ignore_errors=True)
    if run.returncode:
        raise RuntimeError(f"indlæsning af verden {spec.name} fejlede:\n{run.stderr[-4000:]}")


def _setup_django() -> None:
    """Point Django at a fresh SQLite file once, migrated, and keep it as the template."""
    global _template
    if _template is not None:
        return
    work = Path(tempfile.mkdtemp(prefix="ramme-worlds-db-"))
    os.environ.setdefault("RAMME_VAR", str(work))
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'template.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    import django
    from django.db import connections

    django.setup()
    _migrated_copy(work / "template.sqlite3")
    connections["default"].close()
    _template = work / "template.sqlite3"


def _migrated_copy(database: Path) -> None:
    """Migrate ``database``, or copy the migrated one the cache keeps for these migrations:
    migrating takes longer than importing a small world, and every child process (one per
    world in the tests) would do it again."""
    from django.core.management import call_command
    from django.db import connections

    migrations = sorted((ROOT / "web").glob("*/migrations/*.py"))
    key = hashlib.sha256(b"".join(p.read_bytes() for p in migrations)).hexdigest()[:16]
    kept = cache_dir() / f"template-{key}.sqlite3"
    if kept.exists():
        connections["default"].close()
        shutil.copyfile(kept, database)
        return
    call_command("migrate", interactive=False, verbosity=0)
    connections["default"].close()
    kept.parent.mkdir(parents=True, exist_ok=True)
    partial = kept.with_suffix(".tmp")
    shutil.copyfile(database, partial)
    partial.replace(kept)


def _import_one(spec: WorldSpec, day: date | None) -> None:
    from django.db import connections

    from ramme.web.data.dataset import load_dataset
    from ramme.web.data.services.importer import import_folder

    assert _template is not None
    with tempfile.TemporaryDirectory(prefix="ramme-world-") as tmp:
        folder = write_world(spec, Path(tmp) / "files", known_at=day)
        database = Path(tmp) / "world.sqlite3"
        shutil.copyfile(_template, database)
        connection = connections["default"]
        connection.close()
        connection.settings_dict["NAME"] = str(database)
        try:
            result = import_folder(folder)
            if not result.ok:
                errors = "\n".join(str(e) for e in result.errors[:20])
                raise RuntimeError(f"verden {spec.name} ({day}) kunne ikke importeres:\n{errors}")
            dataset = load_dataset()
        finally:
            connection.close()
            connection.settings_dict["NAME"] = str(_template)
    path = cache_path(spec, day)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_bytes(pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(path)


def _main(spec_file: str) -> None:
    spec, days = pickle.loads(Path(spec_file).read_bytes())
    _setup_django()
    for day in days:
        _import_one(spec, day)


if __name__ == "__main__":
    _main(sys.argv[1])
