"""Login lockout (django-axes): after AXES_FAILURE_LIMIT wrong passwords a user name is
locked for AXES_COOLOFF_TIME, whichever password comes next."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: in production the last hop nginx added to X-Forwarded-For
    (docs/deploy.md; earlier hops come from the client and could be forged), else the
    socket's. Without it every login would come from the proxy and share one lockout."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.PRODUCTION and forwarded:
        return str(forwarded.split(",")[-1].strip())
    return str(request.META.get("REMOTE_ADDR", ""))


class LockoutBackend(AxesStandaloneBackend):  # type: ignore[misc]  # axes has no stubs
    """django-axes' check, for logins that come with a request (the login page, the admin).

    Code that authenticates without a request (Django's test client, a management
    command) has no client to lock out; axes would raise, so it is passed on instead.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None,
        password: str | None = None, **kwargs: Any,
    ) -> None:  # fmt: skip
        # Axes never returns a user: it raises when locked out, else lets the next backend try.
        if request is not None:
            super().authenticate(request, username, password, **kwargs)
