"""The main navigation (hovedmenu): one registry every app appends its pages to.

Each entry is (label, url name, roles). ``roles`` empty means every logged-in user;
otherwise only users with one of those roles (superusers see everything). Another app adds
a page with ``NAV.append(NavEntry("Prognose", "forecasts:follow_up", ()))`` or by adding a
line here.
"""

from __future__ import annotations

from typing import NamedTuple

from django.contrib.auth.models import AnonymousUser

from ramme.web.accounts.models import Role, User


class NavEntry(NamedTuple):
    label: str
    url_name: str
    roles: tuple[str, ...] = ()


NAV: list[NavEntry] = [
    NavEntry("Forside", "front:start"),
    NavEntry("Budgetopfølgning", "forecasts:follow_up"),
    NavEntry("Budget", "budgets:page", (Role.ECONOMIST, Role.HEAD)),
    NavEntry("Handleplaner", "plans:list"),
    NavEntry("Pejlemærker", "plans:indicators"),
    NavEntry("Opfølgning", "plans:reviews"),
    NavEntry("Rapporter", "reports:index"),
    NavEntry("Import", "uploads:upload", (Role.ECONOMIST,)),
    NavEntry("Administration", "admin:index", (Role.ECONOMIST,)),
    NavEntry("Adgangslog", "audit_log", (Role.HEAD,)),
]


def entries_for(user: User | AnonymousUser) -> list[NavEntry]:
    """The entries ``user`` may see, in registry order."""
    if not user.is_authenticated:
        return []
    return [
        entry
        for entry in NAV
        if not entry.roles or user.is_superuser or getattr(user, "role", "") in entry.roles
    ]
