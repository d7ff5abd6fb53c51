from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from solidata.web.findings import urls as findings_urls
from solidata.web.pages import views as pages
from solidata.web.registry import views as registry

urlpatterns = [
    path("", pages.home, name="home"),
    path("glossary/", pages.glossary, name="glossary"),
    path("organisations/", registry.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/", registry.organisation_detail, name="organisation_detail"),
    path("imports/", include("solidata.web.imports.urls")),
    path("findings/", include("solidata.web.findings.urls")),
    path("case-studies/", include("solidata.web.casestudies.urls")),
    path("committee/", include("solidata.web.committee.urls")),
    path("api/findings/", include(findings_urls.api)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("solidata.web.assessments.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "solidata.web.protection.server_error"
