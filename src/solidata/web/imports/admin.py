"""Imports in the administration: what each one did, read-only (imports happen on /imports/)."""

from __future__ import annotations

from django.contrib import admin

from solidata.web.imports.models import ImportRun, SubmissionChange


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnly):
    list_display = ["started_at", "survey", "file_name", "format", "created", "updated"]
    list_filter = ["survey", "format"]
    search_fields = ["file_name", "file_sha256"]


@admin.register(SubmissionChange)
class SubmissionChangeAdmin(ReadOnly):
    list_display = ["changed_at", "submission", "review_before", "review_after", "run"]
    raw_id_fields = ["submission", "run"]
