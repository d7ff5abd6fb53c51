"""The committee's records in Django's admin: to look at and to fix drafts. Adopted and
superseded versions, decisions and their minutes are read-only here, as on the site, so that the
admin is no way around the freeze or the checks of attached files."""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from solidata.web.committee.models import (
    Clause,
    Comment,
    Decision,
    DefinitionVersion,
    Proposal,
    TermVersion,
    WorkingDefinition,
)


def _frozen(obj: Any) -> bool:
    version = obj if isinstance(obj, DefinitionVersion) else getattr(obj, "version", None)
    return version is not None and version.status != DefinitionVersion.Status.DRAFT


class ClauseInline(admin.TabularInline[Clause, DefinitionVersion]):
    model = Clause
    extra = 0

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _frozen(obj) and super().has_change_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _frozen(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _frozen(obj) and super().has_delete_permission(request, obj)


@admin.register(WorkingDefinition)
class WorkingDefinitionAdmin(admin.ModelAdmin[WorkingDefinition]):
    list_display = ("title_en", "country", "survey", "is_synthetic")


@admin.register(DefinitionVersion)
class DefinitionVersionAdmin(admin.ModelAdmin[DefinitionVersion]):
    list_display = ("definition", "number", "status", "created_at", "adopted_at")
    list_filter = ("status",)
    readonly_fields = ("status", "adopted_by", "adopted_at", "created_by", "based_on")
    inlines = [ClauseInline]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _frozen(obj) and super().has_delete_permission(request, obj)


_M = TypeVar("_M", bound=Model)


class ReadOnly(admin.ModelAdmin[_M]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False


@admin.register(Decision)
class DecisionAdmin(ReadOnly[Decision]):
    list_display = ("version", "outcome", "decided_by", "decided_on", "recorded_by")


@admin.register(Proposal)
class ProposalAdmin(ReadOnly[Proposal]):
    list_display = ("version", "kind", "status", "author", "created_at")


@admin.register(Comment)
class CommentAdmin(ReadOnly[Comment]):
    list_display = ("author", "created_at", "body")


@admin.register(TermVersion)
class TermVersionAdmin(ReadOnly[TermVersion]):
    list_display = ("term", "text_mn", "status", "proposed_by", "decided_at")
