"""The JSON API v1 at ``/api/v1/``: one router per resource, token or session auth on all.

Schema at ``/api/v1/openapi.json``, readable docs at ``/api/v1/docs`` (Swagger UI from
django-ninja's own static files, so it loads without the internet; ``docs.LocalSwagger``).
"""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from ramme.web.api import (
    backtest,
    benchmark,
    casework,
    errors,
    forecast,
    imports,
    indicators,
    lines,
    measures,
    offers,
    plans,
    reviews,
)
from ramme.web.api.auth import AUTH
from ramme.web.api.docs import LocalSwagger


class DanishJSON(JSONRenderer):
    """UTF-8 JSON with æ, ø and å as they are (like ``ramme forecast --json``)."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="ramme API",
    version="1",
    description=(
        "Prognose, aktiviteter, indsatser, handleplaner, pejlemærker og opfølgning som JSON. "
        "Beløb er tal i kroner, datoer ISO 8601. Send et personligt token som "
        "`Authorization: Bearer <token>` (`ramme token create BRUGER`)."
    ),
    auth=AUTH,
    urls_namespace="api-v1",
    renderer=DanishJSON(),
    docs=LocalSwagger(),
)
errors.install(api)

api.add_router("/forecast", forecast.router)
api.add_router("/lines", lines.router)
api.add_router("/measures", measures.router)
api.add_router("/plans", plans.router)
api.add_router("/indicators", indicators.router)
api.add_router("/reviews", reviews.router)
api.add_router("/backtest", backtest.router)
api.add_router("/benchmark", benchmark.router)
api.add_router("/offers", offers.router)
api.add_router("/casework", casework.router)

api.add_router("", imports.router)  # its paths carry /imports themselves
