"""The glossary put to the committee: members propose a wording of a term and comment, the
administrator adopts or rejects it; the adopted wording replaces the method workbook's on the
public glossary page, which says so."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from solidata.core.errors import SolidataError
from solidata.core.method.model import TITLE_ENTRY
from solidata.web.accounts import rights
from solidata.web.accounts.signed_in import SignedInRequest
from solidata.web.committee import services
from solidata.web.committee.forms import CommentForm, TermForm
from solidata.web.committee.models import TermVersion
from solidata.web.committee.views import lang, see_other
from solidata.web.problems import ShownProblem, shown_all
from solidata.web.surveys.selectors import reference_method

COUNTRY = "MN"  # the glossary's translations are Mongolian; other countries add their own


def _gate(request: SignedInRequest) -> None:
    if not rights.can_take_part(request.user, COUNTRY):
        raise PermissionDenied


def _terms() -> list[tuple[str, str]]:
    method = reference_method()
    return [(g.id, g.terms.get("en", g.id)) for g in method.glossary if g.id != TITLE_ENTRY]


@login_required
def glossary(
    request: SignedInRequest,
    form: TermForm | None = None,
    problems: list[ShownProblem] | None = None,
    status: int = 200,
) -> HttpResponse:
    _gate(request)
    method = reference_method()
    current = {g.id: g for g in method.glossary}
    terms = TermVersion.objects.filter(country_id=COUNTRY).select_related("proposed_by")
    return render(
        request,
        "committee/glossary.html",
        {
            "terms": terms,
            "current": {k: v.terms for k, v in current.items()},
            "form": form or TermForm(terms=_terms()),
            "comment_form": CommentForm(),
            "can_adopt": rights.can_adopt(request.user),
            "problems": problems or [],
            "lang": lang(),
        },
        status=status,
    )


@require_POST
@login_required
def term_propose(request: SignedInRequest) -> HttpResponse:
    _gate(request)
    form = TermForm(request.POST, terms=_terms())
    if not form.is_valid():
        return glossary(request, form=form, status=400)
    try:
        services.term_propose(
            country_id=COUNTRY, method=reference_method(), by=request.user, **form.cleaned_data
        )
    except SolidataError as error:
        return glossary(request, form=form, problems=shown_all(error.problems), status=400)
    messages.success(request, _("Your proposal was recorded."))
    return see_other(reverse("committee:glossary"))


@require_POST
@login_required
def term_decide(request: SignedInRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(TermVersion, pk=pk)
    if not rights.can_adopt(request.user):
        raise PermissionDenied
    answer = request.POST.get("decision")
    if answer not in ("adopt", "reject"):
        return glossary(request, status=400)
    try:
        services.term_decide(term=term, by=request.user, adopt=answer == "adopt")
    except SolidataError as error:
        return glossary(request, problems=shown_all(error.problems), status=400)
    messages.success(request, _("The term was settled."))
    return see_other(reverse("committee:glossary"))


@require_POST
@login_required
def term_comment(request: SignedInRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(TermVersion, pk=pk)
    _gate(request)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return glossary(request, status=400)
    services.comment_add(author=request.user, body=form.cleaned_data["body"], term=term)
    messages.success(request, _("Your comment was added."))
    return see_other(reverse("committee:glossary"))
