"""Reads: method versions as core Method objects, submissions with their scores."""

from __future__ import annotations

import io
from functools import lru_cache

from django.db.models import QuerySet

from solidata.core.method import Method, read_method
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import MethodVersion, Submission, SubmissionScore


@lru_cache(maxsize=16)
def _method_from_bytes(sha256: str, workbook: bytes) -> Method:
    return read_method(io.BytesIO(workbook))


def method_of(version: MethodVersion) -> Method:
    """The parsed method of a stored version (parsed once per process and workbook)."""
    return _method_from_bytes(version.sha256, bytes(version.workbook))


def latest_score(submission: Submission) -> SubmissionScore | None:
    return submission.scores.select_related("method").order_by("-computed_at").first()


def scored_submissions(survey_id: int) -> QuerySet[SubmissionScore]:
    return SubmissionScore.objects.filter(submission__survey_id=survey_id).select_related(
        "submission__organisation__entity_type", "submission__organisation__admin_area", "method"
    )


def latest_organisation_score(organisation: Organisation) -> SubmissionScore | None:
    """The most recent scored submission of an organisation (approved or pending, not rejected)."""
    return (
        SubmissionScore.objects.filter(submission__organisation=organisation)
        .exclude(submission__review_status=Submission.Review.REJECTED)
        .select_related("method", "submission")
        .order_by("-submission__submitted_at", "-computed_at")
        .first()
    )
