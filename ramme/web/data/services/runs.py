"""The import history (importhistorik): one ImportRun row and one audit entry per import.

Written by the importer itself, so ``ramme import``, the import page and the API all
appear in the same history: who, when, which files (with SHA-256 checksums and rows
read), how long it took and the result. It holds no personal data.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils import timezone

from ramme.importing.errors import scrub_cpr
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import User
from ramme.web.data.models import ImportRun
from ramme.web.data.services.context import ImportContext

if TYPE_CHECKING:
    from ramme.web.data.services.importer import ImportResult

ORIGIN_CLI, ORIGIN_WEB, ORIGIN_API = "cli", "web", "api"
_BLOCK = 1 << 20


def sha256_of(path: Path) -> str:
    """The file's SHA-256 as hex, read a block at a time (a ledger can be gigabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def file_facts(sources: dict[str, Path], ctx: ImportContext) -> list[dict[str, object]]:
    """Per contract file: its name, checksum, size and the rows read from it."""
    return [
        {
            "contract": name,
            "name": path.name,
            "sha256": sha256_of(path),
            "bytes": path.stat().st_size,
            "rows": ctx.files[name].read if name in ctx.files else None,
        }
        for name, path in sources.items()
    ]


def record_run(
    source: str,
    sources: dict[str, Path],
    ctx: ImportContext,
    result: ImportResult,
    started: datetime,
    username: str,
    origin: str,
) -> ImportRun:
    """The ImportRun row and the audit entry, also for a failed import."""
    source = scrub_cpr(source)[0]  # a refused folder name is recorded without its CPR number
    detail = {
        "ok": result.ok,
        "errors": len(result.errors),
        "files": {n: f for n, f in result.summary.get("files", {}).items()},
    }
    run = ImportRun.objects.create(
        pk=ctx.import_number,  # reserved when the import began: its rows carry the number
        started_at=started,
        finished_at=timezone.now(),
        username=username,
        origin=origin,
        source=source[:500],
        succeeded=result.ok,
        error_count=len(result.errors),
        files=file_facts(sources, ctx),
        summary=result.summary if result.ok else detail,
    )
    user = User.objects.filter(username=username).first() if username else None
    record_access(user, "import", "folder", source[:200], json.dumps(detail, ensure_ascii=False))
    return run
