"""Results stored pickled and compressed on a ``StoredForecast`` row (as Django's database
cache does): the page figures, the review lists and the data-quality findings. Only ramme
writes those columns; a row of another shape (older code) or one that cannot be read is
computed again, never shown.

A dataclass is pickled field by field into one compressed stream: pickle remembers every
object it has written until it is done (to share repeated ones), and for the page figures
at all of Denmark (67 MB of pickle) that memory was 0.3-0.55 GB for a moment, on top of all
the after-import task holds; one field at a time, and a dict field (the rows of each line)
one item at a time, it is the largest part's.
"""

from __future__ import annotations

import dataclasses
import io
import pickle
import zlib
from typing import Any, TypeVar

T = TypeVar("T")
FIELDS = "fields"  # the header's mark of a dataclass pickled part by part


class _Compressed:
    """A file that compresses what is written to it as it comes."""

    def __init__(self) -> None:
        self._compressor = zlib.compressobj()
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(self._compressor.compress(data))
        return len(data)

    def value(self) -> bytes:
        return b"".join([*self._parts, self._compressor.flush()])


def _field_names(value: object) -> list[str] | None:
    """A dataclass instance's fields, when it can be made again from them alone."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return None
    fields = dataclasses.fields(value)
    return [f.name for f in fields] if all(f.init for f in fields) else None


def encode(version: int, value: object) -> bytes:
    out = _Compressed()
    names = _field_names(value)
    if names is None:
        pickle.dump((version, value), out, protocol=pickle.HIGHEST_PROTOCOL)
        return out.value()
    fields = [getattr(value, name) for name in names]
    # a plain dict field item by item: its count in the header
    counts = [len(v) if type(v) is dict else None for v in fields]
    head = (version, FIELDS, type(value), list(zip(names, counts, strict=True)))
    pickle.dump(head, out, protocol=pickle.HIGHEST_PROTOCOL)
    for field, count in zip(fields, counts, strict=True):
        # each part with a pickler of its own, which forgets what it wrote
        for part in field.items() if count is not None else [field]:
            pickle.dump(part, out, protocol=pickle.HIGHEST_PROTOCOL)
    return out.value()


def _field(stream: io.BytesIO, count: int | None) -> Any:
    if count is None:
        return pickle.load(stream)
    return dict(pickle.load(stream) for _ in range(count))


def _loaded(blob: bytes) -> tuple[int, Any]:
    stream = io.BytesIO(zlib.decompress(blob))
    head = pickle.load(stream)  # only ramme writes it
    if len(head) == 2:  # one pickle of (version, value)
        return head[0], head[1]
    version, mark, kind, fields = head
    if mark != FIELDS:
        raise ValueError(mark)
    return version, kind(**{name: _field(stream, count) for name, count in fields})


def decode(blob: bytes, version: int, kind: type[T]) -> T | None:
    """The stored value, or None when it is of another version or kind."""
    try:
        stored_version, value = _loaded(blob)
    except Exception:  # an unreadable row is computed again, never shown
        return None
    return value if stored_version == version and isinstance(value, kind) else None
