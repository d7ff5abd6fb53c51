from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from solidata.web.surveys.models import MethodVersion, Submission, SubmissionScore, Survey


@admin.register(MethodVersion)
class MethodVersionAdmin(admin.ModelAdmin[MethodVersion]):
    list_display = ["method_id", "version", "title", "is_bundled", "created_at"]
    readonly_fields = ["method_id", "version", "title", "sha256", "is_bundled", "created_at"]
    exclude = ["workbook"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # methods are added by uploading a validated workbook, not by hand


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin[Survey]):
    list_display = ["slug", "title", "country", "method", "status", "is_synthetic"]
    list_filter = ["country", "status", "is_synthetic"]
    prepopulated_fields = {"slug": ["title"]}


class ScoreInline(admin.TabularInline[SubmissionScore, Submission]):
    model = SubmissionScore
    extra = 0
    can_delete = False
    fields = readonly_fields = ("method", "dimension_scores", "computed_at")

    def has_add_permission(self, request: HttpRequest, obj: Submission | None = None) -> bool:
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin[Submission]):
    list_display = [
        "instance_id",
        "survey",
        "organisation",
        "source",
        "submitted_at",
        "review_status",
    ]
    list_filter = ["survey", "source", "review_status"]
    search_fields = ["instance_id", "organisation__name"]
    raw_id_fields = ["organisation"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ScoreInline]
