"""The stored results' encoding (``pickled``): read back as written, rows of earlier code
still readable, and a dataclass pickled part by part, never remembering all of it."""

from __future__ import annotations

import pickle
import tracemalloc
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from ramme.web.forecasts.services import pickled


@dataclass(frozen=True)
class Figures:
    title: str
    rows: list[dict[str, object]]
    lines: dict[str, list[dict[str, object]]]


def _rows(count: int, prefix: str = "M") -> list[dict[str, object]]:
    return [{"measure_id": f"{prefix}-{n:07d}", "cost": n * 1.5} for n in range(count)]


def _figures(count: int) -> Figures:
    lines = {line: _rows(2 * count, line) for line in ("Familiepleje", "Opholdssted", "PPR")}
    return Figures("Bevillingsrammen", _rows(count), lines)


def test_a_value_is_read_back_as_written_and_another_version_is_not() -> None:
    for value, kind in ((_rows(1000), list), (_figures(1000), Figures)):
        blob = pickled.encode(3, value)
        assert pickled.decode(blob, 3, kind) == value
        assert pickled.decode(blob, 4, kind) is None  # of older code: computed again
        assert pickled.decode(blob, 3, dict) is None
    assert pickled.decode(b"not a blob", 3, list) is None


def test_rows_written_by_earlier_code_stay_readable() -> None:
    for value, kind in ((_rows(1000), list), (_figures(1000), Figures)):
        earlier = zlib.compress(pickle.dumps((3, value), protocol=pickle.HIGHEST_PROTOCOL))
        assert pickled.decode(earlier, 3, kind) == value


def _peak(encode: Callable[[], bytes]) -> int:
    tracemalloc.start()
    try:
        encode()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_dataclass_is_pickled_one_field_and_one_line_at_a_time() -> None:
    value = _figures(20_000)
    whole = _peak(lambda: zlib.compress(pickle.dumps((3, value), protocol=5)))
    by_field = _peak(lambda: pickled.encode(3, value))
    # pickle remembers what it wrote until it is done: here one line's rows at a time
    assert by_field < 0.6 * whole, f"{by_field:,} bytes against {whole:,}"
    assert pickled.decode(pickled.encode(3, value), 3, Figures) == value
