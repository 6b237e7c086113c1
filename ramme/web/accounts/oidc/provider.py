"""The identity provider's endpoints (from its discovery document) and mozilla-django-oidc's
settings, answered from ``settings.RAMME_OIDC`` so the environment is the only source."""

from __future__ import annotations

import functools
from typing import Any

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ramme.web.accounts.oidc.config import OidcConfig

TIMEOUT_SECONDS = 10
# mozilla-django-oidc's endpoint settings → the names in the discovery document.
ENDPOINT_SETTINGS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


def config() -> OidcConfig:
    configured: OidcConfig | None = settings.RAMME_OIDC
    if configured is None:
        raise ImproperlyConfigured("Single sign-on er ikke sat op (RAMME_OIDC_CLIENT_ID).")
    return configured


@functools.cache
def _discovery(url: str) -> dict[str, Any]:
    """The provider's discovery document, fetched once per process (a failure is not kept)."""
    response = requests.get(url, timeout=TIMEOUT_SECONDS)
    response.raise_for_status()
    document: dict[str, Any] = response.json()
    return document


def endpoint(name: str) -> str:
    """An endpoint of the provider: set explicitly, else from its discovery document."""
    current = config()
    return current.endpoints.get(name) or str(_discovery(current.discovery_url)[name])


def oidc_setting(attr: str, *default: Any) -> Any:
    """What mozilla-django-oidc asks ``settings`` for, from ``RAMME_OIDC``."""
    if attr in ENDPOINT_SETTINGS:
        return endpoint(ENDPOINT_SETTINGS[attr])
    current = config()
    values: dict[str, Any] = {
        "OIDC_RP_CLIENT_ID": current.client_id,
        "OIDC_RP_CLIENT_SECRET": current.client_secret,
        "OIDC_RP_SCOPES": current.scopes,
        "OIDC_RP_SIGN_ALGO": current.sign_algo,
        "OIDC_USE_PKCE": current.use_pkce,
        "OIDC_TIMEOUT": TIMEOUT_SECONDS,
    }
    if attr in values:
        return values[attr]
    return getattr(settings, attr, *default)
