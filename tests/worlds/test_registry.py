"""The registry: a dozen worlds of stated sizes, held-out worlds apart from the tuning ones."""

from __future__ import annotations

from dataclasses import fields

from ramme.worlds.registry import WORLDS, get, held_out, tuning
from ramme.worlds.spec import Duration, WorldSpec


def _durations(spec: WorldSpec) -> set[Duration]:
    found = {spec.aftercare_duration}
    for t in spec.types:
        found.add(t.duration)
        found |= {part for _, part in t.duration.parts}
    return found


def test_there_are_about_a_dozen_small_municipalities_with_four_or_five_years() -> None:
    assert 9 <= len(WORLDS) <= 16
    for spec in WORLDS.values():
        assert 25_000 <= spec.inhabitants <= 150_000, spec.name
        assert 4 <= spec.last_year - spec.first_year + 1 <= 5, spec.name


def test_three_to_five_worlds_are_held_out_with_their_own_seeds_and_shapes() -> None:
    assert 3 <= len(held_out()) <= 5
    tuning_durations = set().union(*(_durations(w) for w in tuning()))
    for spec in held_out():
        assert spec.seed >= 9000 and spec.seed not in {w.seed for w in tuning()}
        # the big placement lines and the aftercare follow shapes no tuning world has
        own = {t.duration for t in spec.types if t.code in {"PLF", "OPH"}}
        assert not own & tuning_durations, spec.name
        changed = _durations(spec) - _durations(get("laerebog"))
        assert not changed & tuning_durations - {Duration("fixed", 1.0)}, spec.name


def test_every_world_differs_from_the_textbook_world_in_several_ways() -> None:
    textbook = get("laerebog")
    for spec in WORLDS.values():
        if spec is textbook:
            continue
        differing = [
            f.name
            for f in fields(WorldSpec)
            if f.name not in {"name", "title", "seed", "inhabitants", "held_out"}
            and getattr(spec, f.name) != getattr(textbook, f.name)
        ]
        assert len(differing) >= 3, (spec.name, differing)


def test_a_world_can_be_scaled_and_an_unknown_name_is_told() -> None:
    assert get("aadal", 0.5).scale == 0.5
    assert get("aadal").scale == 1.0
    try:
        get("atlantis")
    except KeyError as exc:
        assert "atlantis" in str(exc)
    else:
        raise AssertionError("expected KeyError")
