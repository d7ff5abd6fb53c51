"""Reads for the import pages: the surveys a user may import into, and past imports."""

from __future__ import annotations

from django.db.models import QuerySet

from solidata.web.accounts.rights import User, can_review
from solidata.web.imports.models import ImportRun
from solidata.web.surveys.models import Survey


def surveys_importable(user: User) -> list[Survey]:
    """Surveys whose submissions ``user`` may import (researchers of the country, admins)."""
    surveys = Survey.objects.select_related("country", "method").order_by("slug")
    return [s for s in surveys if can_review(user, s)]


def import_runs(surveys: list[Survey]) -> QuerySet[ImportRun]:
    """The finished imports into ``surveys`` (an unfinished one is running, or was killed)."""
    return ImportRun.objects.filter(survey__in=surveys, finished_at__isnull=False).select_related(
        "survey", "imported_by"
    )
