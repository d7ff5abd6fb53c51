"""Writes for web self-assessments. Each service checks the user's rights (accounts/rights.py) and
owns its transaction; views only parse the request, call one service and render."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from solidata.core.form import FilledForm, Issue, form_steps, normalise
from solidata.core.method import Method
from solidata.web.accounts import rights
from solidata.web.accounts.rights import User
from solidata.web.assessments import limits
from solidata.web.assessments.models import Draft
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import MethodVersion, Submission, Survey
from solidata.web.surveys.selectors import method_of
from solidata.web.surveys.services import submissions_score

Move = Literal["stay", "next", "back", "check"]
OPEN_DEMO_SURVEY = "mn-self-assessment"


class DraftIncomplete(Exception):
    """Submitting needs every relevant step valid; ``step`` is the first one that is not."""

    def __init__(self, step: int, issues: list[Issue]) -> None:
        super().__init__(step)
        self.step = step
        self.issues = issues


@dataclass
class StepSaved:
    """What saving a step did: where to go next (``None``: stay), and why it stays."""

    draft: Draft
    issues: list[Issue] = field(default_factory=list)
    appeared: list[str] = field(default_factory=list)
    target: int | None = None


@transaction.atomic
def survey_ensure_open_demo(*, method: MethodVersion) -> Survey:
    """The open web self-assessment of the demo site (Mongolia), created once."""
    survey, _created = Survey.objects.get_or_create(
        slug=OPEN_DEMO_SURVEY,
        defaults={
            "title": "SSE self-assessment, Mongolia (open on the web)",
            "titles": {"mn": "Өөрийн үнэлгээ, Монгол (вэбээр нээлттэй)"},
            "country_id": "MN",
            "method": method,
            "period_start": timezone.localdate(),
            "status": Survey.Status.OPEN,
            "description": "Open for entities, enumerators and researchers to fill in on the web.",
        },
    )
    return survey


@transaction.atomic
def draft_start(*, user: User, survey: Survey, organisation: Organisation | None = None) -> Draft:
    """Start an assessment of ``organisation`` (or of no named organisation) in an open survey.

    Answers the registry already holds about the organisation are filled in for checking.
    """
    if survey.status != Survey.Status.OPEN:
        raise ValidationError(_("This survey is not open for answers."), code="survey_closed")
    if organisation is not None:
        if not rights.can_assess_for(user, organisation):
            raise PermissionDenied
        if organisation.country_id != survey.country_id:
            raise ValidationError(
                _("This organisation is not in the survey's country."), code="wrong_country"
            )
    method = method_of(survey.method)
    return Draft.objects.create(
        survey=survey,
        organisation=organisation,
        user=user if user.is_authenticated else None,
        answers=_prefilled(method, organisation) if organisation else {},
    )


def _prefilled(method: Method, org: Organisation) -> dict[str, str]:
    """Registry facts for the questions the bundled method asks about them (by question name)."""
    known = {
        "org_name": org.name,
        "legal_form": org.legal_form_id,
        "aimag": org.admin_area_id,
        "soum": org.locality,
        "year_founded": org.year_founded,
        "members_women": org.members_women,
        "members_men": org.members_men,
        "workers_paid": org.workers,
    }
    out = {}
    for name, value in known.items():
        question = method.question(name)
        if question is None or value in (None, ""):
            continue
        text, issue = normalise(method, question, str(value))
        if issue is None and text:
            out[name] = text
    return out


def _locked(user: User, draft: Draft) -> Draft:
    locked = Draft.objects.select_for_update().select_related("survey__method").get(pk=draft.pk)
    if not rights.can_open_draft(user, locked):
        raise PermissionDenied
    return locked


@transaction.atomic
def draft_save_step(
    *,
    user: User,
    draft: Draft,
    number: int,
    values: Mapping[str, str],
    move: Move = "stay",
    seen: set[str] | None = None,
) -> StepSaved:
    """Save what was typed on step ``number`` (always, even when invalid) and decide where to go.

    ``next`` moves on only when the step is valid and no question appeared that the person has not
    seen (``seen``: the questions the page showed; default: those relevant before this save);
    ``check`` does the same but returns to the summary page; ``back`` moves back without checking.
    """
    draft = _locked(user, draft)
    if draft.status != Draft.Status.EDITING:
        raise ValidationError(_("This assessment was submitted already."), code="submitted")
    method = method_of(draft.survey.method)
    steps = form_steps(method)
    if not 1 <= number <= len(steps):
        raise ValidationError(_("There is no such step."), code="no_step")
    step = steps[number - 1]
    before = FilledForm(method, draft.answers)
    answers = dict(draft.answers)
    for question in step.questions:
        if not question.is_answer:
            continue
        value = (values.get(question.name) or "").strip()
        if value:
            answers[question.name] = value
        else:
            answers.pop(question.name, None)
    limits.answers_check(answers, {q: answers[q] for q in answers if q in values})
    after = FilledForm(method, answers)
    shown = seen if seen is not None else {q.name for q in step.questions if before.is_relevant(q)}
    result = StepSaved(draft=draft)
    if move in ("next", "check"):
        result.issues = after.issues(step.questions)
        result.appeared = [
            q.name for q in step.questions if after.is_relevant(q) and q.name not in shown
        ]
        if not result.issues and not result.appeared:
            later = [s.number for s in steps[number:] if after.step_is_relevant(s)]
            result.target = len(steps) + 1 if move == "check" or not later else later[0]
    elif move == "back":
        earlier = [s.number for s in steps[: number - 1] if after.step_is_relevant(s)]
        result.target = earlier[-1] if earlier else number
    draft.answers = answers
    if move != "stay":  # a late autosave must not take the person back a step
        draft.step = result.target or number
    draft.revision += 1
    draft.save(update_fields=["answers", "step", "revision", "updated_at"])
    return result


@transaction.atomic
def draft_submit(*, user: User, draft: Draft, key: str) -> Submission:
    """Turn the draft into its one submission, scored; submitting again returns the same one.

    ``key`` is the idempotency key of the submit form: a second submit with it (a double click,
    a resent request, or one that raced the first) returns the first one's submission. A key that
    another assessment used already is refused (``key_used``) and changes nothing.
    Raises :class:`DraftIncomplete` when a relevant step still has a problem.
    """
    draft = _locked(user, draft)
    key = key.strip()[:64]
    already = draft.status == Draft.Status.SUBMITTED or (key and key == draft.submit_key)
    if already and draft.submission is not None:
        return draft.submission
    if key and Draft.objects.filter(submit_key=key).exclude(pk=draft.pk).exists():
        raise _key_used()
    method = method_of(draft.survey.method)
    form = FilledForm(method, draft.answers)
    for step in form_steps(method):
        if not form.step_is_relevant(step):
            continue
        issues = form.issues(step.questions)
        if issues:
            raise DraftIncomplete(step.number, issues)
    try:
        # A savepoint: when a racing request stored the submission or took the key first, the
        # unique constraints refuse this one and the transaction can still read what won.
        with transaction.atomic():
            return _store(draft, form.clean(), method, key)
    except IntegrityError:
        first = _stored_first(draft, key)
        if first is None:
            raise
        return first


def _key_used() -> ValidationError:
    return ValidationError(
        _("This form was already used to send another assessment. Reload the page and send again."),
        code="key_used",
    )


def _store(draft: Draft, answers: dict[str, str], method: Method, key: str) -> Submission:
    now = timezone.now()
    submission = draft.submission
    if submission is None:
        submission = Submission.objects.create(
            survey=draft.survey,
            organisation=draft.organisation,
            instance_id=draft.instance_id,
            answers=answers,
            source=Submission.Source.WEB,
            submitted_at=now,
        )
    else:  # corrected after a reviewer put it on hold: back in the queue, the note kept
        submission.answers = answers
        submission.submitted_at = now
        submission.review_status = Submission.Review.PENDING
        submission.save(update_fields=["answers", "submitted_at", "review_status", "updated_at"])
    submissions_score(survey=draft.survey, submissions=[submission])
    _link(draft, submission, key)
    return submission


def _link(draft: Draft, submission: Submission, key: str) -> None:
    draft.submission = submission
    draft.status = Draft.Status.SUBMITTED
    draft.submit_key = key
    draft.revision += 1
    draft.save(update_fields=["submission", "status", "submit_key", "revision", "updated_at"])


def _stored_first(draft: Draft, key: str) -> Submission | None:
    """After a unique constraint refused the submit: the submission a racing request stored for
    this draft (linked to it now); the refusal of a key another assessment took; else None."""
    draft.refresh_from_db()
    if draft.submission is not None and draft.status == Draft.Status.SUBMITTED:
        return draft.submission
    if key and Draft.objects.filter(submit_key=key).exclude(pk=draft.pk).exists():
        raise _key_used()
    first = Submission.objects.filter(survey=draft.survey, instance_id=draft.instance_id).first()
    if first is None:
        return None
    if not first.scores.filter(method=draft.survey.method).exists():
        submissions_score(survey=draft.survey, submissions=[first])
    _link(draft, first, key)
    return first


@transaction.atomic
def draft_reopen(*, user: User, draft: Draft) -> Draft:
    """Let whoever submitted an assessment that a reviewer put on hold correct it."""
    draft = _locked(user, draft)
    submission = draft.submission
    if submission is None or submission.review_status != Submission.Review.ON_HOLD:
        raise ValidationError(_("Only an assessment on hold can be corrected."), code="not_on_hold")
    if draft.status == Draft.Status.SUBMITTED:
        draft.status = Draft.Status.EDITING
        draft.step = len(form_steps(method_of(draft.survey.method))) + 1
        draft.revision += 1
        draft.save(update_fields=["status", "step", "revision", "updated_at"])
    return draft


REVIEW_DECISIONS = (
    Submission.Review.APPROVED,
    Submission.Review.ON_HOLD,
    Submission.Review.REJECTED,
)


@transaction.atomic
def submission_review(*, user: User, submission: Submission, status: str, note: str) -> Submission:
    """Approve, hold or reject a submission with a note (a hold needs one: it says what to fix)."""
    submission = (
        Submission.objects.select_for_update().select_related("survey").get(pk=submission.pk)
    )
    if not rights.can_review(user, submission.survey):
        raise PermissionDenied
    if status not in REVIEW_DECISIONS:
        raise ValidationError(_("Choose approved, on hold or rejected."), code="status")
    note = note.strip()
    limits.note_check(note)
    if status == Submission.Review.ON_HOLD and not note:
        raise ValidationError(
            _("Say in the note what should be corrected: the person who sent it will see it."),
            code="note_required",
        )
    submission.review_status = status
    submission.reviewer_note = note
    submission.reviewed_by = user if user.is_authenticated else None
    submission.reviewed_at = timezone.now()
    submission.save(
        update_fields=["review_status", "reviewer_note", "reviewed_by", "reviewed_at", "updated_at"]
    )
    return submission


def drafts_prune(*, before: datetime.datetime) -> int:
    """Delete unsubmitted drafts without an account last saved before ``before``; returns how
    many (see ``solidata manage prune``)."""
    with transaction.atomic():
        deleted, _by_model = Draft.objects.filter(
            user__isnull=True,
            submission__isnull=True,
            status=Draft.Status.EDITING,
            updated_at__lt=before,
        ).delete()
    return deleted
