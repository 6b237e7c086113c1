"""Import a folder of data-contract files, all or nothing (``ramme import``).

Every file is read, validated and written inside one transaction, in reference order
(IMPORT_ORDER). Errors are collected from every file; if there is any, the transaction is
rolled back and nothing changes. Writing valid rows before the roll-back lets later files
check their references against rows of the same folder. CPR numbers are turned into
pseudonyms while the rows are parsed and never reach the database, messages or the log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from ramme.importing.errors import RowError, scrub_cpr
from ramme.importing.profiles import Profile, apply_profile, load_profile
from ramme.importing.readers import ReadError, open_table
from ramme.importing.specs import IMPORT_ORDER, SPECS
from ramme.importing.validate import Converter
from ramme.web.accounts.audit import flush_spool
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.gc_pause import paused_collector
from ramme.web.data.services.import_lock import ImportBusy, exclusive_import
from ramme.web.data.services.mapping import remap_postings
from ramme.web.data.services.postings import import_postings
from ramme.web.data.services.reference import seed_legal_paragraphs
from ramme.web.data.services.runs import ORIGIN_CLI, record_run
from ramme.web.data.services.sources import find_sources
from ramme.web.data.services.steps import STEPS
from ramme.web.data.services.summary import build_summary
from ramme.web.data.signals import data_imported
from ramme.web.data.versions import next_import_number

# A change in any of these can move postings to another activity line.
MAPPING_FILES = ("activities", "catalogue", "measures")


@dataclass
class ImportResult:
    """The outcome: ``ok`` only when nothing was wrong; then ``summary`` tells what changed.

    ``run_id`` is the ImportRun row of a real import (none for a dry run); ``inspected`` is
    what the caller's ``inspect`` saw inside the transaction of a dry run.
    """

    ok: bool
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    run_id: int | None = None
    inspected: Any = None


@dataclass(frozen=True)
class ImportOptions:
    """How an import runs besides its files (indstillinger).

    ``origin`` names the path it came by in the history (kommandolinje, browser, api);
    ``dry_run`` validates and writes inside the transaction, calls ``inspect`` there and
    rolls back; ``on_rows`` is told the rows read so far.
    """

    username: str = ""
    progress: bool = False
    origin: str = ORIGIN_CLI
    source: str = ""
    dry_run: bool = False
    inspect: Callable[[dict[str, Any]], Any] | None = None
    on_rows: Callable[[int], None] | None = None


class _Rollback(Exception):
    """Raised inside the transaction to undo an import that found errors."""


class _DryRun(Exception):
    """Raised inside the transaction to undo a dry run; carries what it would have done."""

    def __init__(self, summary: dict[str, Any]) -> None:
        super().__init__("dry run")
        self.summary = summary


def import_folder(
    folder: Path,
    profile: Path | None = None,
    username: str = "",
    progress: bool = False,
    options: ImportOptions | None = None,
) -> ImportResult:
    """Import every contract file in ``folder``; nothing changes if any row is bad.

    One import (or dry run) at a time: a second one gets a Danish error at once and is not
    recorded (recording it would wait for the first one's lock).
    """
    opts = options or ImportOptions(username=username, progress=progress)
    try:
        with exclusive_import(), paused_collector():
            result = _import_folder(Path(folder), profile, opts)
    except ImportBusy as busy:
        name = scrub_cpr(Path(folder).name)[0]
        return ImportResult(False, [RowError(name, 0, "", str(busy))])
    flush_spool()  # access-log rows pages spooled while this import held the lock
    return result


def _import_folder(folder: Path, profile: Path | None, opts: ImportOptions) -> ImportResult:
    started = timezone.now()
    ctx = ImportContext(
        cpr_key=settings.PSEUDONYM_KEY.encode(),
        progress=opts.progress,
        on_rows=opts.on_rows,
        import_number=None if opts.dry_run else next_import_number(),
    )
    mapping: Profile | None = None
    if profile is not None:
        mapping, profile_errors = load_profile(Path(profile))
        ctx.errors.extend(profile_errors)
    sources, errors, warnings = find_sources(folder, mapping) if not ctx.errors else ({}, [], [])
    ctx.errors.extend(errors)
    ctx.warnings.extend(warnings)
    summary: dict[str, Any] = {}
    inspected: list[Any] = []
    if not ctx.errors:
        try:
            summary = _run(ctx, sources, mapping, opts, inspected)
        except _DryRun as dry:
            summary = dry.summary
        except _Rollback:
            pass
        except DatabaseError as exc:
            ctx.errors.append(RowError(folder.name, 0, "", f"databasefejl: {exc}"))
    result = ImportResult(not ctx.errors, ctx.errors, ctx.warnings, summary)
    result.inspected = inspected[0] if inspected else None
    if not opts.dry_run:
        where = opts.source or str(folder)
        run = record_run(where, sources, ctx, result, started, opts.username, opts.origin)
        result.run_id = run.pk
        if result.ok:
            data_imported.send(sender=ImportResult)
    return result


def _run(
    ctx: ImportContext,
    sources: dict[str, Path],
    profile: Profile | None,
    opts: ImportOptions,
    inspected: list[Any],
) -> dict[str, Any]:
    with transaction.atomic():
        seed_legal_paragraphs()
        names, remapped = {}, 0
        for name in IMPORT_ORDER:
            if name == "postings" and _mapping_changed(ctx) and not ctx.errors:
                remapped = remap_postings()  # existing postings; new ones are mapped as read
            if name in sources:
                names[name] = _import_file(ctx, name, sources[name], profile)
        if ctx.errors:
            raise _Rollback
        summary = build_summary(ctx, names, remapped)
        unmatched = summary["unmatched"]
        if unmatched["count"]:
            shown = ", ".join(e["posting_id"] for e in unmatched["examples"])
            ctx.warnings.append(
                f"{unmatched['count']} posteringer passer ikke til nogen aktivitet (fx {shown})"
            )
        if opts.dry_run:
            if opts.inspect is not None:
                inspected.append(opts.inspect(summary))
            raise _DryRun(summary)
        return summary


def _mapping_changed(ctx: ImportContext) -> bool:
    return ctx.rules_replaced or any(
        ctx.files[name].created or ctx.files[name].updated
        for name in MAPPING_FILES
        if name in ctx.files
    )


def _import_file(ctx: ImportContext, name: str, path: Path, profile: Profile | None) -> str:
    """Validate and write one file; returns its file name for the summary."""
    file_profile = profile.files.get(name) if profile else None
    try:
        if file_profile:
            table = open_table(path, file_profile.encoding, file_profile.delimiter)
            table = apply_profile(table, file_profile)
        else:
            table = open_table(path)
    except ReadError as exc:
        ctx.error(path.name, 0, "", str(exc))
        return path.name
    converter = Converter(SPECS[name], table, ctx.cpr_key, ctx.cpr_facts)
    start = len(ctx.errors)
    if name == "postings":
        ctx.files[name] = import_postings(ctx, converter)
        ctx.errors.extend(converter.errors)
    else:
        rows = list(converter.rows())
        ctx.advance(len(rows))
        ctx.errors.extend(converter.errors)
        ctx.files[name] = STEPS[name](ctx, path.name, rows)
        ctx.new_children.flush(ctx.import_number)
    ctx.errors[start:] = sorted(ctx.errors[start:], key=lambda error: error.row)
    if converter.scrubbed:
        ctx.warnings.append(
            f"{path.name}: {converter.scrubbed} CPR-numre fjernet fra fritekst ([CPR fjernet])"
        )
    return path.name
