from __future__ import annotations

from django.contrib import admin

from solidata.web.committee.models import (
    Clause,
    Comment,
    Decision,
    DefinitionVersion,
    Proposal,
    TermVersion,
    WorkingDefinition,
)


class ClauseInline(admin.TabularInline):
    model = Clause
    extra = 0


@admin.register(WorkingDefinition)
class WorkingDefinitionAdmin(admin.ModelAdmin):
    list_display = ("title_en", "country", "survey", "is_synthetic")


@admin.register(DefinitionVersion)
class DefinitionVersionAdmin(admin.ModelAdmin):
    list_display = ("definition", "number", "status", "created_at", "adopted_at")
    list_filter = ("status",)
    inlines = [ClauseInline]


admin.site.register(Proposal)
admin.site.register(Comment)
admin.site.register(Decision)
admin.site.register(TermVersion)
