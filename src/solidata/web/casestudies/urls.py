"""Case studies under /case-studies/, and their comparison with a survey's answers."""

from __future__ import annotations

from django.urls import path

from solidata.web.casestudies import comparison, views

app_name = "casestudies"

urlpatterns = [
    path("", views.case_study_list, name="list"),
    path("new/", views.case_study_edit, name="create"),
    path("<int:pk>/", views.case_study_detail, name="detail"),
    path("<int:pk>/edit/", views.case_study_edit, name="edit"),
    path("<int:pk>/codes/", views.case_study_codes, name="codes"),
    path("<int:pk>/consent/", views.case_study_consent, name="consent"),
    path("<int:pk>/quotes/", views.quote_add, name="quote_add"),
    path("<int:pk>/quotes/<int:quote>/delete/", views.quote_delete, name="quote_delete"),
    path("<int:pk>/interviews/", views.interview_add, name="interview_add"),
    path("<int:pk>/photos/", views.photo_add, name="photo_add"),
    path("<int:pk>/photos/<int:photo>/delete/", views.photo_delete, name="photo_delete"),
    path("photos/<int:photo>/", views.photo_image, name="photo"),
    path("compare/<slug:slug>/", comparison.compare, name="compare"),
]
