"""Writing case studies: each service checks its input against the method and the consent record,
changes nothing when the input is wrong, and owns its transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from solidata.core.casestudies import CODE_LISTS, clean_photo
from solidata.core.errors import SolidataError, problem
from solidata.web.casestudies.models import (
    EDITABLE,
    CaseStudy,
    Consent,
    Interview,
    Photo,
    Quote,
)
from solidata.web.surveys.selectors import method_of

FIELDS = (*EDITABLE, "is_synthetic")


def code_choices(case_study_or_survey: Any) -> dict[str, list[str]]:
    """The choice names of the method's challenge and opportunity lists (question -> names)."""
    survey = getattr(case_study_or_survey, "survey", case_study_or_survey)
    method = method_of(survey.method)
    out: dict[str, list[str]] = {}
    for name in CODE_LISTS:
        question = method.question(name)
        out[name] = [c.name for c in method.choice_list(question)] if question else []
    return out


def _checked_codes(survey: Any, codes: dict[str, Iterable[str]]) -> dict[str, list[str]]:
    allowed = code_choices(survey)
    problems = []
    out: dict[str, list[str]] = {}
    for name in CODE_LISTS:
        given = list(dict.fromkeys(codes.get(name, ())))
        problems += [
            problem("casestudy.code_unknown", value=c, list=name)
            for c in given
            if c not in allowed[name]
        ]
        out[name] = [c for c in allowed[name] if c in given]  # in the list's order
    if problems:
        raise SolidataError(problems)
    return out


@transaction.atomic
def case_study_create(
    *, organisation: Any, survey: Any, created_by: Any = None, **values: Any
) -> CaseStudy:
    unknown = set(values) - set(FIELDS) - {"challenges", "opportunities"}
    if unknown:
        raise TypeError(f"unknown case study fields: {sorted(unknown)}")
    codes = _checked_codes(
        survey,
        {
            "challenges": values.pop("challenges", []),
            "opportunities": values.pop("opportunities", []),
        },
    )
    if values.get("admin_area") is None:
        values["admin_area"] = organisation.admin_area
    if not values.get("locality"):
        values["locality"] = organisation.locality
    return CaseStudy.objects.create(
        organisation=organisation, survey=survey, created_by=created_by, **codes, **values
    )


@transaction.atomic
def case_study_update(*, case_study: CaseStudy, **values: Any) -> CaseStudy:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown case study fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(case_study, name, value)
    case_study.save()
    return case_study


@transaction.atomic
def case_study_code(
    *, case_study: CaseStudy, challenges: Iterable[str], opportunities: Iterable[str]
) -> CaseStudy:
    """Replace the case study's codes; unknown codes change nothing (``casestudy.code_unknown``)."""
    codes = _checked_codes(
        case_study.survey, {"challenges": challenges, "opportunities": opportunities}
    )
    case_study.challenges = codes["challenges"]
    case_study.opportunities = codes["opportunities"]
    case_study.save(update_fields=["challenges", "opportunities", "updated_at"])
    return case_study


@transaction.atomic
def consent_record(*, case_study: CaseStudy, recorded_by: Any = None, **values: Any) -> Consent:
    """Create or change the consent record. Withdrawing (``withdrawn_on``) keeps the record;
    location consent without photo consent means nothing, so it is refused."""
    if values.get("location") and not values.get("photos"):
        values["location"] = False
    consent, _ = Consent.objects.update_or_create(
        case_study=case_study, defaults={**values, "recorded_by": recorded_by}
    )
    if not consent.allows("location"):
        # Positions kept under an earlier consent go when it no longer covers them.
        case_study.photos.update(latitude=None, longitude=None)
    return consent


@transaction.atomic
def interview_add(
    *,
    case_study: CaseStudy,
    interviewee_role: str,
    notes: str,
    language: str = "mn",
    held_on: datetime.date | None = None,
) -> Interview:
    return Interview.objects.create(
        case_study=case_study,
        interviewee_role=interviewee_role,
        notes=notes,
        language=language,
        held_on=held_on or case_study.interview_date,
    )


@transaction.atomic
def quote_add(
    *,
    case_study: CaseStudy,
    text: str,
    speaker_role: str,
    language: str = "mn",
    consented: bool = False,
) -> Quote:
    return Quote.objects.create(
        case_study=case_study,
        text=text.strip(),
        speaker_role=speaker_role.strip(),
        language=language,
        consented=consented,
    )


@transaction.atomic
def photo_add(*, case_study: CaseStudy, data: bytes, name: str, caption: str = "") -> Photo:
    """Store a photo without its metadata; its GPS position is kept only under a consent that
    covers location. Bad files raise (``file.*``, ``casestudy.photo_*``) and store nothing."""
    consent = case_study.consent_or_none()
    keep = consent is not None and consent.allows("photos") and consent.allows("location")
    clean = clean_photo(data, name=name, keep_location=keep)
    return Photo.objects.create(
        case_study=case_study,
        image=clean.data,
        content_type=clean.content_type,
        width=clean.width,
        height=clean.height,
        caption=caption,
        latitude=clean.latitude,
        longitude=clean.longitude,
    )


@transaction.atomic
def photo_delete(*, photo: Photo) -> None:
    photo.delete()


@transaction.atomic
def quote_delete(*, quote: Quote) -> None:
    quote.delete()
