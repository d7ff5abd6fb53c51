"""The committee's workspace under /committee/."""

from __future__ import annotations

from django.urls import path

from solidata.web.committee import glossary, views

app_name = "committee"

urlpatterns = [
    path("", views.index, name="index"),
    path("versions/<int:pk>/", views.version_page, name="version"),
    path("versions/<int:pk>/preamble/", views.texts, name="texts"),
    path("versions/<int:pk>/clauses/", views.clause, name="clause"),
    path("clauses/<int:pk>/delete/", views.clause_delete, name="clause_delete"),
    path("versions/<int:pk>/propose/", views.propose, name="propose"),
    path("proposals/<int:pk>/decide/", views.proposal_decide, name="proposal_decide"),
    path("versions/<int:pk>/comment/", views.comment, name="comment"),
    path("versions/<int:pk>/decision/", views.decision, name="decision"),
    path("versions/<int:pk>/adopt/", views.adopt, name="adopt"),
    path("versions/<int:pk>/new-draft/", views.new_draft, name="new_draft"),
    path("versions/<int:pk>/export.<str:fmt>", views.export, name="export"),
    path("decisions/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("glossary/", glossary.glossary, name="glossary"),
    path("glossary/propose/", glossary.term_propose, name="term_propose"),
    path("terms/<int:pk>/decide/", glossary.term_decide, name="term_decide"),
    path("terms/<int:pk>/comment/", glossary.term_comment, name="term_comment"),
]
