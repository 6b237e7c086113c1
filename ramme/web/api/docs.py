"""The API docs page (Swagger UI) from django-ninja's own template and bundled files.

ninja's own ``Swagger`` renders its template only with ``ninja`` in ``INSTALLED_APPS`` and
otherwise loads Swagger UI from a CDN. As an app, ninja (and pydantic) were imported by
every ``django.setup()``, the start of each ``ramme`` command; its template and files are
instead found through ``TEMPLATES["DIRS"]`` and ``STATICFILES_DIRS`` (settings.py).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger, _csrf_needed

if TYPE_CHECKING:
    from ninja import NinjaAPI


class LocalSwagger(Swagger):
    """ninja's Swagger page, always from its ``ninja/swagger.html`` (no CDN, no inline
    script: the settings are a JSON data block that ninja's ``swagger-ui-init.js`` reads)."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        page_settings = self.settings | {"url": self.get_openapi_url(api, kwargs)}
        context = {
            "swagger_settings": json.dumps(page_settings, indent=1),
            "api": api,
            "add_csrf": _csrf_needed(api),  # ninja's own rule (session auth asks for it)
        }
        return render(request, self.template, context)
