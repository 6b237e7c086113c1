"""The cyclic garbage collector paused for the length of an import.

An import allocates millions of small containers it keeps (rows, key tuples, batches of
database tuples) and makes no reference cycles of its own. Each of Python's full
collections walks every live object, Django's and the rows read so far, and they come
more often the more rows are kept: on a 100,000-inhabitant folder they were a quarter of
the import. Reference counting still frees everything the import drops; whatever cycles
turn up are collected once the collector runs again. The collector is the process's: a
web process's other threads go without cyclic collections as long, and theirs are
collected afterwards in the same way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """No cyclic collections inside; the collector is left as it was found."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
