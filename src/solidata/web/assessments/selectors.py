"""Reads for web self-assessments. Whatever reads one person's or organisation's answers asks
accounts/rights.py first and raises ``PermissionDenied`` (403) or ``Http404``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from solidata.core.findings.benchmarks import PeerBenchmark
from solidata.web.accounts import rights
from solidata.web.accounts.rights import User
from solidata.web.assessments.models import Draft
from solidata.web.assessments.peers import published_benchmarks
from solidata.web.registry.models import AdminArea, LegalForm, Organisation
from solidata.web.surveys.models import Submission, SubmissionScore, Survey
from solidata.web.surveys.selectors import latest_score

# Peer groups of the result page: (name, column of the peers frame; None for the whole country).
PEER_GROUPS: tuple[tuple[str, str | None], ...] = (
    ("entity_type", "entity_type"),
    ("admin_area", "admin_area"),
    ("country", None),
)


def surveys_open() -> QuerySet[Survey]:
    return Survey.objects.filter(status=Survey.Status.OPEN).select_related("country", "method")


def organisations_to_assess(user: User) -> QuerySet[Organisation]:
    """The organisations the user may fill in an assessment for (none for anonymous visitors)."""
    return rights.organisations_in_scope(user).select_related("admin_area").order_by("name")


def draft_for(*, user: User, token: str) -> Draft:
    """The draft behind a private link, if the user may open it."""
    draft = (
        Draft.objects.select_related("survey__method", "organisation", "submission")
        .filter(token=token)
        .first()
    )
    if draft is None:
        raise Http404
    if not rights.can_open_draft(user, draft):
        raise PermissionDenied
    return draft


def drafts_of(*, user: User, tokens: Sequence[str] = ()) -> QuerySet[Draft]:
    """The user's own drafts, and those whose links this browser session holds."""
    found = Draft.objects.filter(token__in=list(tokens))
    if user.is_authenticated:
        found = found | Draft.objects.filter(user_id=user.pk)
    return found.select_related("survey", "organisation", "submission").order_by("-updated_at")


def submission_for(*, user: User, pk: int) -> Submission:
    submission = (
        Submission.objects.select_related("survey__method", "organisation").filter(pk=pk).first()
    )
    if submission is None:
        raise Http404
    if not rights.can_see_submission(user, submission):
        raise PermissionDenied
    return submission


def submission_for_review(*, user: User, pk: int) -> Submission:
    submission = (
        Submission.objects.select_related("survey__method", "organisation").filter(pk=pk).first()
    )
    if submission is None:
        raise Http404
    if not rights.can_review(user, submission.survey):
        raise PermissionDenied
    return submission


def review_queue(*, user: User, status: str = "") -> QuerySet[Submission]:
    """Incoming submissions the user reviews, newest first (web ones included)."""
    if not rights.can_review_any(user):
        raise PermissionDenied
    found = rights.submissions_for_review(user).select_related("survey", "organisation")
    if status:
        found = found.filter(review_status=status)
    return found.order_by("-submitted_at", "-pk")


def organisation_for_result(*, user: User, pk: int) -> Organisation:
    org = Organisation.objects.select_related("entity_type", "admin_area").filter(pk=pk).first()
    if org is None:
        raise Http404
    if not rights.can_see_organisation_result(user, org):
        raise PermissionDenied
    return org


def score_of(submission: Submission) -> SubmissionScore | None:
    """The submission's score under its survey's method (the latest computed otherwise)."""
    found = submission.scores.select_related("method").filter(method=submission.survey.method)
    return found.first() or latest_score(submission)


def earlier_score(submission: Submission) -> SubmissionScore | None:
    """The organisation's previous approved assessment under the same method id, if it has one
    (an unreviewed one may be an import matched to the organisation by name alone)."""
    if submission.organisation_id is None:
        return None
    return (
        SubmissionScore.objects.filter(
            submission__organisation_id=submission.organisation_id,
            submission__submitted_at__lt=submission.submitted_at,
            submission__review_status=Submission.Review.APPROVED,
            method__method_id=submission.survey.method.method_id,
        )
        .exclude(submission=submission)
        .select_related("method", "submission")
        .order_by("-submission__submitted_at")
        .first()
    )


@dataclass(frozen=True)
class PeerTarget:
    """Where the assessed entity sits among its peers (``None`` where unknown)."""

    entity_type: str | None
    admin_area: str | None


def peer_target(submission: Submission) -> PeerTarget:
    """From the organisation record; for an unnamed entity, from its answers to the profile
    questions ``legal_form`` and ``aimag`` when the method asks them (as the bundled one does)."""
    org = submission.organisation
    if org is not None:
        return PeerTarget(org.entity_type_id, org.admin_area_id)
    answers = submission.answers
    legal = LegalForm.objects.filter(code=answers.get("legal_form", "")).first()
    area = AdminArea.objects.filter(code=answers.get("aimag", "")).first()
    return PeerTarget(legal.entity_type_id if legal else None, area.code if area else None)


def benchmarks_for(submission: Submission, found: SubmissionScore) -> list[PeerBenchmark]:
    """Published peer means by dimension: same entity type, same area, whole country.

    Only released peer groups (see :mod:`solidata.web.assessments.peers`): approved results, one
    per organisation, in groups of at least 5, moving only when a batch of members changed.
    """
    target = peer_target(submission)
    return published_benchmarks(
        submission.survey.country_id,
        found.method,
        {"entity_type": target.entity_type, "admin_area": target.admin_area},
        PEER_GROUPS,
    )
