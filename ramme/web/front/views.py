"""Views of the front pages: fetch, call the core, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "front/start.html", {})
