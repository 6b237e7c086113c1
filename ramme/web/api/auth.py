"""Who is calling: a personal token (``Authorization: Bearer``) or the browser's session."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from ramme.web.accounts.models import User
from ramme.web.api.services.tokens import user_for_token


class BearerToken(HttpBearer):
    """A token made with ``ramme token create USER``."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token.strip())
        if user is not None:
            request.user = user  # so code reading request.user sees the token's owner
        return user


# Tried in order: a token first, else a logged-in browser (CSRF-checked on writes).
AUTH = [BearerToken(), django_auth]


def api_user(request: HttpRequest) -> User:
    """The authenticated caller (every operation of the API requires one)."""
    return cast(User, request.auth)  # type: ignore[attr-defined]
