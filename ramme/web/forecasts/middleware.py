"""Per-request reading of the data version (see ``services.cache.one_version``)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from ramme.web.forecasts.services.cache import one_version


class DataVersionMiddleware:
    """A page view (GET or HEAD) reads the data version once. Requests that write (POST)
    read it afresh each time, so what they change is seen by what they render after."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with one_version():
            return self.get_response(request)
