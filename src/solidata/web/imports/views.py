"""The upload page: a researcher uploads an export, sees what it holds, then confirms the import.

The uploaded file is streamed to a file of its own under the data directory, named by a random
token (the user's file name is only shown, never used as a path), and read twice: once for the
preview (a dry run: detected layout, counts, every problem) and once more, if its checksum has not
changed, when the researcher confirms. Files larger than SOLIDATA_IMPORT_MAX_MB are refused before
they are read.
"""

from __future__ import annotations

import secrets
import time
import unicodedata
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from solidata.core.errors import SolidataError, problem
from solidata.core.ingest import problems_csv
from solidata.web.accounts.rights import can_review
from solidata.web.accounts.signed_in import SignedInRequest
from solidata.web.imports.forms import FORMAT_LABELS, UploadForm
from solidata.web.imports.models import ImportRun
from solidata.web.imports.selectors import import_runs, surveys_importable
from solidata.web.imports.services import ImportSummary, file_import, file_sha256
from solidata.web.problems import from_stored, shown_all, translated
from solidata.web.surveys.models import Survey

PENDING = "imports.pending"
PENDING_HOURS = 24


def _pending_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _limit() -> int:
    return int(settings.SOLIDATA_IMPORT_MAX_MB) * 1_000_000


def _shown_name(name: str) -> str:
    """The user's file name, for display only: no folders, no control characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    return cleaned[:100] or "upload"


def _clean_old_uploads() -> None:
    cutoff = time.time() - PENDING_HOURS * 3600
    for path in _pending_dir().glob("*.upload"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


@login_required
def upload(request: SignedInRequest) -> HttpResponse:
    """The upload form (GET) and, for a file sent (POST), the preview of its import."""
    surveys = surveys_importable(request.user)
    if not surveys:
        raise PermissionDenied
    context = _upload_context(surveys)
    if request.method != "POST":
        context["form"] = UploadForm(surveys=surveys)
        return render(request, "imports/upload.html", context)
    if int(request.META.get("CONTENT_LENGTH") or 0) > _limit() + 1_000_000:
        too_large = problem("file.too_large", size=request.META["CONTENT_LENGTH"], limit=_limit())
        context.update(form=UploadForm(surveys=surveys), problems=shown_all([too_large]))
        return render(request, "imports/upload.html", context, status=413)
    form = UploadForm(request.POST, request.FILES, surveys=surveys)
    context["form"] = form
    if not form.is_valid():
        return render(request, "imports/upload.html", context, status=400)
    return _preview(request, form, context)


def _upload_context(surveys: list[Survey]) -> dict[str, Any]:
    return {"runs": import_runs(surveys)[:20], "limit_mb": _limit() // 10**6}


def _preview(request: SignedInRequest, form: UploadForm, context: dict[str, Any]) -> HttpResponse:
    survey: Survey = form.cleaned_data["survey"]
    uploaded = form.cleaned_data["file"]
    layout = form.cleaned_data["format"] or None
    name = _shown_name(uploaded.name or "")
    if uploaded.size > _limit():
        context["problems"] = shown_all(
            [problem("file.too_large", size=uploaded.size, limit=_limit())]
        )
        return render(request, "imports/upload.html", context, status=413)
    _clean_old_uploads()
    token = secrets.token_urlsafe(24)
    path = _pending_dir() / f"{token}.upload"
    with path.open("wb") as target:
        for chunk in uploaded.chunks():
            target.write(chunk)
    try:
        summary = file_import(
            survey=survey, path=path, user=request.user, name=name, format=layout, dry_run=True
        )
    except SolidataError as error:
        path.unlink(missing_ok=True)
        context["problems"] = shown_all(error.problems)
        return render(request, "imports/upload.html", context, status=422)
    pending = request.session.get(PENDING, {})
    pending[token] = {
        "survey": survey.pk,
        "name": name,
        "format": summary.format,
        "sha256": file_sha256(path),
    }
    request.session[PENDING] = pending
    return render(
        request,
        "imports/preview.html",
        {**_summary_context(summary), "survey": survey, "token": token, "name": name},
    )


def _summary_context(summary: ImportSummary) -> dict[str, Any]:
    return {
        "summary": summary,
        "format_label": FORMAT_LABELS.get(summary.format, summary.format),
        "errors": shown_all(summary.errors),
        "warnings": shown_all(summary.warnings),
    }


@require_POST
@login_required
def confirm(request: SignedInRequest, token: str) -> HttpResponse:
    """Import, for real, the file previewed under ``token``."""
    pending = request.session.get(PENDING, {})
    entry = pending.get(token)
    path = _pending_dir() / f"{token}.upload"
    if entry is None or not path.is_file():
        raise Http404(_("This upload is no longer waiting to be imported; upload it again."))
    survey = get_object_or_404(Survey, pk=entry["survey"])
    if not can_review(request.user, survey):
        raise PermissionDenied
    if file_sha256(path) != entry["sha256"]:
        raise Http404(_("This upload changed since its preview; upload it again."))
    try:
        summary = file_import(
            survey=survey, path=path, user=request.user, name=entry["name"], format=entry["format"]
        )
    except SolidataError as error:
        surveys = surveys_importable(request.user)
        context = {**_upload_context(surveys), "problems": shown_all(error.problems)}
        context["form"] = UploadForm(surveys=surveys)
        return render(request, "imports/upload.html", context, status=422)
    finally:
        pending.pop(token, None)
        request.session[PENDING] = pending
    path.unlink(missing_ok=True)
    return redirect("imports:run", pk=summary.run_id)


def _run_for(request: HttpRequest, pk: int) -> ImportRun:
    runs = ImportRun.objects.filter(finished_at__isnull=False)
    run = get_object_or_404(runs.select_related("survey", "imported_by"), pk=pk)
    if not can_review(request.user, run.survey):
        raise PermissionDenied
    return run


@login_required
def run_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """What one import did, with the problems it listed."""
    run = _run_for(request, pk)
    problems = shown_all(from_stored(p) for p in run.problems)
    return render(
        request,
        "imports/run.html",
        {
            "run": run,
            "format_label": FORMAT_LABELS.get(run.format, run.format),
            "errors": [p for p in problems if p.severity == "error"],
            "warnings": [p for p in problems if p.severity == "warning"],
            "changes": run.changes.select_related("submission")[:100],
        },
    )


@login_required
def run_problems_csv(request: SignedInRequest, pk: int) -> HttpResponse:
    """The problems of an import as CSV (cells that look like formulas are neutralised)."""
    run = _run_for(request, pk)
    text = problems_csv(translated(from_stored(p)) for p in run.problems)
    response = HttpResponse(text.encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-problems.csv"'
    return response
