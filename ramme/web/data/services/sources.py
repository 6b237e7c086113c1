"""Which file in an import folder is which contract file (by name, or by the profile)."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

from ramme.core.cpr import looks_like_cpr
from ramme.importing.errors import CPR_REMOVED, RowError, scrub_cpr
from ramme.importing.profiles import Profile
from ramme.importing.readers import SUFFIXES
from ramme.importing.specs import IMPORT_ORDER

CPR_IN_NAME = "{what} ligner et CPR-nummer og afvises; omdøb den, før den indlæses"


def find_sources(
    folder: Path, profile: Profile | None
) -> tuple[dict[str, Path], list[RowError], list[str]]:
    """Contract name → file, errors (missing folder, ambiguous files) and warnings."""
    if not folder.is_dir():
        return {}, [RowError(str(folder), 0, "", "mappen findes ikke")], []
    if looks_like_cpr(str(folder)):
        # The folder's name would reach the import history and the access log.
        shown = scrub_cpr(folder.name)[0] or CPR_REMOVED
        return {}, [RowError(shown, 0, "", CPR_IN_NAME.format(what="mappens navn"))], []
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    named = [p for p in files if looks_like_cpr(p.name)]
    if named:
        shown = scrub_cpr(named[0].name)[0]
        return {}, [RowError(shown, 0, "", CPR_IN_NAME.format(what="filens navn"))], []
    found: dict[str, Path] = {}
    errors: list[RowError] = []
    for name in IMPORT_ORDER:
        source = profile.files[name].source if profile and name in profile.files else ""
        patterns = [source.lower()] if source else [f"{name}{suffix}" for suffix in SUFFIXES]
        matches = [p for p in files if any(fnmatch(p.name.lower(), pat) for pat in patterns)]
        if len(matches) > 1:
            names = ", ".join(p.name for p in matches)
            errors.append(RowError(name, 0, "", f"flere filer passer: {names}"))
        elif matches:
            found[name] = matches[0]
    used = set(found.values())
    warnings = [
        f"{p.name}: ikke en kontraktfil; ignoreret"
        for p in files
        if p not in used and p.suffix.lower() in SUFFIXES
    ]
    if not found and not errors:
        errors.append(
            RowError(folder.name or str(folder), 0, "", "mappen indeholder ingen datafiler")
        )
    return found, errors, warnings
