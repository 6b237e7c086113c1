"""Uploaded bytes in the database, in chunks: written as they arrive, read back as a stream.

Several app servers may share one database, and the worker that imports may run on
another machine than the one that received the file, so the bytes go where every server
sees them. Nothing here holds a whole file in memory: Django spools a large upload to a
temporary file, and it is copied a megabyte at a time (a zip's members too).
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile as DjangoFile

from ramme.core.cpr import looks_like_cpr
from ramme.importing.errors import RowError, scrub_cpr
from ramme.importing.readers import SUFFIXES
from ramme.web.data.services.sources import CPR_IN_NAME
from ramme.web.uploads.models import Upload, UploadChunk, UploadedFile

CHUNK = 1 << 20


class TooLarge(Exception):
    """The upload passed IMPORT_MAX_BYTES (after unzipping)."""


class _Budget:
    """The bytes an upload may still take."""

    def __init__(self, left: int) -> None:
        self.left = left

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise TooLarge


def receive(upload: Upload, files: Iterable[DjangoFile]) -> list[RowError]:
    """Store every file (a zip as its CSV/XLSX members); the errors say why one is refused."""
    errors: list[RowError] = []
    budget = _Budget(settings.IMPORT_MAX_BYTES)
    for incoming in files:
        name = PurePath(incoming.name or "").name
        suffix = PurePath(name).suffix.lower()
        if looks_like_cpr(name):  # names reach the history and the log: refused, not kept
            errors.append(_cpr_named(name))
            continue
        try:
            if suffix == ".zip":
                errors.extend(_receive_zip(upload, name, incoming, budget))
            elif suffix in SUFFIXES:
                errors.extend(_store_checked(upload, name, incoming, budget))
            else:
                errors.append(RowError(name, 0, "", "kun CSV-, XLSX- og zip-filer kan indlæses"))
        except TooLarge:
            limit = settings.IMPORT_MAX_BYTES // (1024 * 1024)
            errors.append(RowError(name, 0, "", f"uploaden er større end {limit} MB"))
            break
    if not errors and not upload.files.exists():
        errors.append(RowError("upload", 0, "", "der er ingen datafiler i uploaden"))
    return errors


def _receive_zip(
    upload: Upload, name: str, incoming: DjangoFile, budget: _Budget
) -> list[RowError]:
    try:
        archive = zipfile.ZipFile(incoming)
    except zipfile.BadZipFile:
        return [RowError(name, 0, "", "zip-filen er ødelagt")]
    errors: list[RowError] = []
    with archive:
        for member in archive.infolist():
            inner = PurePath(member.filename).name
            hidden = inner.startswith(".") or "__MACOSX" in member.filename
            if member.is_dir() or hidden or PurePath(inner).suffix.lower() not in SUFFIXES:
                continue
            if looks_like_cpr(member.filename):
                errors.append(_cpr_named(member.filename))
                continue
            try:
                with archive.open(member) as stream:
                    errors.extend(_store_checked(upload, inner, stream, budget))
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError):
                errors.append(RowError(f"{name}/{inner}", 0, "", "kan ikke pakkes ud"))
    return errors


def _store_checked(
    upload: Upload, name: str, stream: IO[bytes] | DjangoFile, budget: _Budget
) -> list[RowError]:
    if upload.files.filter(name__iexact=name).exists():
        return [RowError(name, 0, "", "der er uploadet to filer med samme navn")]
    store(upload, name, stream, budget)
    return []


def store(
    upload: Upload, name: str, stream: IO[bytes] | DjangoFile, budget: _Budget | None = None
) -> UploadedFile:
    """Copy ``stream`` into chunks of ``upload``; counts lines to estimate the rows."""
    file = UploadedFile.objects.create(upload=upload, name=name[:255], sha256="")
    digest, size, lines, seq = hashlib.sha256(), 0, 0, 0
    while block := stream.read(CHUNK):
        size += len(block)
        if budget is not None:
            budget.spend(len(block))
        digest.update(block)
        lines += block.count(b"\n")
        UploadChunk.objects.create(file=file, seq=seq, data=block)
        seq += 1
    file.size, file.sha256 = size, digest.hexdigest()
    # A CSV has a line per row after the header; an XLSX's rows are not known before reading.
    file.rows = max(lines - 1, 0) if name.lower().endswith(".csv") else 0
    file.save(update_fields=["size", "sha256", "rows"])
    return file


def chunks(file: UploadedFile) -> Iterator[bytes]:
    """The file's bytes in order, one chunk in memory at a time."""
    rows = UploadChunk.objects.filter(file=file).order_by("seq").values_list("data", flat=True)
    for data in rows.iterator(chunk_size=1):
        yield bytes(data)


def materialise(upload: Upload, folder: Path) -> None:
    """Write the upload's files into ``folder`` (a temporary folder of the worker)."""
    for file in upload.files.all():
        with (folder / file.name).open("wb") as out:
            for data in chunks(file):
                out.write(data)


def discard(upload: Upload) -> None:
    """Drop the bytes (the names, sizes and checksums stay)."""
    UploadChunk.objects.filter(file__upload=upload).delete()


def _cpr_named(name: str) -> RowError:
    what = "filens eller mappens navn"
    return RowError(scrub_cpr(name)[0], 0, "", CPR_IN_NAME.format(what=what))
