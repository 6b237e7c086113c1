"""The authentication backend: the code flow of mozilla-django-oidc, users from claims."""

from __future__ import annotations

import logging
from typing import Any

import jwt
import requests
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from ramme.web.accounts.models import User
from ramme.web.accounts.oidc.claims import Refusal, identity_from_claims
from ramme.web.accounts.oidc.provider import TIMEOUT_SECONDS, config, endpoint, oidc_setting
from ramme.web.accounts.services import sign_in_from_identity_provider

logger = logging.getLogger(__name__)
REFUSAL_ATTRIBUTE = "ramme_oidc_refusal"  # set on the request for the callback view


class OidcBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Logs in whoever the provider vouches for and whose groups map to a ramme role."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Django builds a backend for every request of a logged-in user: the provider's
        # endpoints are looked up (the properties below) only when a login needs them.
        ModelBackend.__init__(self, *args, **kwargs)
        current = config()
        self.OIDC_RP_CLIENT_ID = current.client_id
        self.OIDC_RP_CLIENT_SECRET = current.client_secret
        self.OIDC_RP_SIGN_ALGO = current.sign_algo
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = User

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self) -> str:
        return endpoint("token_endpoint")

    @property
    def OIDC_OP_USER_ENDPOINT(self) -> str:
        return endpoint("userinfo_endpoint")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self) -> str:
        return endpoint("jwks_uri")

    def retrieve_matching_jwk(self, token: str) -> jwt.PyJWK:
        # "kid" is optional (RFC 7515 4.1.4): a provider with one signing key may leave it
        # out (oidc-provider-mock does), where the library would fail with a KeyError.
        if "kid" in jwt.get_unverified_header(token):
            return super().retrieve_matching_jwk(token)  # type: ignore[no-any-return]
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=TIMEOUT_SECONDS)
        response.raise_for_status()
        keys = response.json()["keys"]
        if len(keys) != 1:
            raise SuspiciousOperation("ID-token uden 'kid', og udbyderen har flere nøgler.")
        return jwt.PyJWK(keys[0])

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        # Entra ID puts groups in the ID token only, so its verified claims come first.
        claims = {**payload, **self.get_userinfo(access_token, id_token, payload)}
        identity = identity_from_claims(claims, config())
        if isinstance(identity, Refusal):
            logger.warning("Single sign-on afvist for %s: %s", claims.get("sub"), identity.reason)
            setattr(self.request, REFUSAL_ATTRIBUTE, identity.reason)
            return None
        return sign_in_from_identity_provider(identity)
