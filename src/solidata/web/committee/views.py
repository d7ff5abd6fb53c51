"""The committee's workspace: each view asks the rights (solidata.web.accounts.rights), calls one
service and renders. Refused input re-renders the page with the problems (HTTP 400) and changes
nothing; a done change redirects back to the version (303)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from solidata.core.errors import SolidataError
from solidata.web.accounts import rights
from solidata.web.accounts.signed_in import SignedInRequest
from solidata.web.committee import selectors, services
from solidata.web.committee.attachments import content_type
from solidata.web.committee.export import version_docx, version_pdf
from solidata.web.committee.forms import (
    AdoptForm,
    ClauseForm,
    CommentForm,
    DecisionForm,
    ProposalForm,
    TextsForm,
)
from solidata.web.committee.models import Clause, Decision, DefinitionVersion, Proposal
from solidata.web.problems import shown_all

READ, TAKE_PART, EDIT, ADOPT = "read", "take_part", "edit", "adopt"


def see_other(url: str) -> HttpResponse:
    """303: the browser follows with a GET, and a reload does not post again."""
    response = HttpResponse(status=303)
    response["Location"] = url
    return response


def lang() -> str:
    return (get_language() or "en").split("-")[0]


def allowed(user: Any, version: DefinitionVersion, need: str) -> bool:
    country = version.definition.country_id
    if need == READ:
        adopted = version.status == DefinitionVersion.Status.ADOPTED
        return adopted or rights.can_take_part(user, country)
    if need == TAKE_PART:
        return rights.can_take_part(user, country)
    if need == EDIT:
        return rights.can_edit_definition(user, country)
    return rights.can_adopt(user)


_R = TypeVar("_R", bound=HttpResponseBase)


def on_version(need: str) -> Callable[[Callable[..., _R]], Callable[..., _R | HttpResponse]]:
    """Sign-in and rights for a view of one version; hands it the version."""

    def decorate(view: Callable[..., _R]) -> Callable[..., _R | HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, pk: int, *args: Any, **kw: Any) -> _R | HttpResponse:
            version = get_object_or_404(
                DefinitionVersion.objects.select_related("definition__survey__method"), pk=pk
            )
            if not allowed(request.user, version, need):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            return view(request, version, *args, **kw)

        return wrapper

    return decorate


def index(request: HttpRequest) -> HttpResponse:
    mine = selectors.definitions_for(request.user)
    public = selectors.adopted_versions().exclude(definition__in=mine)
    return render(
        request,
        "committee/index.html",
        {"definitions": mine, "public": public, "lang": lang(),
         "can_edit": {d.pk: rights.can_edit_definition(request.user, d.country_id) for d in mine}},
    )  # fmt: skip


def keeps_choices(version: DefinitionVersion) -> list[tuple[str, str]]:
    """The purpose, principles and values a clause may keep, named in the reader's language."""
    method = services.method_for(version)
    return [
        (d.id, method.text(d.labels, lang()) or d.id)
        for d in method.dimensions
        if d.kind in services.KEPT_KINDS
    ]


def page(
    request: HttpRequest, version: DefinitionVersion, status: int = 200, **forms: Any
) -> HttpResponse:
    user = request.user
    country = version.definition.country_id
    here = lang()
    keeps = keeps_choices(version)
    takes_part = rights.can_take_part(user, country)
    clauses = list(version.clauses.all())
    for c in clauses:
        c.keeps_label = dict(keeps).get(c.keeps, c.keeps)  # type: ignore[attr-defined]
    context = {
        "version": version,
        "definition": version.definition,
        "versions": version.definition.versions.all(),
        "clauses": clauses,
        "keeps_names": dict(keeps),
        "lang": here,
        "takes_part": takes_part,
        "can_edit": rights.can_edit_definition(user, country) and version.is_draft,
        "can_decide": rights.can_edit_definition(user, country),
        "can_adopt": rights.can_adopt(user) and version.is_draft,
        "can_start_draft": rights.can_edit_definition(user, country) and not version.is_draft,
        "sees_results": rights.can_see_aggregates(user, version.definition.survey),
        "sees_small": rights.sees_small_cells(user),
        "proposals": version.proposals.select_related("author", "clause") if takes_part else [],
        "comments": version.comments.filter(proposal=None) if takes_part else [],
        "decisions": version.decisions.all() if takes_part else [],
        "texts_form": forms.get("texts_form")
        or TextsForm(initial={"text_en": version.text_en, "text_mn": version.text_mn}),
        "clause_form": forms.get("clause_form") or ClauseForm(keeps=keeps),
        "proposal_form": forms.get("proposal_form") or ProposalForm(),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "adopt_form": forms.get("adopt_form") or AdoptForm(),
        "keeps": keeps,
        "problems": forms.get("problems", []),
        "changes": selectors.changes_since_base(version, here),
        "prefill_rule": request.GET.get("rule", "")[:2000],  # from the workbench
    }
    if context["sees_results"]:
        context["bench"] = selectors.version_results(version, user, here)
    return render(request, "committee/version.html", context, status=status)


def refused(
    request: HttpRequest,
    version: DefinitionVersion,
    error: SolidataError | None = None,
    **forms: Any,
) -> HttpResponse:
    problems = shown_all(error.problems) if error else []
    return page(request, version, status=400, problems=problems, **forms)


def done(request: HttpRequest, version: DefinitionVersion, text: str) -> HttpResponse:
    messages.success(request, text)
    return see_other(reverse("committee:version", args=[version.pk]))


@require_GET
@on_version(READ)
def version_page(request: HttpRequest, version: DefinitionVersion) -> HttpResponse:
    return page(request, version)


@require_POST
@on_version(EDIT)
def texts(request: HttpRequest, version: DefinitionVersion) -> HttpResponse:
    form = TextsForm(request.POST)
    if not form.is_valid() or not (form.cleaned_data["text_en"] or form.cleaned_data["text_mn"]):
        return refused(request, version, texts_form=form)
    try:
        services.version_texts_update(version=version, **form.cleaned_data)
    except SolidataError as error:
        return refused(request, version, error, texts_form=form)
    return done(request, version, _("The preamble was saved."))


@require_POST
@on_version(EDIT)
def clause(request: HttpRequest, version: DefinitionVersion) -> HttpResponse:
    form = ClauseForm(request.POST, keeps=keeps_choices(version))
    if not form.is_valid():
        return refused(request, version, clause_form=form)
    data = form.cleaned_data
    target = None
    if data["clause"]:
        target = get_object_or_404(Clause, pk=data["clause"], version=version)
    try:
        services.clause_save(
            version=version, clause=target, rule=data["rule"], keeps=data["keeps"],
            text_en=data["text_en"], text_mn=data["text_mn"],
        )  # fmt: skip
    except SolidataError as error:
        return refused(request, version, error, clause_form=form)
    return done(request, version, _("The clause was saved."))


@require_POST
def clause_delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Clause.objects.select_related("version__definition"), pk=pk)
    return _clause_delete(request, target.version.pk, target)


@on_version(EDIT)
def _clause_delete(
    request: HttpRequest, version: DefinitionVersion, target: Clause
) -> HttpResponse:
    try:
        services.clause_delete(clause=target)
    except SolidataError as error:
        return refused(request, version, error)
    return done(request, version, _("The clause was removed."))


@require_POST
@on_version(TAKE_PART)
def propose(request: HttpRequest, version: DefinitionVersion) -> HttpResponse:
    form = ProposalForm(request.POST)
    if not form.is_valid():
        return refused(request, version, proposal_form=form)
    data = form.cleaned_data
    target = version.clauses.filter(pk=data["clause"]).first() if data["clause"] else None
    try:
        services.proposal_create(
            version=version, author=request.user, kind=data["kind"], clause=target,
            rule=data["rule"], keeps=data["keeps"], text_en=data["text_en"],
            text_mn=data["text_mn"], rationale=data["rationale"],
            answers_allowed=rights.sees_small_cells(request.user),
        )  # fmt: skip
    except SolidataError as error:
        return refused(request, version, error, proposal_form=form)
    return done(request, version, _("Your proposal was recorded."))


@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal, pk=pk)
    return _proposal_decide(request, proposal.version_id, proposal)


@on_version(EDIT)
def _proposal_decide(
    request: HttpRequest, version: DefinitionVersion, proposal: Proposal
) -> HttpResponse:
    answer = request.POST.get("decision")
    if answer not in ("accept", "reject"):
        return refused(request, version)
    try:
        services.proposal_decide(proposal=proposal, by=request.user, accept=answer == "accept")
    except SolidataError as error:
        return refused(request, version, error)
    return done(request, version, _("The proposal was settled."))


@require_POST
@on_version(TAKE_PART)
def comment(request: HttpRequest, version: DefinitionVersion) -> HttpResponse:
    form = CommentForm(request.POST)
    if not form.is_valid():
        return refused(request, version, comment_form=form)
    on = None
    if form.cleaned_data["proposal"]:
        on = get_object_or_404(Proposal, pk=form.cleaned_data["proposal"], version=version)
    services.comment_add(
        author=request.user, body=form.cleaned_data["body"], version=version, proposal=on
    )
    return done(request, version, _("Your comment was added."))


@require_POST
@on_version(EDIT)
def decision(request: HttpRequest, version: DefinitionVersion) -> HttpResponse:
    form = DecisionForm(request.POST, request.FILES)
    if not form.is_valid():
        return refused(request, version, decision_form=form)
    data = form.cleaned_data
    on = version.proposals.filter(pk=data["proposal"]).first() if data["proposal"] else None
    try:
        services.decision_record(
            version=version, recorded_by=request.user, outcome=data["outcome"],
            decided_by=data["decided_by"], decided_on=data["decided_on"],
            minutes=data["minutes"], attachment=data["attachment"], proposal=on,
        )  # fmt: skip
    except SolidataError as error:
        return refused(request, version, error, decision_form=form)
    return done(request, version, _("The decision was recorded."))


@require_POST
@on_version(ADOPT)
def adopt(request: SignedInRequest, version: DefinitionVersion) -> HttpResponse:
    form = AdoptForm(request.POST, request.FILES)
    if not form.is_valid():
        return refused(request, version, adopt_form=form)
    try:
        services.version_adopt(version=version, by=request.user, **form.cleaned_data)
    except SolidataError as error:
        return refused(request, version, error, adopt_form=form)
    return done(request, version, _("The version was adopted."))


@require_POST
@on_version(EDIT)
def new_draft(request: HttpRequest, version: DefinitionVersion) -> HttpResponse:
    draft = services.version_new_draft(source=version, by=request.user)
    return done(request, draft, _("A new draft was started."))


@require_GET
@on_version(READ)
def export(request: HttpRequest, version: DefinitionVersion, fmt: str) -> HttpResponse:
    name = f"working-definition-v{version.number}"
    if fmt == "docx":
        data = version_docx(version)
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    elif fmt == "pdf":
        data = version_pdf(version)
        kind = "application/pdf"
    else:
        raise Http404
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_GET
def minutes(request: HttpRequest, pk: int) -> HttpResponseBase:
    found = get_object_or_404(Decision, pk=pk)
    return _minutes(request, found.version_id, found)


@on_version(TAKE_PART)
def _minutes(request: HttpRequest, version: DefinitionVersion, found: Decision) -> FileResponse:
    stored = found.attachment.name
    if not stored:
        raise Http404
    response = FileResponse(
        found.attachment.open("rb"),
        as_attachment=True,
        filename=found.attachment_name or stored.rsplit("/", 1)[-1],
        content_type=content_type(stored),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
