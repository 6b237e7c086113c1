"""Admin for the plans models (handleplaner, pejlemærker, interne tilbud, gennemgange)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.plans import models


class TrackedAdmin(admin.ModelAdmin):
    """Who and when, as the services record it, also for changes made here."""

    readonly_fields = ["created_at", "updated_at", "created_by", "updated_by"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        user = request.user if isinstance(request.user, User) else None
        name = obj._meta.model_name
        record_access(user, AuditEvent.Action.CHANGE, name, str(obj.pk), "admin")


class ExpectedEffectInline(admin.TabularInline):
    model = models.ExpectedEffect
    extra = 0


@admin.register(models.ActionPlan)
class ActionPlanAdmin(TrackedAdmin):
    list_display = ["title", "year", "centre", "responsible", "start_date", "version"]
    list_filter = ["year"]
    readonly_fields = ["version", *TrackedAdmin.readonly_fields]


@admin.register(models.Action)
class ActionAdmin(TrackedAdmin):
    list_display = ["plan", "number", "effort_area", "mechanism", "measure_types", "from_date"]
    list_filter = ["mechanism", "plan"]
    inlines = [ExpectedEffectInline]


@admin.register(models.MeasureActionLink)
class MeasureActionLinkAdmin(TrackedAdmin):
    list_display = ["measure", "action", "note", "created_at", "created_by"]
    raw_id_fields = ["measure"]
    search_fields = ["measure__measure_id"]


class ConclusionInline(admin.TabularInline):
    model = models.IndicatorConclusion
    extra = 0


@admin.register(models.Indicator)
class IndicatorAdmin(TrackedAdmin):
    list_display = ["name", "area", "kind", "measure_types", "change", "relative", "target_date"]
    list_filter = ["kind", "area"]
    inlines = [ConclusionInline]


@admin.register(models.Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["measure", "reviewed_on", "reviewer", "note"]
    raw_id_fields = ["measure"]
    search_fields = ["measure__measure_id", "reviewer"]


@admin.register(models.InternalOffer)
class InternalOfferAdmin(TrackedAdmin):
    list_display = ["provider", "label", "places", "waiting", "staff", "updated_at"]
