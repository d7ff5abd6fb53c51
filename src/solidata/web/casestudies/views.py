"""Case-study pages: the list, one case study, and the researchers' forms (the case study, its
codes, consent, interviews, quotes and photos). Rights come from accounts.rights; writes from
services; a photo is served only to those who may see it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from solidata.core.casestudies import photos as photo_limits
from solidata.core.casestudies.boxes import code_labels
from solidata.core.errors import SolidataError
from solidata.web.accounts import rights
from solidata.web.accounts.signed_in import SignedInRequest
from solidata.web.casestudies import services
from solidata.web.casestudies.forms import (
    CODE_LABELS,
    CaseStudyForm,
    CodesForm,
    ConsentForm,
    InterviewForm,
    PhotoForm,
    QuoteForm,
)
from solidata.web.casestudies.models import CaseStudy, Photo, Quote
from solidata.web.casestudies.selectors import case_studies_for, case_study_shown, photo_visible
from solidata.web.problems import text as problem_text
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Survey
from solidata.web.surveys.selectors import method_of


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


def _writable_surveys(user: Any) -> Any:
    ids = [s.pk for s in Survey.objects.all() if rights.can_write_case_studies(user, s)]
    return Survey.objects.filter(pk__in=ids).order_by("slug")


def _problems(request: HttpRequest, error: SolidataError) -> None:
    for p in error.problems[:10]:
        messages.error(request, problem_text(p))


def case_study_list(request: HttpRequest) -> HttpResponse:
    studies = case_studies_for(request.user).order_by("-interview_date", "pk")
    return render(
        request,
        "casestudies/list.html",
        {"studies": studies, "can_create": _writable_surveys(request.user).exists()},
    )


def case_study_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case_study = get_object_or_404(
        CaseStudy.objects.select_related("organisation", "survey", "admin_area"), pk=pk
    )
    if not rights.can_see_case_study(request.user, case_study):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    shown = case_study_shown(request.user, case_study)
    method = method_of(case_study.survey.method)
    codes = [
        (CODE_LABELS[name], code_labels(method, name, getattr(case_study, name), _lang()))
        for name in ("challenges", "opportunities")
    ]
    editable = rights.can_edit_case_study(request.user, case_study)
    context: dict[str, Any] = {
        "case_study": case_study,
        "shown": shown,
        "codes": codes,
        "consent": case_study.consent_or_none() if shown.in_full else None,
        "editable": editable,
        "synthetic_data": case_study.is_synthetic,
    }
    if editable:
        context |= {
            "quote_form": QuoteForm(),
            "interview_form": InterviewForm(),
            "photo_form": PhotoForm(),
        }
    return render(request, "casestudies/detail.html", context)


def _editor(request: HttpRequest, pk: int) -> CaseStudy:
    case_study = get_object_or_404(CaseStudy.objects.select_related("survey"), pk=pk)
    if not rights.can_edit_case_study(request.user, case_study):
        raise PermissionDenied
    return case_study


@login_required
def case_study_edit(request: SignedInRequest, pk: int | None = None) -> HttpResponse:
    surveys = _writable_surveys(request.user)
    case_study = _editor(request, pk) if pk is not None else None
    if case_study is None and not surveys.exists():
        raise PermissionDenied
    organisations = Organisation.objects.filter(country__in=surveys.values("country"))
    form = CaseStudyForm(
        request.POST or None,
        instance=case_study,
        surveys=surveys,
        organisations=organisations,
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("survey", "organisation")}
        if case_study is None:
            case_study = services.case_study_create(
                organisation=form.cleaned_data["organisation"],
                survey=form.cleaned_data["survey"],
                created_by=request.user,
                **data,
            )
            messages.success(request, _("The case study was created. Record the consent next."))
            return redirect("casestudies:consent", case_study.pk)
        services.case_study_update(case_study=case_study, **data)
        messages.success(request, _("The case study was saved."))
        return redirect("casestudies:detail", case_study.pk)
    return render(request, "casestudies/edit.html", {"form": form, "case_study": case_study})


@login_required
def case_study_codes(request: SignedInRequest, pk: int) -> HttpResponse:
    case_study = _editor(request, pk)
    form = CodesForm(
        request.POST or None,
        survey=case_study.survey,
        lang=_lang(),
        initial={"challenges": case_study.challenges, "opportunities": case_study.opportunities},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_study_code(
                case_study=case_study,
                challenges=form.cleaned_data["challenges"],
                opportunities=form.cleaned_data["opportunities"],
            )
        except SolidataError as error:
            _problems(request, error)
        else:
            messages.success(request, _("The codes were saved."))
            return redirect("casestudies:detail", case_study.pk)
    return render(request, "casestudies/codes.html", {"form": form, "case_study": case_study})


@login_required
def case_study_consent(request: SignedInRequest, pk: int) -> HttpResponse:
    case_study = _editor(request, pk)
    form = ConsentForm(request.POST or None, instance=case_study.consent_or_none())
    if request.method == "POST" and form.is_valid():
        services.consent_record(
            case_study=case_study, recorded_by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The consent record was saved."))
        return redirect("casestudies:detail", case_study.pk)
    return render(request, "casestudies/consent.html", {"form": form, "case_study": case_study})


def _add_to(
    request: HttpRequest,
    pk: int,
    form_class: type[QuoteForm] | type[InterviewForm],
    add: Callable[..., object],
    *,
    added: str,
    incomplete: str,
) -> HttpResponse:
    """Add a quote or interview notes (``add``) to the case study from the posted form."""
    case_study = _editor(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        add(case_study=case_study, **form.cleaned_data)
        messages.success(request, added)
    else:
        messages.error(request, incomplete)
    return redirect("casestudies:detail", case_study.pk)


@require_POST
@login_required
def quote_add(request: SignedInRequest, pk: int) -> HttpResponse:
    return _add_to(
        request, pk, QuoteForm, services.quote_add,
        added=_("The quote was added."),
        incomplete=_("The quote needs its text and the speaker's role."),
    )  # fmt: skip


@require_POST
@login_required
def quote_delete(request: SignedInRequest, pk: int, quote: int) -> HttpResponse:
    case_study = _editor(request, pk)
    services.quote_delete(quote=get_object_or_404(Quote, pk=quote, case_study=case_study))
    return redirect("casestudies:detail", case_study.pk)


@require_POST
@login_required
def interview_add(request: SignedInRequest, pk: int) -> HttpResponse:
    return _add_to(
        request, pk, InterviewForm, services.interview_add,
        added=_("The interview notes were added."),
        incomplete=_("The interview needs the interviewee's role and notes."),
    )  # fmt: skip


@require_POST
@login_required
def photo_add(request: SignedInRequest, pk: int) -> HttpResponse:
    case_study = _editor(request, pk)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a photo to upload."))
        return redirect("casestudies:detail", case_study.pk)
    upload = form.cleaned_data["image"]
    try:
        services.photo_add(
            case_study=case_study,
            # At most one byte over the limit is read: enough to refuse a file that is too big.
            data=upload.read(photo_limits.MAX_BYTES + 1),
            name=upload.name,
            caption=form.cleaned_data["caption"],
        )
    except SolidataError as error:
        _problems(request, error)
    else:
        messages.success(request, _("The photo was added without its metadata."))
    return redirect("casestudies:detail", case_study.pk)


@require_POST
@login_required
def photo_delete(request: SignedInRequest, pk: int, photo: int) -> HttpResponse:
    case_study = _editor(request, pk)
    services.photo_delete(photo=get_object_or_404(Photo, pk=photo, case_study=case_study))
    return redirect("casestudies:detail", case_study.pk)


def photo_image(request: HttpRequest, photo: int) -> HttpResponse:
    found = get_object_or_404(Photo.objects.select_related("case_study"), pk=photo)
    if not photo_visible(request.user, found):
        raise PermissionDenied
    response = HttpResponse(bytes(found.image), content_type=found.content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
