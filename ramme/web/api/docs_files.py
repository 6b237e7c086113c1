"""Where django-ninja keeps the Swagger UI files, found without importing ninja.

Settings read this: importing ``ninja`` needs the settings already loaded, and it imports
pydantic and all of ninja, which the ``ramme`` command's start should not pay for.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def ninja_static() -> Path:
    """django-ninja's ``static`` folder (its files sit under ``ninja/`` in it)."""
    spec = importlib.util.find_spec("ninja")
    if spec is None or spec.origin is None:
        raise RuntimeError("django-ninja er ikke installeret")
    return Path(spec.origin).parent / "static"
