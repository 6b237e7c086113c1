"""The billing lag each activity line normally has, learned from its own postings.

Per measure the lag is how many days its last linked posting came after its end (or its
first posting before its start), 0 when none did. A line's normal lag is Tukey's fence
Q3 + k × IQR over its measures, never below a billing month; lines with few ended measures
use the fence of the whole frame. Quartiles are robust: a planted late posting hardly moves
them, so it stands out beyond the fence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import numpy as np

MIN_MEASURES = 5  # fewer ended measures on a line: use the frame's fence


def _quartile(data: np.ndarray, i: int) -> float:
    """The ``i``-th quartile of sorted ``data`` as ``statistics.quantiles(data, n=4,
    method="inclusive")`` gives it: the same float, from two Python ints."""
    j, delta = divmod(i * (len(data) - 1), 4)
    return (int(data[j]) * (4 - delta) + int(data[j + 1]) * delta) / 4


def fence(values: Iterable[int] | np.ndarray, k: Decimal, floor: int) -> int:
    """Q3 + k × IQR of ``values`` in whole days (at least ``floor``)."""
    data = np.sort(np.asarray(values if isinstance(values, np.ndarray) else list(values), np.int64))
    if len(data) < 2:
        return floor
    q1, q3 = _quartile(data, 1), _quartile(data, 3)
    limit = Decimal(repr(q3)) + k * Decimal(repr(q3 - q1))
    return max(floor, int(limit.to_integral_value()))


def line_lags(
    lags_by_line: Mapping[str, list[int]], k: Decimal, floor: int
) -> tuple[dict[str, int], int]:
    """The normal lag per line and the frame-wide one (for lines with too few measures)."""
    pooled = [lag for lags in lags_by_line.values() for lag in lags]
    frame = fence(pooled, k, floor)
    per_line = {
        line: fence(lags, k, floor) if len(lags) >= MIN_MEASURES else frame
        for line, lags in lags_by_line.items()
    }
    return per_line, frame
