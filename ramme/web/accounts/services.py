"""Writes of the accounts app: users (brugere) with role and team, local or from single sign-on."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import transaction

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, Role, Team, User
from ramme.web.accounts.oidc.claims import Identity

# Economists maintain master data (catalogue, activity lines, budgets) in the admin.
ECONOMIST_APPS = ("data",)


@transaction.atomic
def create_user(
    username: str,
    role: str,
    password: str,
    team: str = "",
    superuser: bool = False,
) -> User:
    """Create a user, or update role, team and password of an existing one.

    Economists and superusers get the admin (is_staff); economists may edit the data
    app's master data there.
    """
    if role not in Role.values:
        raise ValueError(f"ukendt rolle '{role}'")
    user = User.objects.filter(username=username).first() or User(username=username)
    user.is_superuser = superuser
    user.set_password(password)
    _assign_role(user, role, team)
    record_access(None, AuditEvent.Action.CHANGE, "user", username, detail=f"rolle {role}")
    return user


@transaction.atomic
def sign_in_from_identity_provider(identity: Identity) -> User:
    """Create or update the user the identity provider vouches for, at each login.

    Role, team, name and e-mail follow the provider's claims; a new user gets no password
    (single sign-on only). Superuser status is kept as ``createuser`` gave it.
    """
    user = User.objects.filter(username=identity.username).first()
    if user is None:
        user = User(username=identity.username)
        user.set_unusable_password()
    user.email = identity.email
    user.first_name, user.last_name = identity.first_name, identity.last_name
    _assign_role(user, identity.role, identity.team)
    record_access(
        user, AuditEvent.Action.CHANGE, "user", user.username,
        detail=f"rolle {identity.role} fra identitetsudbyder",
    )  # fmt: skip
    return user


def _assign_role(user: User, role: str, team: str) -> None:
    """Set role and team and save; economists and superusers get the admin (is_staff)."""
    user.role = role
    user.team = Team.objects.get_or_create(name=team)[0] if team else None
    user.is_staff = user.is_superuser or role == Role.ECONOMIST
    user.save()
    master_data = Permission.objects.filter(content_type__app_label__in=ECONOMIST_APPS)
    if role == Role.ECONOMIST:
        user.user_permissions.add(*master_data)
    else:  # a role that changed at the identity provider takes the admin rights with it
        user.user_permissions.remove(*master_data)
