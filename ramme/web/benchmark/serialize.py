"""The three pages as JSON: the same cells the tables show (``ramme benchmark --json`` and the
API). A number is the unrounded value, a hidden figure its mark («<5», «–»), a missing one null."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ramme.core.benchmark import Comparison
from ramme.core.casework import Casework
from ramme.core.offers import OfferSeries
from ramme.reports.benchmark import cell
from ramme.reports.casework import month_cells
from ramme.reports.model import Suppressed
from ramme.reports.offers import offer_row


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


OFFER_FIELDS = ("places", "occupied", "occupancy", "children", "waiting", "caseload",
                "cost_per_place", "external_price")  # fmt: skip
CASEWORK_FIELDS = ("notifications", "followed_share", "started", "finished", "in_time_share",
                   "overdue")  # fmt: skip


def _month(month: object) -> str:
    return str(month)  # Month's str is ÅÅÅÅ-MM


def offers_json(series: tuple[OfferSeries, ...]) -> list[dict[str, Any]]:
    return [
        {
            "provider_id": s.offer.provider_id,
            "name": s.offer.name,
            "measure_types": list(s.types),
            "compared_with": list(s.compared_with),
            "months": [
                {"month": _month(m.month)}
                | dict(zip(OFFER_FIELDS, map(json_value, offer_row(m).cells[1:]), strict=True))
                for m in s.months
            ],
        }
        for s in series
    ]


def casework_json(work: Casework) -> dict[str, Any]:
    def months(rows: Any) -> list[dict[str, Any]]:
        return [
            {"month": _month(m.month)}
            | dict(zip(CASEWORK_FIELDS, map(json_value, month_cells(m, work.has_end_dates)),
                       strict=True))
            for m in rows
        ]  # fmt: skip

    return {
        "has_end_dates": work.has_end_dates,
        "months": months(work.months),
        "teams": {team: months(rows) for team, rows in work.teams.items()},
        "indicator": [
            {"year": y.year, "through": y.through.isoformat(), "investigations": y.investigations,
             "previous": y.previous, "change": json_value(y.change), "goal": float(y.goal),
             "achieved": y.achieved}
            for y in work.indicator
        ],
    }  # fmt: skip
