from __future__ import annotations

from django.urls import path

from solidata.web.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<str:token>/confirm/", views.confirm, name="confirm"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/problems.csv", views.run_problems_csv, name="run_problems"),
]
