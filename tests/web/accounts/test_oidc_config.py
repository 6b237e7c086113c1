"""RAMME_OIDC_* as configuration, and claims as an identity or a refusal."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from ramme.web.accounts.models import Role
from ramme.web.accounts.oidc.claims import Identity, Refusal, identity_from_claims
from ramme.web.accounts.oidc.config import ROLES, oidc_config, parse_map
from tests.web.accounts.conftest import ENVIRONMENT

BASE = {**ENVIRONMENT, "RAMME_OIDC_ISSUER": "https://login.example.dk/tenant/v2.0/"}


def test_the_role_names_are_ramme_roles_most_access_first() -> None:
    assert tuple(Role.values) == ROLES


def test_without_a_client_id_there_is_no_single_sign_on() -> None:
    assert oidc_config({"RAMME_OIDC_ISSUER": "https://x"}) is None


def test_the_issuer_gives_the_discovery_url() -> None:
    config = oidc_config(BASE)
    assert config is not None
    assert config.discovery_url == (
        "https://login.example.dk/tenant/v2.0/.well-known/openid-configuration"
    )
    assert config.roles[0] == ("grp-oekonomi", "economist")


def test_a_map_takes_ldap_names_with_commas_and_equals_signs() -> None:
    pairs = parse_map("X", "CN=Rådgivere,OU=Børn,DC=kommune=caseworker; g2 = head ;")
    assert pairs == (("CN=Rådgivere,OU=Børn,DC=kommune", "caseworker"), ("g2", "head"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"RAMME_OIDC_ROLE_MAP": "g=chef"}, "ukendt rolle 'chef'"),
        ({"RAMME_OIDC_ROLE_MAP": ""}, "RAMME_OIDC_ROLE_MAP er tom"),
        ({"RAMME_OIDC_CLIENT_SECRET": ""}, "RAMME_OIDC_CLIENT_SECRET mangler"),
        ({"RAMME_OIDC_ISSUER": ""}, "RAMME_OIDC_DISCOVERY_URL"),
        ({"RAMME_OIDC_TEAM_MAP": "bare-en-gruppe"}, "skal have formen gruppe=værdi"),
    ],
)
def test_a_wrong_configuration_is_refused_in_danish(change: dict[str, str], message: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=message):
        oidc_config({**BASE, **change})


def test_explicit_endpoints_replace_discovery() -> None:
    endpoints = {
        "RAMME_OIDC_AUTHORIZATION_ENDPOINT": "https://adfs/adfs/oauth2/authorize/",
        "RAMME_OIDC_TOKEN_ENDPOINT": "https://adfs/adfs/oauth2/token/",
        "RAMME_OIDC_USERINFO_ENDPOINT": "https://adfs/adfs/userinfo",
        "RAMME_OIDC_JWKS_URI": "https://adfs/adfs/discovery/keys",
    }
    config = oidc_config({**BASE, "RAMME_OIDC_ISSUER": "", **endpoints})
    assert config is not None and config.endpoints["token_endpoint"].endswith("/token/")


def test_the_role_with_most_access_and_the_first_mapped_team_win() -> None:
    config = oidc_config(BASE)
    assert config is not None
    claims = {"preferred_username": "tina", "groups": ["grp-syd", "grp-raadgivere",
              "grp-teamledere", "grp-nord"]}  # fmt: skip
    identity = identity_from_claims(claims, config)
    assert identity == Identity(username="tina", role="team_leader", team="Team Nord")


def test_one_group_may_come_as_a_string() -> None:
    config = oidc_config({**BASE, "RAMME_OIDC_GROUPS_CLAIM": "role"})
    assert config is not None and config.teams_claim == "role"  # the same claim unless set
    identity = identity_from_claims({"preferred_username": "e", "role": "grp-ledelse"}, config)
    assert isinstance(identity, Identity) and identity.role == "head"


def test_a_user_without_the_username_claim_is_refused() -> None:
    config = oidc_config({**BASE, "RAMME_OIDC_USERNAME_CLAIM": "samaccountname"})
    assert config is not None
    refusal = identity_from_claims({"groups": ["grp-oekonomi"]}, config)
    assert isinstance(refusal, Refusal) and "'samaccountname'" in refusal.reason


def test_roles_and_teams_may_come_in_different_claims() -> None:
    config = oidc_config({**BASE, "RAMME_OIDC_GROUPS_CLAIM": "roles",
                          "RAMME_OIDC_TEAMS_CLAIM": "groups",
                          "RAMME_OIDC_ROLE_MAP": "ramme.team_leader=team_leader"})  # fmt: skip
    assert config is not None
    claims = {"preferred_username": "t", "roles": ["ramme.team_leader"], "groups": ["grp-syd"]}
    identity = identity_from_claims(claims, config)
    assert isinstance(identity, Identity) and identity.team == "Team Syd"
