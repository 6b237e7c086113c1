"""From the identity provider's claims to a ramme user, or a refusal with its reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ramme.web.accounts.oidc.config import ROLES, OidcConfig


@dataclass(frozen=True)
class Identity:
    """Who logs in, as ramme needs it: username, role and team (identitet)."""

    username: str
    role: str
    team: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class Refusal:
    """Why a user the provider knows may not use ramme (afvisning), in Danish."""

    reason: str


def groups_of(claims: Mapping[str, object], claim: str) -> list[str]:
    """The group values of ``claim``: a list, or one string (AD FS sends one group so)."""
    value = claims.get(claim)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return []


def identity_from_claims(claims: Mapping[str, object], config: OidcConfig) -> Identity | Refusal:
    """The user ``claims`` describe; the role with most access wins, the first team mapped."""
    username = str(claims.get(config.username_claim) or "").strip()
    if not username:
        return Refusal(
            f"Identitetsudbyderen sendte ikke feltet '{config.username_claim}', "
            "som ramme bruger som brugernavn."
        )
    groups = set(groups_of(claims, config.groups_claim))
    team_groups = set(groups_of(claims, config.teams_claim))
    roles = {role for group, role in config.roles if group in groups}
    if not roles:
        return Refusal("Din bruger er ikke medlem af en gruppe, der giver adgang til ramme.")
    role = next(role for role in ROLES if role in roles)
    team = next((team for group, team in config.teams if group in team_groups), "")
    if role == "team_leader" and not team:
        return Refusal(
            "Du har rollen teamleder, men ingen af dine grupper svarer til et team i ramme."
        )
    return Identity(
        username=username[:150],
        role=role,
        team=team,
        email=str(claims.get("email") or "")[:254],
        first_name=str(claims.get("given_name") or claims.get("name") or "")[:150],
        last_name=str(claims.get("family_name") or "")[:150],
    )
