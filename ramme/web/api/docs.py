"""The API docs page (Swagger UI) from ramme's template and django-ninja's bundled files.

ninja's own ``Swagger`` renders its template only with ``ninja`` in ``INSTALLED_APPS`` and
otherwise loads Swagger UI from a CDN. As an app, ninja (and pydantic) were imported by
every ``django.setup()``, the start of each ``ramme`` command; the files are instead
served from ninja's package through ``STATICFILES_DIRS`` (settings.py).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger

if TYPE_CHECKING:
    from ninja import NinjaAPI


class LocalSwagger(Swagger):
    """ninja's Swagger page, always from ``api/swagger.html`` (no CDN, no inline script:
    the settings are a JSON data block that ninja's ``swagger-ui-init.js`` reads)."""

    template = "api/swagger.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        page_settings = self.settings | {"url": self.get_openapi_url(api, kwargs)}
        context = {
            "swagger_settings": json.dumps(page_settings, indent=1),
            "api": api,
            "add_csrf": _csrf_needed(api),
        }
        return render(request, self.template, context)


def _csrf_needed(api: NinjaAPI) -> bool:
    """As ninja's: whether an auth of the API (session auth) asks for the CSRF token."""
    auths = api.auth if isinstance(api.auth, (list, tuple)) else []
    return any(getattr(auth, "csrf", False) for auth in auths)
