"""State shared by the steps of one import: errors, warnings, counts and key lookups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from ramme.importing.errors import RowError, quote
from ramme.web.data.models import Child, Provider
from ramme.web.data.services.new_children import NewChildren
from ramme.web.data.services.upsert import Counts


@dataclass
class ImportContext:
    """One import run. Lookups map a file key to a database id and are refreshed per step."""

    cpr_key: bytes
    progress: bool = False
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: dict[str, Counts] = field(default_factory=dict)
    children_created: int = 0
    rules_replaced: bool = False
    on_rows: Callable[[int], None] | None = None  # told the rows read so far (progress bars)
    rows_done: int = 0
    # the number this import will have in the history; stamps the rows it writes (none in a
    # dry run, which is rolled back)
    import_number: int | None = None
    # pseudonym and birth date per CPR spelling, computed once for all files of the import
    cpr_facts: dict[str, Any] = field(default_factory=dict)
    new_children: NewChildren = field(default_factory=NewChildren)
    _lookups: dict[tuple[type[models.Model], str], dict[Any, int]] = field(default_factory=dict)
    _internal: set[int] | None = None

    def lookup(self, model: type[models.Model], key_field: str) -> dict[Any, int]:
        found = self._lookups.get((model, key_field))  # asked for on every row
        if found is None:
            pairs = model._default_manager.values_list(key_field, "pk")
            found = self._lookups[(model, key_field)] = dict(pairs)
        return found

    def lookup_internal(self) -> set[int]:
        """Ids of the internal providers (interne tilbud), read once per import."""
        if self._internal is None:
            rows = Provider.objects.filter(kind=Provider.Kind.INTERNAL)
            self._internal = set(rows.values_list("pk", flat=True))
        return self._internal

    def forget(self, model: type[models.Model]) -> None:
        if model is Provider:
            self._internal = None
        for cache_key in [k for k in self._lookups if k[0] is model]:
            del self._lookups[cache_key]

    def advance(self, rows: int) -> None:
        """Count ``rows`` more rows read and tell whoever shows the progress."""
        self.rows_done += rows
        if self.on_rows is not None:
            self.on_rows(self.rows_done)

    def error(self, file: str, row: int, column: str, reason: str) -> None:
        self.errors.append(RowError(file, row, column, reason))

    def ref(
        self,
        file: str,
        row: int,
        column: str,
        value: str,
        model: type[models.Model],
        key: str,
        what: str,
    ) -> int | None:
        """The id of the row ``value`` names, or None and an error when it is unknown."""
        if not value:
            return None
        pk = self.lookup(model, key).get(value)
        if pk is None:
            self.error(file, row, column, f"ukendt {what} {quote(value)}")
        return pk

    def child(self, file: str, row: int, values: dict[str, Any]) -> int | None:
        """The child a row names by child_id or cpr; a CPR-named child is created if new
        (written with the others at the end of the file, ``new_children.flush``)."""
        children = self.lookup(Child, "key")
        facts = values.get("cpr")
        if facts is not None:
            pk = children.get(facts.pseudonym)
            if pk is None:
                pk = children[facts.pseudonym] = self.new_children.add(facts)
                self.children_created += 1
            return pk
        return self.ref(file, row, "child_id", values.get("child_id") or "", Child, "key", "barn")
