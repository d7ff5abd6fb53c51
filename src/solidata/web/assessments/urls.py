"""URLs of the web self-assessment, its review and its JSON API (included once by web/urls.py)."""

from __future__ import annotations

from django.urls import path

from solidata.web.assessments import api, views

app_name = "assessments"

urlpatterns = [
    path("assess/", views.start, name="start"),
    path("assess/<str:token>/", views.resume, name="resume"),
    path("assess/<str:token>/step/<int:number>/", views.step, name="step"),
    path("assess/<str:token>/step/<int:number>/save/", views.autosave, name="autosave"),
    path("assess/<str:token>/check/", views.check, name="check"),
    path("assess/<str:token>/result/", views.result, name="result"),
    path("assess/<str:token>/reopen/", views.reopen, name="reopen"),
    path("review/", views.review_list, name="review_list"),
    path("review/<int:pk>/", views.review_detail, name="review_detail"),
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("api/submissions/<int:pk>/", api.submission_detail, name="api_submission"),
    path("api/submissions/<int:pk>/review/", api.submission_review, name="api_review"),
    path("api/organisations/<int:pk>/result/", api.organisation_result, name="api_result"),
    path("api/assessments/<str:token>/", api.assessment_detail, name="api_assessment"),
]
