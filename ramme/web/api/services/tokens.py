"""Writes of personal API tokens: create, revoke, and the lookup a request makes.

A token is 32 random bytes, so a fast hash (SHA-256) is safe to store: unlike a password
there is nothing to guess from a list. The token itself is returned once and never kept.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.api.models import ApiToken

TOKEN_PREFIX = "ramme_"
PREFIX_LENGTH = 12
# Writing ``last_used_at`` on every request would make each read a write.
LAST_USED_EVERY = timedelta(minutes=1)


class TokenError(ValueError):
    """A token request that cannot be carried out (Danish message)."""


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_token(username: str, name: str = "") -> tuple[ApiToken, str]:
    """A new token for ``username``: the stored row and the token, shown only this once."""
    user = User.objects.filter(username=username).first()
    if user is None:
        raise TokenError(f"Brugeren '{username}' findes ikke.")
    if not user.is_active:
        raise TokenError(f"Brugeren '{username}' er deaktiveret.")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[:PREFIX_LENGTH], key_hash=_hash(raw)
    )
    record_access(
        None, AuditEvent.Action.CHANGE, "api_token", token.prefix, f"oprettet for {username}"
    )
    return token, raw


@transaction.atomic
def revoke_token(token_id: int) -> ApiToken:
    """Revoke a token by its number (``ramme token list``); it stops working at once."""
    token = ApiToken.objects.select_for_update().filter(pk=token_id).first()
    if token is None:
        raise TokenError(f"Der er intet token med nummer {token_id}.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_access(None, AuditEvent.Action.CHANGE, "api_token", token.prefix, "tilbagekaldt")
    return token


def tokens(username: str = "") -> QuerySet[ApiToken]:
    """Every token (or one user's), revoked ones too."""
    rows = ApiToken.objects.select_related("user")
    return rows.filter(user__username=username) if username else rows


def user_for_token(raw: str) -> User | None:
    """The active user a valid, unrevoked token belongs to; ``None`` otherwise."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
