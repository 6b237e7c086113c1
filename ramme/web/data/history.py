"""Superseded rows (historik): the versions of case data that a later import changed or removed.

Each versioned table keeps its current rows where they are, with ``valid_from_import`` (the
import that wrote that version; empty for rows from before versioning, read as import 0). When
an import changes or removes a row, the old version is copied here first with the interval
[valid_from_import, valid_to_import) in which it was the data. The data as known after import N
is then: current rows with valid_from_import <= N, plus history rows with
valid_from_import <= N < valid_to_import (``ramme.web.data.versions``).

The history models mirror the field names of their tables (``child``, ``measure_type``, ...)
so the loader's queries run unchanged on both; ``row_pk`` is the id of the current row the version
belongs to (its ``pk`` there). Foreign keys have no database constraint: a version must never
stop a current row from being deleted.
"""

from __future__ import annotations

from typing import Any

from django.db import models


def _copy_field(field: models.Field) -> models.Field:
    """The field as a plain history column: no uniqueness, no index, no cascade."""
    if isinstance(field, models.ForeignKey):
        return models.ForeignKey(
            field.remote_field.model,
            on_delete=models.DO_NOTHING,
            db_constraint=False,
            db_index=False,
            null=field.null,
            blank=True,
            related_name="+",
            verbose_name=field.verbose_name,
        )
    _name, _path, args, kwargs = field.deconstruct()
    kwargs.pop("unique", None)
    kwargs.pop("db_index", None)
    return type(field)(*args, **kwargs)


def history_model(model: type[models.Model], name: str) -> type[models.Model]:
    """A model ``name`` holding the superseded versions of ``model``'s rows."""
    attrs: dict[str, Any] = {
        "__module__": __name__,
        "row_pk": models.BigIntegerField("række"),
        "valid_to_import": models.PositiveIntegerField("gyldig til import"),
        "Meta": type(
            "Meta",
            (),
            {
                "app_label": "data",
                "verbose_name": f"tidligere {model._meta.verbose_name}",
                "indexes": [models.Index(fields=["valid_to_import", "valid_from_import"])],
            },
        ),
    }
    for field in model._meta.concrete_fields:
        if not field.primary_key:
            attrs[field.name] = _copy_field(field)
    return type(name, (models.Model,), attrs)
