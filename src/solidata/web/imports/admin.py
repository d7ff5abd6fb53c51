"""Imports in the administration: what each one did, read-only (imports happen on /imports/)."""

from __future__ import annotations

from typing import TypeVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from solidata.web.imports.models import ImportRun, SubmissionChange

_M = TypeVar("_M", bound=Model)


class ReadOnly(admin.ModelAdmin[_M]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        # the audit trail; and an unfinished run's record keeps the rows it staged invisible
        return False


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnly[ImportRun]):
    list_display = ["started_at", "survey", "file_name", "format", "created", "updated"]
    list_filter = ["survey", "format"]
    search_fields = ["file_name", "file_sha256"]


@admin.register(SubmissionChange)
class SubmissionChangeAdmin(ReadOnly[SubmissionChange]):
    list_display = ["changed_at", "submission", "review_before", "review_after", "run"]
    raw_id_fields = ["submission", "run"]
