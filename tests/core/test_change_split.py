"""The change between two months split into new data, corrections and time."""

from __future__ import annotations

from decimal import Decimal

from ramme.core.change_split import split_change

D = Decimal


def test_the_parts_add_to_the_change_of_every_line_and_the_frame() -> None:
    old = {"A": D("100.50"), "B": D(200)}
    later = {"A": D(130), "B": D(190)}
    corrected = {"A": D(125), "B": D(190), "C": D(5)}
    new = {"A": D(160), "B": D(230), "C": D(5)}
    split = split_change(old, later, corrected, new)
    for part in (*split.lines, split.frame):
        assert part.total == part.after - part.before
        assert part.time + part.corrections + part.new_data == part.total
    a = next(p for p in split.lines if p.name == "A")
    assert (a.time, a.corrections, a.new_data) == (
        later["A"] - old["A"],
        corrected["A"] - later["A"],
        new["A"] - corrected["A"],
    )
    assert split.frame.before == sum(old.values())
    assert split.frame.after == sum(new.values())


def test_a_line_only_in_the_new_month_starts_at_zero() -> None:
    split = split_change({}, {}, {}, {"Ny": D(42)})
    (line,) = split.lines
    assert (line.before, line.new_data, line.after) == (D(0), D(42), D(42))


def test_the_same_data_later_is_only_the_passing_of_time() -> None:
    old, later = {"A": D(10)}, {"A": D(17)}
    split = split_change(old, later, later, later)
    assert (split.frame.time, split.frame.corrections, split.frame.new_data) == (D(7), D(0), D(0))
