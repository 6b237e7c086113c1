"""``GET /api/v1/lines`` and ``/lines/{activity}``: activity lines, with the caller's cases."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from ramme.web.accounts.access import record_shown, visible_measures
from ramme.web.accounts.disclosure import line_disclosure
from ramme.web.api.auth import api_user
from ramme.web.api.common import disclosed, forecast_on, hidden_figures
from ramme.web.api.forecast import LineFigures
from ramme.web.forecasts.services import year_end

router = Router(tags=["aktiviteter"])


class LinesOut(Schema):
    as_of: date
    year: int
    lines: list[LineFigures]


class MeasureForecast(Schema):
    """One measure's share of the forecast year (kr.)."""

    measure_id: str
    measure_type: str
    start_date: date
    end_date: date | None
    daily_price: float
    accrued: float
    committed: float
    expected: float
    year_cost: float


class LineDetail(LineFigures):
    as_of: date
    measures: list[MeasureForecast]


@router.get("", response=LinesOut, summary="Aktiviteter med prognose")
def lines(request: HttpRequest, as_of: date | None = None) -> dict[str, Any]:
    fc = forecast_on(as_of)
    payload = disclosed(year_end.forecast_payload(fc), line_disclosure(api_user(request), fc))
    return {"as_of": payload["as_of"], "year": payload["year"], "lines": payload["lines"]}


@router.get("/{path:activity}", response=LineDetail, summary="Én aktivitet med dens indsatser")
def line(request: HttpRequest, activity: str, as_of: date | None = None) -> dict[str, Any]:
    """The line's figures and the measures on it that the caller may see (logged)."""
    fc = forecast_on(as_of)
    figures: dict[str, Any] | None = next(
        (x for x in fc.to_dict()["lines"] if x["activity"] == activity), None
    )
    if figures is None:
        raise Http404(f"Aktiviteten '{activity}' findes ikke i prognosen.")
    if line_disclosure(api_user(request), fc).hides(activity):
        figures = hidden_figures(figures)
    allowed = set(
        visible_measures(api_user(request))
        .filter(measure_type__activity__name=activity)
        .values_list("measure_id", flat=True)
    )
    rows = [
        r for r in fc.measures.rows() if r["activity"] == activity and r["measure_id"] in allowed
    ]
    rows.sort(key=lambda r: -r["year_cost"])
    record_shown(api_user(request), "measure", [r["measure_id"] for r in rows], f"api {activity}")
    return figures | {"as_of": fc.as_of, "measures": rows}
