"""``GET /api/v1/benchmark``: the key figures per 1,000 children beside other municipalities
(the same values as the benchmark page and ``ramme benchmark --json``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Router, Schema

from ramme.web.api.common import Value
from ramme.web.benchmark import figures
from ramme.web.benchmark.serialize import comparisons_json

router = Router(tags=["sammenligning"])


class RowOut(Schema):
    municipality: str
    own: bool
    source: str
    values: list[Value]  # one per year


class IndicatorOut(Schema):
    code: str
    label: str
    unit: str
    rows: list[RowOut]


class BenchmarkOut(Schema):
    year: int
    years: list[int]
    indicators: list[IndicatorOut]


@router.get("", response=BenchmarkOut, summary="Nøgletal pr. 1.000 børn mod andre kommuner")
def benchmark(request: HttpRequest, year: int | None = None) -> dict[str, Any]:
    chosen = year or figures.default_year()
    if not 1900 <= chosen <= 2100:
        raise Http404(f"Året {chosen} ligger uden for 1900-2100.")
    return comparisons_json(chosen, figures.comparisons(chosen, str(settings.MUNICIPALITY_NAME)))
