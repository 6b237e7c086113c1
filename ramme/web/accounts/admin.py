from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from ramme.web.accounts.models import AuditEvent, Team, User


@admin.register(User)
class RammeUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    fieldsets = (*UserAdmin.fieldsets, ("ramme", {"fields": ("role", "team")}))  # type: ignore[misc]


admin.site.register(Team)


class AppendOnlyAdmin(admin.ModelAdmin):
    """Rows only the application writes: nobody adds, changes or deletes them here, not
    even a superuser (the access log and the import history)."""

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(AppendOnlyAdmin):
    list_display = ["at", "username", "action", "object_type", "object_key"]
    list_filter = ["action", "object_type"]
