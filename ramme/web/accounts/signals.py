"""Logins, logouts, failed logins, lockouts and admin changes go to the access log."""

from __future__ import annotations

import time
from typing import Any

from axes.signals import user_locked_out
from django.contrib.admin.models import LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.middleware import STARTED
from ramme.web.accounts.models import AuditEvent, User


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[STARTED] = time.time()  # the 8-hour clock (middleware.py)
    record_access(user, AuditEvent.Action.LOGIN, "session", user.get_username())


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        record_access(user, AuditEvent.Action.LOGOUT, "session", user.get_username())


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    # The password is never logged (Django already hides it in ``credentials``).
    name = str(credentials.get("username", ""))[:150]
    record_access(None, AuditEvent.Action.LOGIN_FAILED, "session", name, "forkert adgangskode")


@receiver(user_locked_out)
def _locked_out(sender: Any, request: Any, username: str | None, **kwargs: Any) -> None:
    detail = "for mange forkerte adgangskoder: spærret"
    record_access(None, AuditEvent.Action.LOGIN_FAILED, "session", (username or "")[:150], detail)


@receiver(post_save, sender=LogEntry)
def _admin_change(sender: Any, instance: LogEntry, created: bool, **kwargs: Any) -> None:
    """Every change made in the admin (budgets, providers, users, roles, passwords)."""
    if created:
        record_admin_entry(instance)


def record_admin_entry(entry: LogEntry) -> None:
    kind = {1: "tilføjet", 2: "ændret", 3: "slettet"}.get(entry.action_flag, "")
    model = entry.content_type.model if entry.content_type else "ukendt"
    user = User.objects.filter(pk=entry.user_id).first()
    detail = f"administration: {kind} {entry.object_repr}; {entry.get_change_message()}"
    key = str(entry.object_id or "")
    record_access(user, AuditEvent.Action.CHANGE, f"admin:{model}", key, detail)


def _log_bulk_admin_entries() -> None:
    """The admin's bulk delete writes its LogEntry rows with bulk_create, which sends no
    post_save; so that manager's bulk_create records them too."""
    manager = LogEntry.objects
    original = manager.bulk_create

    def bulk_create(objs: Any, *args: Any, **kwargs: Any) -> list[LogEntry]:
        created = original(objs, *args, **kwargs)
        for entry in created:
            record_admin_entry(entry)
        return created

    manager.bulk_create = bulk_create  # type: ignore[method-assign]


_log_bulk_admin_entries()
