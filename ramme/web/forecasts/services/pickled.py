"""Results stored pickled and compressed on a ``StoredForecast`` row (as Django's database
cache does): the page figures, the review lists and the data-quality findings. Only ramme
writes those columns; a row of another shape (older code) or one that cannot be read is
computed again, never shown."""

from __future__ import annotations

import pickle
import zlib
from typing import TypeVar

T = TypeVar("T")


def encode(version: int, value: object) -> bytes:
    return zlib.compress(pickle.dumps((version, value), protocol=pickle.HIGHEST_PROTOCOL))


def decode(blob: bytes, version: int, kind: type[T]) -> T | None:
    """The stored value, or None when it is of another version or kind."""
    try:
        stored_version, value = pickle.loads(zlib.decompress(blob))  # only ramme writes it
    except Exception:  # an unreadable row is computed again, never shown
        return None
    return value if stored_version == version and isinstance(value, kind) else None
