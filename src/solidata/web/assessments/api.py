"""A small JSON API over the same resources as the pages, with the same rights (the selectors and
services decide; this module only shapes JSON). Errors are JSON too: 400, 403, 404, 405."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from solidata.core.form import form_steps
from solidata.web.assessments import selectors, services
from solidata.web.assessments.form_view import form_language
from solidata.web.assessments.models import Draft
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission, SubmissionScore
from solidata.web.surveys.score_records import score_record
from solidata.web.surveys.selectors import latest_organisation_score, method_of


def _json_errors(view: Callable[..., JsonResponse]) -> Callable[..., JsonResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return JsonResponse({"error": "forbidden"}, status=403)
        except Http404:
            return JsonResponse({"error": "not_found"}, status=404)
        except ValidationError as error:
            return JsonResponse(
                {"error": "invalid", "code": error.code, "messages": error.messages}, status=400
            )

    return wrapped


def _result(found: SubmissionScore | None, lang: str) -> dict[str, Any] | None:
    if found is None:
        return None
    return score_record(found, lang)


def _review(submission: Submission) -> dict[str, Any]:
    return {
        "status": submission.review_status,
        "note": submission.reviewer_note,
        "reviewed_at": submission.reviewed_at.isoformat() if submission.reviewed_at else None,
    }


def _submission(submission: Submission, lang: str) -> dict[str, Any]:
    org = submission.organisation
    return {
        "id": submission.pk,
        "survey": submission.survey.slug,
        "organisation": {"id": org.pk, "name": org.name} if org else None,
        "instance_id": submission.instance_id,
        "source": submission.source,
        "submitted_at": submission.submitted_at.isoformat(),
        "review": _review(submission),
        "answers": submission.answers,
        "result": _result(selectors.score_of(submission), lang),
    }


@_json_errors
@require_GET
def submission_detail(request: HttpRequest, pk: int) -> JsonResponse:
    """``GET /api/submissions/<id>/``: answers, review and result (language: ``?lang=``)."""
    submission = selectors.submission_for(user=request.user, pk=pk)
    lang = request.GET.get("lang") or form_language(method_of(submission.survey.method))
    return JsonResponse(_submission(submission, lang))


@_json_errors
@require_POST
def submission_review(request: HttpRequest, pk: int) -> JsonResponse:
    """``POST /api/submissions/<id>/review/``: ``{"status": ..., "note": ...}``, JSON or form."""
    submission = selectors.submission_for_review(user=request.user, pk=pk)
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            raise ValidationError(_("The body is not JSON."), code="json") from None
        if not isinstance(data, dict):
            raise ValidationError(_("Send a JSON object."), code="json")
    else:
        data = request.POST.dict()
    reviewed = services.submission_review(
        user=request.user,
        submission=submission,
        status=str(data.get("status", "")),
        note=str(data.get("note", "")),
    )
    return JsonResponse({"id": reviewed.pk, "review": _review(reviewed)})


@_json_errors
@require_GET
def organisation_result(request: HttpRequest, pk: int) -> JsonResponse:
    """``GET /api/organisations/<id>/result/``: its latest assessment result and peer means."""
    org: Organisation = selectors.organisation_for_result(user=request.user, pk=pk)
    found = latest_organisation_score(org)
    if found is None:
        return JsonResponse({"organisation": {"id": org.pk, "name": org.name}, "result": None})
    submission = found.submission
    lang = request.GET.get("lang") or form_language(method_of(found.method))
    benchmarks = selectors.benchmarks_for(submission, found)
    return JsonResponse(
        {
            "organisation": {"id": org.pk, "name": org.name},
            "submitted_at": submission.submitted_at.isoformat(),
            "method": {"id": found.method.method_id, "version": found.method.version},
            "result": _result(found, lang),
            "benchmarks": [
                {"group": b.group, "value": b.value, "n": b.n, "means": b.means} for b in benchmarks
            ],
        }
    )


@_json_errors
@require_GET
def assessment_detail(request: HttpRequest, token: str) -> JsonResponse:
    """``GET /api/assessments/<token>/``: a draft behind its private link, and its result."""
    draft: Draft = selectors.draft_for(user=request.user, token=token)
    method = method_of(draft.survey.method)
    lang = request.GET.get("lang") or form_language(method)
    submission = draft.submission
    return JsonResponse(
        {
            "survey": draft.survey.slug,
            "organisation": draft.organisation_id,
            "status": draft.status,
            "step": draft.step,
            "steps": len(form_steps(method)),
            "revision": draft.revision,
            "answers": draft.answers,
            "submission": submission.pk if submission else None,
            "review": _review(submission) if submission else None,
            "result": _result(selectors.score_of(submission), lang) if submission else None,
        }
    )
