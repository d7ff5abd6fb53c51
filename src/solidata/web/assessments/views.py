"""Pages of the web self-assessment: start, form steps, check and submit, result, review.

Every page works without JavaScript; ``assess.js`` only adds autosave, live relevance and an
offline copy on the phone. Views parse the request, call one service or selector and render.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.views import LoginView, LogoutView, redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from solidata.core.form import FilledForm, Issue, Step, form_steps
from solidata.web.accounts import rights
from solidata.web.accounts.models import Role
from solidata.web.accounts.throttle import client_address
from solidata.web.assessments import limits, selectors, services
from solidata.web.assessments.form_view import (
    form_language,
    issue_message,
    posted_answers,
    question_views,
    step_title,
    summary,
    switch_languages,
)
from solidata.web.assessments.models import Draft
from solidata.web.assessments.result_view import result_view
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission
from solidata.web.surveys.presenters import profile_of
from solidata.web.surveys.score_records import score_record
from solidata.web.surveys.selectors import method_of

SESSION_LINKS = "assessment_links"
MOVES: dict[str, services.Move] = {"next": "next", "back": "back", "check": "check"}


def _signin_if_anonymous(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page refused to an anonymous visitor sends them to sign in; others get 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            if request.user.is_authenticated:
                raise
            return redirect_to_login(request.get_full_path())

    return wrapped


def _private(response: HttpResponse) -> HttpResponse:
    """Pages behind a private link: never cached by shared caches, never indexed."""
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303  # after a POST, the browser GETs the next page
    return response


def _step_url(draft: Draft, number: int) -> str:
    return reverse("assessments:step", args=[draft.token, number])


def _where(draft: Draft, steps: tuple[Step, ...]) -> str:
    if draft.status == Draft.Status.SUBMITTED:
        return reverse("assessments:result", args=[draft.token])
    if draft.step > len(steps):
        return reverse("assessments:check", args=[draft.token])
    return _step_url(draft, max(draft.step, 1))


def _remember(request: HttpRequest, draft: Draft) -> None:
    links = [t for t in request.session.get(SESSION_LINKS, []) if t != draft.token]
    request.session[SESSION_LINKS] = [draft.token, *links][:20]


# --- start ----------------------------------------------------------------------------------------


class StartForm(forms.Form):
    survey = forms.ModelChoiceField(queryset=selectors.surveys_open(), label=gettext_lazy("Survey"))
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label=gettext_lazy("Organisation"),
    )

    def __init__(self, *args: Any, user: rights.User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = selectors.organisations_to_assess(user)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # declared just above
        field.queryset = self.organisations


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Choose the survey (and, for those who may, the organisation) and start; or continue."""
    form = StartForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        anonymous = not request.user.is_authenticated
        address, now = client_address(request), time.time()
        try:
            if anonymous:
                limits.anonymous_start_check(request.session, address, now=now)
            draft = services.draft_start(
                user=request.user,
                survey=form.cleaned_data["survey"],
                organisation=form.cleaned_data["organisation"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if anonymous:
                limits.anonymous_start_record(request.session, address, now=now)
            _remember(request, draft)
            return _see_other(_step_url(draft, 1))
    tokens = request.session.get(SESSION_LINKS, [])
    context = {
        "form": form,
        "surveys": list(selectors.surveys_open()),
        "organisations": list(form.organisations[:500]),
        "drafts": list(selectors.drafts_of(user=request.user, tokens=tokens)[:20]),
        "can_review": rights.can_review_any(request.user),
    }
    return render(request, "assessments/start.html", context, status=400 if form.errors else 200)


def resume(request: HttpRequest, token: str) -> HttpResponse:
    """The private link: back to where the person left."""
    try:
        draft = selectors.draft_for(user=request.user, token=token)
    except PermissionDenied:
        if request.user.is_authenticated:
            raise
        return redirect_to_login(request.get_full_path())
    _remember(request, draft)
    return _private(HttpResponseRedirect(_where(draft, form_steps(method_of(draft.survey.method)))))


# --- form steps -----------------------------------------------------------------------------------


def _step_page(
    request: HttpRequest,
    draft: Draft,
    number: int,
    *,
    values: dict[str, str] | None = None,
    issues: list[Any] | None = None,
    appeared: list[str] | None = None,
    then: str = "",
    refused: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    method = method_of(draft.survey.method)
    steps = form_steps(method)
    step = steps[number - 1]
    lang = form_language(method)
    answers = {**draft.answers, **(values or {})}
    form = FilledForm(method, answers)
    relevant = [s for s in steps if form.step_is_relevant(s) or s.number == number]
    position = next(i for i, s in enumerate(relevant, 1) if s.number == number)
    questions = question_views(method, step, form, answers, issues or [], lang)
    context = {
        "draft": draft,
        "method": method,
        "title": method.title_in(lang),
        "step": step,
        "step_title": step_title(method, step, lang),
        "position": position,
        "total": len(relevant),
        "questions": questions,
        "errors": [q for q in questions if q.error],
        "appeared": appeared or [],
        "refused": refused or [],
        "seen": " ".join(q.name for q in questions if not q.hidden),
        "form_languages": switch_languages(method),
        "form_lang": lang,
        "then": then,
        "link": request.build_absolute_uri(reverse("assessments:resume", args=[draft.token])),
        "is_first": position == 1,
    }
    return _private(render(request, "assessments/step.html", context, status=status))


def _remember_language(response: HttpResponse, lang: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        lang,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def _draft_and_step(request: HttpRequest, token: str, number: int) -> tuple[Draft, Step]:
    draft = selectors.draft_for(user=request.user, token=token)
    steps = form_steps(method_of(draft.survey.method))
    if not 1 <= number <= len(steps):
        raise Http404
    return draft, steps[number - 1]


@_signin_if_anonymous
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, token: str, number: int) -> HttpResponse:
    """One step of the form. Posting saves the answers first, whatever happens next."""
    draft, current = _draft_and_step(request, token, number)
    if draft.status == Draft.Status.SUBMITTED:
        return HttpResponseRedirect(reverse("assessments:result", args=[token]))
    if request.method == "GET":
        issues = []
        if request.GET.get("check"):
            form = FilledForm(method_of(draft.survey.method), draft.answers)
            issues = form.issues(current.questions)
        return _step_page(request, draft, number, issues=issues, then=request.GET.get("then", ""))
    values = posted_answers(current, request.POST)
    language = request.POST.get("language", "")
    then = request.POST.get("then", "")
    move = "stay" if language else MOVES.get(request.POST.get("action", "next"), "stay")
    if move == "next" and then == "check":
        move = "check"
    seen = set(request.POST["seen"].split()) if "seen" in request.POST else None
    try:
        saved = services.draft_save_step(
            user=request.user, draft=draft, number=number, values=values, move=move, seen=seen
        )
    except limits.AnswersRefused as refused:
        issues = [Issue(q, p) for q, p in refused.problems.items() if q]  # type: ignore[arg-type]
        whole = [m for q, m in zip(refused.problems, refused.messages, strict=True) if not q]
        return _step_page(
            request, draft, number, values=values, issues=issues, refused=whole, status=400
        )
    if language:
        response = _see_other(_step_url(draft, number))
        if language in dict(settings.LANGUAGES):
            _remember_language(response, language)
        return response
    if saved.target is not None:
        return _see_other(_where(saved.draft, form_steps(method_of(draft.survey.method))))
    return _step_page(
        request,
        saved.draft,
        number,
        values=values,
        issues=saved.issues,
        appeared=saved.appeared,
        then=then,
        status=422 if saved.issues else 200,
    )


@require_POST
def autosave(request: HttpRequest, token: str, number: int) -> JsonResponse:
    """Save a step while it is being filled in (assess.js); answer with relevance and problems."""
    try:
        draft, current = _draft_and_step(request, token, number)
    except PermissionDenied:
        return JsonResponse({"error": "forbidden"}, status=403)
    if draft.status == Draft.Status.SUBMITTED:
        return JsonResponse({"error": "submitted"}, status=409)
    values = posted_answers(current, request.POST)
    try:
        saved = services.draft_save_step(
            user=request.user, draft=draft, number=number, values=values
        )
    except limits.AnswersRefused as refused:
        problems = {q: limits.problem_message(q, p) for q, p in refused.problems.items()}
        return JsonResponse(
            {
                "error": "invalid",
                "code": "answers_refused",
                "codes": refused.problems,
                "problems": problems,
                "messages": refused.messages,
            },
            status=400,
        )
    method = method_of(draft.survey.method)
    lang = form_language(method)
    form = FilledForm(method, saved.draft.answers)
    problems = {
        i.question: issue_message(method, i, lang)
        for i in form.issues(current.questions)
        if i.code != "required"
    }
    return JsonResponse(
        {
            "revision": saved.draft.revision,
            "relevant": {q.name: form.is_relevant(q) for q in current.questions},
            "problems": problems,
        }
    )


# --- check, submit, result ------------------------------------------------------------------------


@_signin_if_anonymous
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, token: str) -> HttpResponse:
    """All answers on one page, to check and submit (the submit carries an idempotency key)."""
    draft = selectors.draft_for(user=request.user, token=token)
    if request.method == "POST":
        try:
            services.draft_submit(
                user=request.user, draft=draft, key=request.POST.get("idempotency_key", "")
            )
        except services.DraftIncomplete as incomplete:
            return _see_other(_step_url(draft, incomplete.step) + "?check=1&then=check")
        except ValidationError as error:  # the form's key was used for another assessment
            return _check_page(request, draft, error=" ".join(error.messages), status=409)
        return _see_other(reverse("assessments:result", args=[token]))
    if draft.status == Draft.Status.SUBMITTED:
        return HttpResponseRedirect(reverse("assessments:result", args=[token]))
    return _check_page(request, draft)


def _check_page(
    request: HttpRequest, draft: Draft, *, error: str = "", status: int = 200
) -> HttpResponse:
    method = method_of(draft.survey.method)
    lang = form_language(method)
    form = FilledForm(method, draft.answers)
    steps = summary(method, form_steps(method), form, lang)
    context = {
        "draft": draft,
        "title": method.title_in(lang),
        "steps": steps,
        "problems": sum(s.problems for s in steps),
        "key": uuid.uuid4().hex,
        "error": error,
        "link": request.build_absolute_uri(reverse("assessments:resume", args=[draft.token])),
    }
    return _private(render(request, "assessments/check.html", context, status=status))


@_signin_if_anonymous
def result(request: HttpRequest, token: str) -> HttpResponse:
    """The result: profile, definitions with reasons, recommendations, peers, change."""
    draft = selectors.draft_for(user=request.user, token=token)
    submission = draft.submission
    if submission is None:
        return HttpResponseRedirect(reverse("assessments:resume", args=[token]))
    return _private(_result_page(request, submission, draft=draft))


def _result_page(
    request: HttpRequest, submission: Submission, *, draft: Draft | None = None
) -> HttpResponse:
    found = selectors.score_of(submission)
    method = method_of(found.method if found else submission.survey.method)
    lang = form_language(method)
    view = None
    earlier = selectors.earlier_score(submission) if found else None
    if found is not None:
        record = score_record(found, lang)
        before = score_record(earlier, lang) if earlier is not None else None
        view = result_view(
            method,
            record,
            submission.answers,
            lang,
            benchmarks=selectors.benchmarks_for(submission, found),
            country=submission.survey.country_id,
            earlier=before,
        )
    context = {
        "draft": draft,
        "submission": submission,
        "view": view,
        "earlier": earlier,
        "title": method.title_in(lang),
        "link": request.build_absolute_uri(reverse("assessments:resume", args=[draft.token]))
        if draft
        else "",
    }
    return render(request, "assessments/result.html", context)


@_signin_if_anonymous
@require_POST
def reopen(request: HttpRequest, token: str) -> HttpResponse:
    """Correct an assessment a reviewer put on hold."""
    draft = selectors.draft_for(user=request.user, token=token)
    try:
        services.draft_reopen(user=request.user, draft=draft)
    except ValidationError:
        return _see_other(reverse("assessments:result", args=[token]))
    return _see_other(reverse("assessments:check", args=[token]))


# --- review ---------------------------------------------------------------------------------------


class ReviewForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s.value, s.label) for s in services.REVIEW_DECISIONS],
        widget=forms.RadioSelect,
        label=gettext_lazy("Decision"),
    )
    note = forms.CharField(
        required=False,
        max_length=limits.NOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=gettext_lazy("Note"),
        help_text=gettext_lazy("A note on hold is shown to whoever sent the assessment."),
    )


@_signin_if_anonymous
def review_list(request: HttpRequest) -> HttpResponse:
    """Incoming submissions of the surveys the researcher reviews."""
    status = request.GET.get("status", Submission.Review.PENDING)
    if status not in Submission.Review.values and status != "all":
        status = Submission.Review.PENDING
    queue = selectors.review_queue(user=request.user, status="" if status == "all" else status)
    page = Paginator(queue, 50).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Submission.Review.choices}
    return render(request, "assessments/review_list.html", context)


@_signin_if_anonymous
@require_http_methods(["GET", "POST"])
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One submission's answers and scores, and the reviewer's decision with a note."""
    submission = selectors.submission_for_review(user=request.user, pk=pk)
    initial = {"status": submission.review_status, "note": submission.reviewer_note}
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_review(
                user=request.user,
                submission=submission,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error("note", error)
        else:
            return _see_other(reverse("assessments:review_list"))
    method = method_of(submission.survey.method)
    lang = form_language(method)
    steps = summary(method, form_steps(method), FilledForm(method, submission.answers), lang)
    found = selectors.score_of(submission)
    profile = None
    if found is not None:
        profile = profile_of(method_of(found.method), score_record(found, lang), lang)
    context = {"submission": submission, "form": form, "steps": steps, "profile": profile}
    return render(
        request, "assessments/review_detail.html", context, status=400 if form.errors else 200
    )


# --- signing in -----------------------------------------------------------------------------------


class SignIn(LoginView):
    """Signs in, then goes to the safe ``?next=`` page (one on another site is ignored), else to
    the findings for a researcher and to LOGIN_REDIRECT_URL (the self-assessment) for others."""

    template_name = "assessments/sign_in.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        if rights.role_of(self.request.user) == Role.RESEARCHER:
            return reverse("findings:index")
        return super().get_default_redirect_url()


sign_in = SignIn.as_view()
sign_out = LogoutView.as_view(next_page=reverse_lazy("home"))
