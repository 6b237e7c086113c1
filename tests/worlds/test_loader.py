"""The loader imports a world through the importer and caches the Dataset it reads back."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from ramme.worlds.loader import cache_path, load_world
from ramme.worlds.registry import get
from ramme.worlds.world import build_world


def test_a_world_is_loaded_as_known_on_a_day_and_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAMME_WORLDS_CACHE", str(tmp_path))
    spec, known = get("bakkeby", 0.08), date(2025, 3, 31)
    dataset = load_world(spec, known)
    world = build_world(spec)
    assert len(dataset.measures) == sum(m.registered <= known for m in world.measures)
    assert len(dataset.postings) == sum(p.booked <= known for p in world.postings)
    assert cache_path(spec, known).exists()
    started = time.perf_counter()
    again = load_world(spec, known)
    assert time.perf_counter() - started < 1.0
    assert again.measures == dataset.measures
    assert cache_path(spec, None) != cache_path(spec, known)
