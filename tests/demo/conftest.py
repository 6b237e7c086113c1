"""One demo municipality per test session (default size and seed), in memory and on disk."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ramme.demo import run
from ramme.demo.run import Generated

SEED = 1


@pytest.fixture(scope="session")
def generated() -> Generated:
    return run.build(seed=SEED)


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    run.generate(out, seed=SEED)
    return out


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
