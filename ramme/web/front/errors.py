"""Danish error pages (fejlsider) for 400, 403, 404 and 500.

Django's own handlers render their templates without the request, so the header, the
navigation and the reason would be missing; these render with it. The 500 page is a plain
template: after a server error the database or the session may be what failed.
"""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

TITLES = {
    400: "Forkert forespørgsel",
    403: "Ingen adgang",
    404: "Siden findes ikke",
}
DEFAULT_REASONS = {
    400: "Forespørgslen kunne ikke forstås.",
    403: "Du har ikke adgang til denne side.",
    404: "Siden eller posten findes ikke, eller du har ikke adgang til den.",
}


# Django's own messages are English ("No Measure matches the given query."); ours Danish
_ENGLISH = re.compile(r"matches the given query|^No |^Invalid|^Forbidden|CSRF")


def _reason(status: int, exception: Exception | None) -> str:
    """The exception's own Danish text when it has one, else the page's default."""
    text = exception.args[0] if exception is not None and exception.args else None
    if not isinstance(text, str) or not text.strip() or _ENGLISH.search(text):
        return DEFAULT_REASONS[status]
    return text


def _page(request: HttpRequest, status: int, exception: Exception | None) -> HttpResponse:
    context = {"status": status, "title": TITLES[status], "reason": _reason(status, exception)}
    return render(request, "errors/error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 400, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 403, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 404, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponse(loader.render_to_string("errors/500.html"), status=500)
