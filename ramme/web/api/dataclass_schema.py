"""API schemas derived from the core's frozen dataclasses, so a figure the core adds or
renames reaches the OpenAPI schema without a second list of fields to keep in step."""

from __future__ import annotations

import dataclasses
from typing import Any, get_type_hints

from ninja import Schema
from pydantic import create_model


def schema_of(
    record: type,
    *,
    name: str,
    replace: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> type[Schema]:
    """A ninja ``Schema`` named ``name`` with every field of the dataclass ``record``, all
    required (the JSON always carries them); ``replace`` swaps a field's type (a tuple of
    nested records becomes a list of their schema), ``extra`` adds computed ones
    (properties the JSON includes)."""
    hints = get_type_hints(record)
    types = {f.name: hints[f.name] for f in dataclasses.fields(record)}
    types |= (replace or {}) | (extra or {})
    fields: dict[str, Any] = {key: (kind, ...) for key, kind in types.items()}
    model = create_model(name, __base__=Schema, __doc__=record.__doc__, **fields)
    return model
