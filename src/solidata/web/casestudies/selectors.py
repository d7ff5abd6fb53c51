"""Reads of case studies: what a user may see, what of it they may see, and the report's boxes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import translation

from solidata.core.casestudies import (
    CaseStudyBox,
    CaseStudyRecord,
    QuoteRecord,
    case_study_boxes,
)
from solidata.web.accounts import rights
from solidata.web.casestudies.models import CaseStudy, Interview, Photo, Quote
from solidata.web.surveys.models import Survey
from solidata.web.surveys.selectors import method_of


def case_studies_for(user: Any, survey: Survey | None = None) -> QuerySet[CaseStudy]:
    found = rights.case_studies_visible(user).select_related(
        "organisation", "organisation__entity_type", "admin_area", "survey"
    )
    return found.filter(survey=survey) if survey is not None else found


@dataclass(frozen=True)
class Shown:
    """What of one case study a reader sees."""

    in_full: bool  # notes, every quote and photo, the consent record
    interviews: list[Interview]
    quotes: list[Quote]
    photos: list[Photo]
    name_shown: bool  # the organisation's name (else its type and aimag)


def case_study_shown(user: Any, case_study: CaseStudy) -> Shown:
    full = rights.sees_case_study_in_full(user, case_study)
    consent = case_study.consent_or_none()
    quotes = list(case_study.quotes.all())
    photos = list(case_study.photos.defer("image"))
    if not full:
        allows = consent.allows if consent is not None else (lambda what: False)
        quotes = [q for q in quotes if q.consented and allows("quotes")]
        photos = photos if allows("photos") else []
    organisation = case_study.organisation
    return Shown(
        in_full=full,
        interviews=list(case_study.interviews.all()) if full else [],
        quotes=quotes,
        photos=photos,
        name_shown=full
        or rights.can_see_organisation_answers(user, organisation)
        or organisation.consent_public,
    )


def photo_visible(user: Any, photo: Photo) -> bool:
    case_study = photo.case_study
    if not rights.can_see_case_study(user, case_study):
        return False
    return any(p.pk == photo.pk for p in case_study_shown(user, case_study).photos)


def report_records(survey: Survey, lang: str) -> list[CaseStudyRecord]:
    """The survey's published case studies whose consent covers publication, as core records."""
    found = (
        CaseStudy.objects.filter(
            survey=survey,
            status=CaseStudy.Status.PUBLISHED,
            consent__publication=True,
            consent__withdrawn_on__isnull=True,
        )
        .select_related("organisation", "organisation__entity_type", "admin_area", "consent")
        .prefetch_related("quotes")
        .order_by("interview_date", "pk")
    )
    out = []
    with translation.override(lang):
        for c in found:
            quotes_allowed = c.consent.allows("quotes")
            area = c.admin_area or c.organisation.admin_area
            out.append(
                CaseStudyRecord(
                    titles={"en": c.title_en, "mn": c.title_mn},
                    summaries={"en": c.summary_en, "mn": c.summary_mn},
                    organisation=c.organisation.name,
                    organisation_public=c.organisation.consent_public,
                    entity_type=c.organisation.entity_type.name,
                    admin_area=area.name if area else "",
                    locality=c.locality,
                    codes={"challenges": c.challenges, "opportunities": c.opportunities},
                    quotes=[
                        QuoteRecord(q.text, q.language, q.speaker_role, q.consented)
                        for q in c.quotes.all()
                        if quotes_allowed
                    ],
                    is_synthetic=c.is_synthetic,
                )
            )
    return out


def report_boxes(survey: Survey, lang: str) -> list[CaseStudyBox]:
    """The case-study boxes of a findings report on ``survey`` in ``lang`` ("en", "mn").

    Only published case studies whose consent covers publication (and is not withdrawn); quotes
    only where consent covers quoting and the speaker agreed; the organisation's name only when it
    agreed to be listed publicly. See docs/case-studies.md.
    """
    return case_study_boxes(report_records(survey, lang), method_of(survey.method), lang)
