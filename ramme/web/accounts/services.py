"""Writes of the accounts app: creating users (brugere) with role and team."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import transaction

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, Role, Team, User

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
    user.role = role
    user.team = Team.objects.get_or_create(name=team)[0] if team else None
    user.is_superuser = superuser
    user.is_staff = superuser or role == Role.ECONOMIST
    user.set_password(password)
    user.save()
    if role == Role.ECONOMIST:
        user.user_permissions.add(
            *Permission.objects.filter(content_type__app_label__in=ECONOMIST_APPS)
        )
    record_access(None, AuditEvent.Action.CHANGE, "user", username, detail=f"rolle {role}")
    return user
