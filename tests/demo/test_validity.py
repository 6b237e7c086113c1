"""Every generated file passes the importer's own validation, at more than one size and seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ramme.demo import run
from ramme.importing.readers import open_table
from ramme.importing.specs import SPECS
from ramme.importing.validate import validate_table


@pytest.mark.slow
@pytest.mark.parametrize(("population", "seed"), [(48_000, 7), (150_000, 2)])
def test_generated_files_pass_validation(tmp_path: Path, population: int, seed: int) -> None:
    run.generate(tmp_path, population=population, seed=seed)
    errors = []
    for name in ("measures", "prices", "children", "budget", "events"):
        _, found = validate_table(SPECS[name], open_table(tmp_path / f"{name}.csv"), b"key")
        errors += [str(e) for e in found[:5]]
    assert errors == []
