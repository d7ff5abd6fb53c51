from __future__ import annotations

from django.contrib import admin

from solidata.web.casestudies.models import CaseStudy, Consent, Interview, Quote


class QuoteInline(admin.TabularInline[Quote, CaseStudy]):
    model = Quote
    extra = 0


class InterviewInline(admin.StackedInline[Interview, CaseStudy]):
    model = Interview
    extra = 0


class ConsentInline(admin.StackedInline[Consent, CaseStudy]):
    model = Consent
    extra = 0


@admin.register(CaseStudy)
class CaseStudyAdmin(admin.ModelAdmin[CaseStudy]):
    list_display = ("title_en", "title_mn", "organisation", "survey", "status", "is_synthetic")
    list_filter = ("status", "survey", "is_synthetic")
    search_fields = ("title_en", "title_mn", "organisation__name")
    inlines = [ConsentInline, InterviewInline, QuoteInline]
    # Photos are added through the case study's page, which strips their metadata.
