"""Findings pages under /findings/ and the same tables as JSON under /api/findings/."""

from __future__ import annotations

from django.urls import path

from solidata.web.findings import awareness, views

app_name = "findings"

urlpatterns = [
    path("", views.index, name="index"),
    path("organisation/<int:pk>/report/", views.entity_report_pdf, name="entity_report"),
    path("<slug:slug>/", views.overview, name="overview"),
    path("<slug:slug>/counts/", views.counts, name="counts"),
    path("<slug:slug>/scores/", views.scores, name="scores"),
    path("<slug:slug>/choices/", views.choices, name="choices"),
    path("<slug:slug>/awareness/", awareness.awareness, name="awareness"),
    path("<slug:slug>/definitions/", views.definitions, name="definitions"),
    path("<slug:slug>/workbench/", views.workbench, name="workbench"),
    path("<slug:slug>/workbench/check/", views.workbench_check, name="workbench_check"),
    path("<slug:slug>/workbench/save/", views.workbench_save, name="workbench_save"),
    path("<slug:slug>/frame/", views.frame, name="frame"),
    path("<slug:slug>/report/", views.report, name="report"),
]

api = (
    [
        path("<slug:slug>/", views.overview, {"fmt": "json"}, name="overview"),
        path("<slug:slug>/counts/", views.counts, {"fmt": "json"}, name="counts"),
        path("<slug:slug>/scores/", views.scores, {"fmt": "json"}, name="scores"),
        path("<slug:slug>/choices/", views.choices, {"fmt": "json"}, name="choices"),
        path("<slug:slug>/awareness/", awareness.awareness, {"fmt": "json"}, name="awareness"),
        path("<slug:slug>/definitions/", views.definitions, {"fmt": "json"}, name="definitions"),
        path("<slug:slug>/workbench/", views.workbench, {"fmt": "json"}, name="workbench"),
    ],
    "findings_api",
)
