"""JSON error bodies with Danish messages: ``{"detail": "..."}`` (422 adds ``errors``)."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

logger = logging.getLogger(__name__)

UNAUTHORIZED = (
    "Du er ikke logget ind: send et personligt token som 'Authorization: Bearer <token>' "
    "(lav et med 'ramme token create BRUGER')."
)
# pydantic's error types in Danish; others keep pydantic's own text.
REASONS = {
    "missing": "mangler",
    "date_parsing": "skal være en dato på formen ÅÅÅÅ-MM-DD (fx 2024-09-30)",
    "date_from_datetime_parsing": "skal være en dato på formen ÅÅÅÅ-MM-DD (fx 2024-09-30)",
    "date_from_datetime_inexact": "skal være en dato på formen ÅÅÅÅ-MM-DD (fx 2024-09-30)",
    "int_parsing": "skal være et heltal",
    "int_type": "skal være et heltal",
}


def _error(error: dict[str, Any]) -> dict[str, str]:
    loc = [str(part) for part in error.get("loc", ())]
    where = loc[0] if loc else ""
    return {
        "location": where,
        "parameter": loc[-1] if len(loc) > 1 else where,
        "reason": REASONS.get(str(error.get("type")), str(error.get("msg", ""))),
    }


def install(api: NinjaAPI) -> None:
    """Replace django-ninja's English default errors with Danish JSON ones."""

    @api.exception_handler(AuthenticationError)
    def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = api.create_response(request, {"detail": UNAUTHORIZED}, status=401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        # Our own Http404s carry a Danish message; Django's own (English) ones do not reach
        # here because every lookup goes through an access helper or ``require``.
        return api.create_response(request, {"detail": str(exc) or "Findes ikke."}, status=404)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [_error(e) for e in exc.errors]
        detail = "; ".join(f"{e['parameter']}: {e['reason']}" for e in errors)
        body = {"detail": f"Ugyldig forespørgsel: {detail}.", "errors": errors}
        return api.create_response(request, body, status=422)

    @api.exception_handler(Exception)
    def failed(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API-fejl på %s", request.path, exc_info=exc)
        body = {"detail": "Der opstod en fejl i ramme; den er skrevet i serverens log."}
        return api.create_response(request, body, status=500)
