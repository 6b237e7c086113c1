"""Create or update small tables by key, counting created, updated and unchanged rows."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models

from ramme.web.data.versions import HISTORY, keep_versions


@dataclass
class Counts:
    """Rows read from a file and what happened to them (læst, oprettet, opdateret, uændret)."""

    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "read": self.read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def _same(old: Any, new: Any) -> bool:
    return bool(old == new) and (old is None) == (new is None)


def upsert(
    model: type[models.Model],
    key_fields: tuple[str, ...],
    rows: Iterable[dict[str, Any]],
    version: int | None = None,
) -> Counts:
    """Write ``rows`` (field → value, foreign keys as ``x_id``) by their key fields.

    With ``version`` (the import's number) on a versioned table, a changed row's old version
    goes to the history and every row written is stamped with it (docs/data-versions.md).
    """
    stamp = {"valid_from_import": version} if version is not None and model in HISTORY else {}
    superseded: list[models.Model] = []
    existing = {
        tuple(getattr(obj, f) for f in key_fields): obj for obj in model._default_manager.all()
    }
    counts = Counts()
    to_create: list[models.Model] = []
    to_update: list[models.Model] = []
    changed_fields: set[str] = set()
    for row in rows:
        counts.read += 1
        obj = existing.get(tuple(row[f] for f in key_fields))
        if obj is None:
            to_create.append(model(**row, **stamp))
            continue
        changed = [f for f, value in row.items() if not _same(getattr(obj, f), value)]
        if not changed:
            counts.unchanged += 1
            continue
        if stamp:
            superseded.append(copy.copy(obj))
        for f, value in [*((f, row[f]) for f in changed), *stamp.items()]:
            setattr(obj, f, value)
        changed_fields.update(changed, stamp)
        to_update.append(obj)
    keep_versions(model, superseded, version)
    model._default_manager.bulk_create(to_create, batch_size=1000)
    if to_update:
        model._default_manager.bulk_update(to_update, sorted(changed_fields), batch_size=1000)
    counts.created, counts.updated = len(to_create), len(to_update)
    return counts
