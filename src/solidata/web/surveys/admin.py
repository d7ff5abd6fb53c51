from __future__ import annotations

from django.contrib import admin

from solidata.web.surveys.models import Submission, Survey


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = [
        "slug",
        "title",
        "country",
        "method_id",
        "method_version",
        "status",
        "is_synthetic",
    ]
    list_filter = ["country", "status", "is_synthetic"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
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
