"""A real OpenID provider (oidc-provider-mock) on 127.0.0.1, and ramme configured for it."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest
import requests
from pytest_django import Settings
from werkzeug.serving import make_server

from ramme.web.accounts.oidc.config import OidcConfig, oidc_config

# authlib (under oidc-provider-mock) sets its deprecation warnings to "always", ahead of
# pytest's filters, and then warns of itself at import; catch_warnings undoes both.
with warnings.catch_warnings():
    import authlib.deprecate  # noqa: F401  (installs that filter, so ours can go before it)

    warnings.simplefilter("ignore", DeprecationWarning)
    import oidc_provider_mock

# What a municipality would put in its environment file (docs/deploy.md).
ENVIRONMENT = {
    "RAMME_OIDC_CLIENT_ID": "ramme",
    "RAMME_OIDC_CLIENT_SECRET": "hemmelig",
    "RAMME_OIDC_NAME": "Testkommunens login",
    "RAMME_OIDC_ROLE_MAP": (
        "grp-oekonomi=economist;grp-ledelse=head;grp-teamledere=team_leader;"
        "grp-raadgivere=caseworker"
    ),
    "RAMME_OIDC_TEAM_MAP": "grp-nord=Team Nord;grp-syd=Team Syd",
}


@dataclass
class Provider:
    url: str

    def add_user(self, sub: str, **claims: str | list[str]) -> None:
        """Tell the provider which claims ``sub`` gets at the next login."""
        response = requests.put(f"{self.url}/users/{quote(sub)}", json=claims, timeout=5)
        assert response.status_code == 204, response.text


@pytest.fixture
def oidc_provider() -> Iterator[Provider]:
    server = make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield Provider(f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def configure(settings: Settings, provider: Provider, **overrides: str) -> OidcConfig:
    """Configure single sign-on the way settings.py does, from environment variables."""
    environment = {**ENVIRONMENT, "RAMME_OIDC_ISSUER": provider.url, **overrides}
    config = oidc_config(environment)
    assert config is not None
    settings.RAMME_OIDC = config
    settings.AUTHENTICATION_BACKENDS = [
        "ramme.web.accounts.oidc.backend.OidcBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    return config


@pytest.fixture
def sso(settings: Settings, oidc_provider: Provider) -> Provider:
    configure(settings, oidc_provider)
    return oidc_provider
