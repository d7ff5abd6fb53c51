from __future__ import annotations

from django.contrib import admin

from solidata.web.findings.models import FrameCount, SamplingFrame


class FrameCountInline(admin.TabularInline[FrameCount, SamplingFrame]):
    model = FrameCount
    extra = 1
    autocomplete_fields = ()
    fields = ["admin_area", "entity_type", "legal_form", "sector", "population"]


@admin.register(SamplingFrame)
class SamplingFrameAdmin(admin.ModelAdmin[SamplingFrame]):
    list_display = ["survey", "kind", "source", "is_synthetic", "updated_at"]
    list_filter = ["kind", "is_synthetic"]
    inlines = [FrameCountInline]
