from django.contrib import admin

from ramme.web.quality.models import FindingExplanation


@admin.register(FindingExplanation)
class FindingExplanationAdmin(admin.ModelAdmin):
    list_display = ("key", "kind", "username", "explained_at")
    list_filter = ("kind",)
    search_fields = ("key", "note")
    readonly_fields = ("key", "kind", "note", "username", "explained_at")  # audited service only
