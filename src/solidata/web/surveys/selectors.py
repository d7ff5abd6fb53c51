"""Reads: method versions as core Method objects, submissions with their scores."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from functools import lru_cache

import pandas as pd
from django.db.models import QuerySet

from solidata.core.method import Method, read_method
from solidata.core.scoring import INSTANCE_ID
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import MethodVersion, Submission, SubmissionScore


@lru_cache(maxsize=16)
def parsed_method(sha256: str, workbook: bytes) -> Method:
    """The method in ``workbook``, parsed once per process (keyed by its SHA-256)."""
    return read_method(io.BytesIO(workbook))


def method_of(version: MethodVersion) -> Method:
    """The parsed method of a stored version."""
    return parsed_method(version.sha256, bytes(version.workbook))


def answers_frame(method: Method, rows: Sequence[tuple[str, Mapping[str, str]]]) -> pd.DataFrame:
    """Stored answers (instance id, answers) as ``score`` reads them: one text column a question."""
    return pd.DataFrame(
        [{INSTANCE_ID: instance_id, **answers} for instance_id, answers in rows],
        columns=[INSTANCE_ID, *method.answer_columns()],
        dtype="string",
    )


def latest_score(submission: Submission) -> SubmissionScore | None:
    return submission.scores.select_related("method").order_by("-computed_at").first()


def scored_submissions(survey_id: int) -> QuerySet[SubmissionScore]:
    return SubmissionScore.objects.filter(submission__survey_id=survey_id).select_related(
        "submission__organisation__entity_type", "submission__organisation__admin_area", "method"
    )


def latest_organisation_score(organisation: Organisation) -> SubmissionScore | None:
    """The organisation's result: its most recent scored submission that a reviewer approved.

    A pending, on hold or rejected one never is, nor an imported row matched to the organisation
    by name before anyone checked the match.
    """
    return (
        SubmissionScore.objects.filter(
            submission__organisation=organisation,
            submission__review_status=Submission.Review.APPROVED,
        )
        .select_related("method", "submission")
        .order_by("-submission__submitted_at", "-computed_at")
        .first()
    )


@lru_cache(maxsize=1)
def _bundled_method() -> Method:
    from solidata.core.method import bundled_method_path

    path = bundled_method_path()
    if path is None:  # pragma: no cover - the workbook ships with the package
        raise FileNotFoundError("the bundled method workbook is missing")
    return read_method(path)


def reference_method() -> Method:
    """The method whose glossary names the SSE, its principles and values on public pages.

    The newest stored version of the bundled method's id (a committee may have edited its glossary),
    else the bundled workbook itself.
    """
    bundled = _bundled_method()
    stored = MethodVersion.objects.filter(method_id=bundled.id).order_by("-created_at").first()
    return method_of(stored) if stored else bundled


def published_scores(organisations: list[Organisation]) -> dict[int, dict[str, float | None]]:
    """Latest approved dimension scores of each organisation (only pass those that consent to
    publish)."""
    latest: dict[int, dict[str, float | None]] = {}
    scores = (
        SubmissionScore.objects.filter(
            submission__organisation__in=organisations,
            submission__review_status=Submission.Review.APPROVED,
        )
        .order_by("submission__submitted_at", "computed_at")
        .values_list("submission__organisation_id", "dimension_scores")
    )
    for org_id, dims in scores:  # later rows overwrite earlier ones
        latest[org_id] = dims
    return latest
