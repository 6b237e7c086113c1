"""Who may change what (rettigheder): the one place that decides, beside ``access.py``
(who sees which case).

- plans and indicators (handleplaner, pejlemærker): economists, heads, team leaders of a
  team, superusers; a team leader without a team is no one's leader;
- the report texts, the portfolio, the budget and the yearly transfers: economists, heads,
  superusers;
- imports (indlæsning): economists and superusers;
- the access log (adgangslog): heads and superusers.

Pages call the ``may_*`` functions to show or hide a form, and ``require_*`` before a write;
both read the same rule, so a hidden button and a refused post never disagree.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from ramme.web.accounts.models import Role, User


def _active(user: object) -> User | None:
    """The user when logged in and active (an anonymous or locked user may change nothing)."""
    return user if isinstance(user, User) and user.is_active else None


def may_edit_plans(user: object) -> bool:
    """Economists, heads, team leaders of a team and superusers."""
    found = _active(user)
    if found is None:
        return False
    leads = found.role == Role.TEAM_LEADER and found.team_id is not None
    return found.sees_all_cases or leads


def may_edit_reports(user: object) -> bool:
    """Economists, heads and superusers: report texts, portfolio, budget, transfers."""
    found = _active(user)
    return found is not None and found.sees_all_cases


def may_import(user: object) -> bool:
    """Economists and superusers."""
    found = _active(user)
    return found is not None and (found.is_superuser or found.role == Role.ECONOMIST)


def may_read_log(user: object) -> bool:
    """Heads of department (afdelingsledere) and superusers."""
    found = _active(user)
    return found is not None and (found.is_superuser or found.role == Role.HEAD)


def require_plan_editor(user: object) -> User:
    """The user, when they may change plans; else 403."""
    if not may_edit_plans(user):
        raise PermissionDenied("Du har ikke adgang til at ændre handleplaner.")
    assert isinstance(user, User)
    return user


def require_report_editor(user: object) -> None:
    if not may_edit_reports(user):
        raise PermissionDenied("Kun økonomikonsulenter og ledere kan ændre dette.")


def require_importer(user: object) -> None:
    if not may_import(user):
        raise PermissionDenied("Kun økonomikonsulenter og administratorer kan indlæse data.")
