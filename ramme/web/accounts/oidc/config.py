"""The OpenID Connect configuration, read from ``RAMME_OIDC_*`` environment variables.

Read while Django's settings load, so it imports no models: the role names are repeated
here (a test keeps them equal to ``accounts.models.Role``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured

from ramme.web.env import truthy

ROLES = ("economist", "head", "team_leader", "caseworker")  # most access first
DISCOVERY_PATH = "/.well-known/openid-configuration"
# Endpoint environment variable → its name in the provider's discovery document.
ENDPOINT_VARIABLES = {
    "RAMME_OIDC_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "RAMME_OIDC_TOKEN_ENDPOINT": "token_endpoint",
    "RAMME_OIDC_USERINFO_ENDPOINT": "userinfo_endpoint",
    "RAMME_OIDC_JWKS_URI": "jwks_uri",
}


@dataclass(frozen=True)
class OidcConfig:
    """How ramme talks to the identity provider and turns its claims into a user."""

    client_id: str
    client_secret: str
    discovery_url: str = ""
    endpoints: Mapping[str, str] = field(default_factory=dict)  # overrides of discovery
    name: str = "kommunens login"
    scopes: str = "openid profile email"
    sign_algo: str = "RS256"
    username_claim: str = "preferred_username"
    groups_claim: str = "groups"
    teams_claim: str = "groups"  # Entra ID: app roles in "roles", teams as groups in "groups"
    use_pkce: bool = True
    roles: tuple[tuple[str, str], ...] = ()  # (group value, ramme role)
    teams: tuple[tuple[str, str], ...] = ()  # (group value, team name)


def oidc_config(environ: Mapping[str, str]) -> OidcConfig | None:
    """The configuration, or ``None`` when ``RAMME_OIDC_CLIENT_ID`` is not set."""

    def get(name: str, default: str = "") -> str:
        return environ.get(name, "").strip() or default

    client_id = get("RAMME_OIDC_CLIENT_ID")
    if not client_id:
        return None
    groups_claim = get("RAMME_OIDC_GROUPS_CLAIM", OidcConfig.groups_claim)
    endpoints = {key: get(var) for var, key in ENDPOINT_VARIABLES.items() if get(var)}
    config = OidcConfig(
        client_id=client_id,
        client_secret=get("RAMME_OIDC_CLIENT_SECRET"),
        discovery_url=_discovery_url(get("RAMME_OIDC_DISCOVERY_URL"), get("RAMME_OIDC_ISSUER")),
        endpoints=endpoints,
        name=get("RAMME_OIDC_NAME", OidcConfig.name),
        scopes=get("RAMME_OIDC_SCOPES", OidcConfig.scopes),
        sign_algo=get("RAMME_OIDC_SIGN_ALGO", OidcConfig.sign_algo),
        username_claim=get("RAMME_OIDC_USERNAME_CLAIM", OidcConfig.username_claim),
        groups_claim=groups_claim,
        teams_claim=get("RAMME_OIDC_TEAMS_CLAIM", groups_claim),
        use_pkce=truthy(get("RAMME_OIDC_USE_PKCE", "1")),
        roles=parse_map("RAMME_OIDC_ROLE_MAP", get("RAMME_OIDC_ROLE_MAP"), allowed=ROLES),
        teams=parse_map("RAMME_OIDC_TEAM_MAP", get("RAMME_OIDC_TEAM_MAP")),
    )
    _check(config)
    return config


def _discovery_url(discovery_url: str, issuer: str) -> str:
    if discovery_url or not issuer:
        return discovery_url
    return issuer.rstrip("/") + DISCOVERY_PATH


def parse_map(
    variable: str, text: str, allowed: tuple[str, ...] = ()
) -> tuple[tuple[str, str], ...]:
    """``group=value;group=value`` as pairs, in the given order.

    The value follows the last ``=``, so a group may be an LDAP name (``CN=x,OU=y``).
    """
    pairs = []
    for item in (part.strip() for part in text.split(";")):
        if not item:
            continue
        group, sep, value = item.rpartition("=")
        if not sep or not group.strip() or not value.strip():
            raise ImproperlyConfigured(f"{variable}: '{item}' skal have formen gruppe=værdi.")
        if allowed and value.strip() not in allowed:
            raise ImproperlyConfigured(
                f"{variable}: ukendt rolle '{value.strip()}' (gyldige: {', '.join(allowed)})."
            )
        pairs.append((group.strip(), value.strip()))
    return tuple(pairs)


def _check(config: OidcConfig) -> None:
    problems = []
    if not config.client_secret:
        problems.append("RAMME_OIDC_CLIENT_SECRET mangler")
    needed = set(ENDPOINT_VARIABLES.values())
    if not config.discovery_url and not needed <= set(config.endpoints):
        problems.append(
            "angiv RAMME_OIDC_DISCOVERY_URL, RAMME_OIDC_ISSUER eller alle fire endpoints "
            f"({', '.join(ENDPOINT_VARIABLES)})"
        )
    if not config.roles:
        problems.append("RAMME_OIDC_ROLE_MAP er tom, så ingen ville få adgang")
    if problems:
        raise ImproperlyConfigured("Single sign-on (RAMME_OIDC_*): " + "; ".join(problems) + ".")
