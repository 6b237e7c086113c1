"""The import pauses the cyclic garbage collector and leaves it as it found it."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from ramme.web.data.services import importer
from ramme.web.data.services.gc_pause import paused_collector
from tests.web.test_import import FILES, write_folder


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was_found(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with paused_collector():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), paused_collector():
            raise RuntimeError("an import that fails half-way")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_an_import_runs_without_cyclic_collections(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    run = importer._run

    def spy(*args: Any, **kwargs: Any) -> dict[str, Any]:
        seen.append(gc.isenabled())
        return run(*args, **kwargs)

    monkeypatch.setattr(importer, "_run", spy)
    assert gc.isenabled()
    assert importer.import_folder(write_folder(tmp_path / "a", FILES)).ok
    assert seen == [False] and gc.isenabled()
