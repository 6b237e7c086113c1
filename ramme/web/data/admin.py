"""Admin for master data (stamdata); case data stays out of the admin's lists."""

from django.contrib import admin

from ramme.web.accounts.admin import AppendOnlyAdmin
from ramme.web.data import models


@admin.register(models.ActivityLine)
class ActivityLineAdmin(admin.ModelAdmin):
    list_display = ["name", "ladder_step", "position"]
    list_filter = ["ladder_step"]


@admin.register(models.MappingRule)
class MappingRuleAdmin(admin.ModelAdmin):
    list_display = ["position", "activity", "account", "dranst", "cost_center"]


@admin.register(models.MeasureType)
class MeasureTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "ladder_step", "activity", "account", "duration_limit_days"]
    list_filter = ["ladder_step"]
    search_fields = ["code", "name"]


@admin.register(models.Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["provider_id", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["provider_id", "name"]


@admin.register(models.LegalParagraph)
class LegalParagraphAdmin(admin.ModelAdmin):
    list_display = ["key", "law", "text", "ladder_step", "successor"]
    list_filter = ["law"]
    search_fields = ["key", "text"]


@admin.register(models.PriceIndex)
class PriceIndexAdmin(admin.ModelAdmin):
    list_display = ["year", "rate"]


@admin.register(models.Budget)
class BudgetAdmin(admin.ModelAdmin):
    list_display = ["year", "activity", "kind", "date", "amount"]
    list_filter = ["year", "kind"]


@admin.register(models.ImportRun)
class ImportRunAdmin(AppendOnlyAdmin):
    list_display = ["started_at", "username", "source", "succeeded"]


# Contract v2's optional files without case data (the waiting list names children: not here).
@admin.register(models.Population)
class PopulationAdmin(admin.ModelAdmin):
    list_display = ["year", "age", "count"]
    list_filter = ["year"]


@admin.register(models.BenchmarkFigure)
class BenchmarkFigureAdmin(admin.ModelAdmin):
    list_display = ["year", "municipality", "indicator", "value", "source"]
    list_filter = ["indicator", "year"]
    search_fields = ["municipality"]


@admin.register(models.StaffPeriod)
class StaffPeriodAdmin(admin.ModelAdmin):
    list_display = ["provider", "valid_from", "valid_to", "places", "staff"]
