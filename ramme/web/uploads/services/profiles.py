"""The installed mapping profiles (importprofiler) an upload can choose from.

They are the TOML files ``ramme import --profile`` takes, kept in one folder
(IMPORT_PROFILES_DIR, by default docs/profiles); a profile is chosen by its file stem, so
a form value can never point outside that folder.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from django.conf import settings


def installed() -> dict[str, str]:
    """Stem → the profile's name (its ``name`` key, else the stem), in stem order."""
    folder = Path(settings.IMPORT_PROFILES_DIR)
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            name = tomllib.loads(path.read_text(encoding="utf-8")).get("name")
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            name = None  # offered anyway: choosing it shows the CLI's error
        found[path.stem] = str(name or path.stem)
    return found


def path_of(stem: str) -> Path | None:
    """The file of an installed profile; None for no profile or one not installed."""
    if not stem or stem not in installed():
        return None
    return Path(settings.IMPORT_PROFILES_DIR) / f"{stem}.toml"
