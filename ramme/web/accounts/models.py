"""Users (brugere) with a role and team, and the audit log (adgangslog)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    """What a user may see: caseworkers their own cases, team leaders their team's."""

    ECONOMIST = "economist", "Økonomikonsulent"
    HEAD = "head", "Afdelingsleder"
    TEAM_LEADER = "team_leader", "Teamleder"
    CASEWORKER = "caseworker", "Rådgiver"


class Team(models.Model):
    """A team of caseworkers (team)."""

    name = models.CharField("navn", max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "team"
        verbose_name_plural = "teams"

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A user of ramme; ``username`` matches the caseworker column of children.csv."""

    role = models.CharField("rolle", max_length=20, choices=Role.choices, default=Role.CASEWORKER)
    team = models.ForeignKey(
        Team, verbose_name="team", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = "bruger"
        verbose_name_plural = "brugere"

    @property
    def sees_all_cases(self) -> bool:
        return self.is_superuser or self.role in (Role.ECONOMIST, Role.HEAD)


class AuditEvent(models.Model):
    """Who read or changed case-level data, and when (adgangslog).

    Append-only: the admin offers no add, change or delete, and on PostgreSQL a trigger
    refuses UPDATE and DELETE (migration 0003). The user reference has no database
    constraint, so deleting a user changes no row here; ``username`` keeps the name.
    """

    class Action(models.TextChoices):
        READ = "read", "Læst"
        CHANGE = "change", "Ændret"
        IMPORT = "import", "Importeret"
        EXPORT = "export", "Udtrukket"
        DENIED = "denied", "Afvist"  # asked for case data the user may not see
        LOGIN = "login", "Logget ind"
        LOGOUT = "logout", "Logget ud"
        LOGIN_FAILED = "failed", "Login afvist"

    # A default, not auto_now_add: a row spooled while the database was busy keeps its time.
    at = models.DateTimeField("tidspunkt", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False
    )
    username = models.CharField("bruger", max_length=150, blank=True)
    action = models.CharField("handling", max_length=10, choices=Action.choices)
    object_type = models.CharField("type", max_length=50)
    object_key = models.CharField("nøgle", max_length=200, blank=True)
    detail = models.TextField("detaljer", blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "loghændelse"
        verbose_name_plural = "adgangslog"

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.username} {self.action} {self.object_type}"
