"""Where django-ninja keeps the Swagger UI page and files, found without importing ninja.

Settings read this: importing ``ninja`` needs the settings already loaded, and it imports
pydantic and all of ninja, which the ``ramme`` command's start should not pay for.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _ninja_folder() -> Path:
    spec = importlib.util.find_spec("ninja")
    if spec is None or spec.origin is None:
        raise RuntimeError("django-ninja er ikke installeret")
    return Path(spec.origin).parent


def ninja_static() -> Path:
    """django-ninja's ``static`` folder (its files sit under ``ninja/`` in it)."""
    return _ninja_folder() / "static"


def ninja_templates() -> Path:
    """django-ninja's ``templates`` folder (``ninja/swagger.html`` and what it includes)."""
    return _ninja_folder() / "templates"
