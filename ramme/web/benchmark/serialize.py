"""The benchmark as JSON: the same cells the tables show (``ramme benchmark --json`` and the
API). A number is the unrounded value, a hidden figure its mark («–»), a missing one null."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ramme.core.benchmark import Comparison
from ramme.reports.benchmark import cell
from ramme.reports.model import Suppressed


def json_value(value: object) -> float | str | None:
    if isinstance(value, Suppressed):
        return value.text
    if isinstance(value, Decimal | int):
        return float(value)
    return None


def comparisons_json(year: int, comparisons: tuple[Comparison, ...]) -> dict[str, Any]:
    return {
        "year": year,
        "years": list(comparisons[0].years) if comparisons else [],
        "indicators": [
            {
                "code": c.indicator.code,
                "label": c.indicator.label,
                "unit": c.indicator.unit.value,
                "rows": [
                    {
                        "municipality": row.municipality,
                        "own": row.own,
                        "source": "ramme" if row.own else row.source,
                        "values": [json_value(cell(f)) for f in row.figures],
                    }
                    for row in c.rows
                ],
            }
            for c in comparisons
        ],
    }
