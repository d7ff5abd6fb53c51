from __future__ import annotations

from django.contrib import admin

from solidata.web.assessments.models import Draft


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin[Draft]):
    list_display = ["instance_id", "survey", "organisation", "user", "status", "step", "updated_at"]
    list_filter = ["survey", "status"]
    raw_id_fields = ["organisation", "user", "submission"]
    # The token is a private link: the admin never shows it.
    exclude = ["token"]
    readonly_fields = ["instance_id", "revision", "submit_key", "created_at", "updated_at"]
