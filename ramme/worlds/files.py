"""Write a world's data-contract files as exported on a day, in the world's conventions."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from ramme.core.money import format_number
from ramme.worlds import snapshot
from ramme.worlds.spec import FileStyle, WorldSpec
from ramme.worlds.world import World, build_world

DATE_FORMATS = {"iso": "%Y-%m-%d", "dot": "%d.%m.%Y", "dash": "%d-%m-%Y", "slash": "%d/%m/%Y"}
MONEY_COLUMNS = {"amount"}
DECIMAL_COLUMNS = {"hours_per_week", "rate"}

COLUMNS = {
    "catalogue": ("measure_type", "name", "ladder_step", "activity", "account"),
    "activities": ("activity", "ladder_step", "account", "dranst", "cost_center"),
    "providers": ("provider_id", "name", "kind"),
    "children": ("@child", "birth_date", "caseworker", "team"),
    "measures": ("measure_id", "@child", "measure_type", "provider_id", "start_date",
                 "end_date", "planned_end_date", "legal_basis", "approved_by", "approved_at"),
    "prices": ("measure_id", "valid_from", "valid_to", "kind", "amount", "unit",
               "hours_per_week", "negotiated", "note"),
    "price_index": ("year", "rate"),
    "postings": ("posting_id", "date", "account", "dranst", "cost_center", "amount", "text",
                 "measure_id", "@child", "provider_id"),
    "budget": ("year", "activity", "kind", "date", "amount"),
}  # fmt: skip

ROWS: dict[str, Callable[[World, date], list[snapshot.Row]]] = {
    "catalogue": lambda w, _: snapshot.catalogue(w),
    "activities": lambda w, _: snapshot.activities(w),
    "providers": lambda w, _: snapshot.providers(w),
    "children": snapshot.children,
    "measures": snapshot.measure_rows,
    "prices": snapshot.price_rows,
    "price_index": snapshot.index_rows,
    "postings": snapshot.posting_rows,
    "budget": snapshot.budget_rows,
}


def _amount(value: Decimal, style: FileStyle) -> str:
    if not style.danish_numbers:
        return f"{value:.2f}"
    if style.trailing_minus and value < 0:
        return format_number(-value, 2) + "-"
    return format_number(value, 2)


def _cell(column: str, value: Any, style: FileStyle) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, date):
        return value.strftime(DATE_FORMATS[style.dates])
    if column in MONEY_COLUMNS:
        return _amount(Decimal(str(value)).quantize(Decimal("0.01")), style)
    if column in DECIMAL_COLUMNS:
        text = f"{float(value):g}"
        return text.replace(".", ",") if style.danish_numbers else text
    return str(value)


def _columns(name: str, spec: WorldSpec) -> list[str]:
    child = "cpr" if spec.style.cpr else "child_id"
    cols = [child if c == "@child" else c for c in COLUMNS[name]]
    if name == "children" and spec.style.cpr:
        cols.remove("birth_date")  # derived from the CPR number at import
    if name == "measures" and not spec.style.planned_end:
        cols.remove("planned_end_date")
    return cols


def write_world(spec: WorldSpec, out_dir: Path, *, known_at: date | None = None) -> Path:
    """The data-contract files of ``spec`` as exported on ``known_at`` (None: the final
    export, ``spec.final_day``), written into ``out_dir``."""
    world = build_world(spec)
    known = known_at or spec.final_day
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    style = spec.style
    for name, rows_of in ROWS.items():
        cols = _columns(name, spec)
        with (out / f"{name}.csv").open("w", encoding=style.encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=style.delimiter)
            writer.writerow(cols)
            for row in rows_of(world, known):
                writer.writerow([_cell(c, row.get(c), style) for c in cols])
    return out
