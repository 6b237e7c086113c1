"""The municipality's name and logo for report headers, from settings or the environment."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from django.conf import settings

from ramme.reports.model import Report


def logo() -> Path | None:
    """``MUNICIPALITY_LOGO`` in settings or ``RAMME_LOGO`` (a PNG or SVG file), if it exists."""
    name = str(getattr(settings, "MUNICIPALITY_LOGO", "") or os.environ.get("RAMME_LOGO", ""))
    path = Path(name) if name else None
    return path if path is not None and path.is_file() else None


def branded(report: Report) -> Report:
    """The report with the configured municipality name and logo."""
    return replace(report, municipality=str(settings.MUNICIPALITY_NAME), logo=logo())
