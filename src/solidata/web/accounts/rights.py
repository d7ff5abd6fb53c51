"""Access rights, decided here and only here; views and APIs ask, templates only reflect the answer.

Anonymous visitors may self-assess and see their own result through its private link (checked where
that link is handled); everything else needs a role.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as Account
from django.db.models import Q, QuerySet

from solidata.web.accounts.models import Membership, Role
from solidata.web.assessments.models import Draft
from solidata.web.casestudies.models import CaseStudy
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission, Survey

User = Account | AnonymousUser


def membership_of(user: User) -> Membership | None:
    if not user.is_authenticated:
        return None
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def role_of(user: User) -> Role | None:
    if user.is_authenticated and getattr(user, "is_superuser", False):
        return Role.ADMIN
    membership = membership_of(user)
    return Role(membership.role) if membership else None


def organisations_in_scope(user: User) -> QuerySet[Organisation]:
    """Organisations whose individual records and answers the user may see."""
    role = role_of(user)
    membership = membership_of(user)
    if role == Role.ADMIN:
        return Organisation.objects.all()
    if membership is None:
        return Organisation.objects.none()
    if role == Role.RESEARCHER:
        return Organisation.objects.filter(country__in=membership.countries.all())
    if role == Role.ENUMERATOR:
        return Organisation.objects.filter(admin_area__in=membership.areas.all())
    if role == Role.ENTITY:
        return Organisation.objects.filter(pk__in=membership.organisations.all())
    return Organisation.objects.none()  # committee members: aggregates only


def submissions_in_scope(user: User) -> QuerySet[Submission]:
    role = role_of(user)
    if role == Role.ADMIN:
        return Submission.objects.all()
    if role == Role.RESEARCHER:
        membership = membership_of(user)
        assert membership is not None
        return Submission.objects.filter(survey__country__in=membership.countries.all())
    found = Submission.objects.filter(Q(organisation__in=organisations_in_scope(user)))
    if role == Role.ENTITY:
        # Imports match rows to organisations by name: until a reviewer approves one, it may be
        # another organisation's. What the representative sent themselves opens through its draft.
        found = found.filter(review_status=Submission.Review.APPROVED)
    return found


def can_see_organisation_answers(user: User, organisation: Organisation) -> bool:
    return organisations_in_scope(user).filter(pk=organisation.pk).exists()


def can_review(user: User, survey: Survey) -> bool:
    """Review, import and analyse individual submissions of a survey."""
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    membership = membership_of(user)
    return (
        role == Role.RESEARCHER
        and membership is not None
        and membership.countries.filter(pk=survey.country_id).exists()
    )


def can_see_aggregates(user: User, survey: Survey) -> bool:
    role = role_of(user)
    if role in (Role.ADMIN,):
        return True
    membership = membership_of(user)
    return (
        role in (Role.RESEARCHER, Role.COMMITTEE)
        and membership is not None
        and membership.countries.filter(pk=survey.country_id).exists()
    )


def sees_small_cells(user: User) -> bool:
    """Only researchers and administrators see groups smaller than SOLIDATA_MIN_CELL."""
    return role_of(user) in (Role.RESEARCHER, Role.ADMIN)


def can_change_method(user: User, survey: Survey) -> bool:
    """Save a candidate definition into a new version of the survey's method (and apply it)."""
    return can_review(user, survey)


def can_manage_frame(user: User, survey: Survey) -> bool:
    """Enter or import the survey's sampling frame."""
    return can_review(user, survey)


# --- self-assessments (solidata.web.assessments) --------------------------------------------------
# Whoever may see an organisation's answers may also fill in its assessment: the entity
# representative for their own organisation, an enumerator in their areas, a researcher in their
# countries, an administrator everywhere. Anyone, signed in or not, may assess without naming an
# organisation; committee members see aggregates only.


def can_assess_for(user: User, organisation: Organisation) -> bool:
    return can_see_organisation_answers(user, organisation)


def can_open_draft(user: User, draft: Draft) -> bool:
    """Fill in, see and submit a draft whose private link the user holds.

    A draft started anonymously opens with its link alone. A draft started by a signed-in user
    opens for that user, and for whoever may assess its organisation.
    """
    if draft.user_id is None:
        return True
    if user.is_authenticated and user.pk == draft.user_id:
        return True
    return draft.organisation is not None and can_assess_for(user, draft.organisation)


def can_see_submission(user: User, submission: Submission) -> bool:
    """Its answers and result: those with the organisation (or survey) in scope, or who sent it."""
    if submissions_in_scope(user).filter(pk=submission.pk).exists():
        return True
    return (
        user.is_authenticated
        and Draft.objects.filter(submission=submission, user_id=user.pk).exists()
    )


def submissions_for_review(user: User) -> QuerySet[Submission]:
    """What the user reviews: surveys in a researcher's countries; everything for admins."""
    role = role_of(user)
    if role == Role.ADMIN:
        return Submission.objects.all()
    membership = membership_of(user)
    if role == Role.RESEARCHER and membership is not None:
        return Submission.objects.filter(survey__country__in=membership.countries.all())
    return Submission.objects.none()


def can_review_any(user: User) -> bool:
    return role_of(user) in (Role.ADMIN, Role.RESEARCHER)


def can_see_organisation_result(user: User, organisation: Organisation) -> bool:
    """The latest assessment result: in scope, or published with the organisation's consent."""
    if organisation.consent_public and organisation.consent_results_public:
        return True
    return can_see_organisation_answers(user, organisation)


# --- case studies (solidata.web.casestudies) ------------------------------------------------------
# Researchers of the country write them (create, edit, photos, consent, codes) and publish them;
# administrators everywhere. Committee members of the country read published ones and the
# comparison with the survey (aggregates, small cells hidden). The organisation's representative
# reads its own case study, draft or published, with its consent record. Everyone else, signed in
# or not, reads a published case study only while its consent covers publication, and then only
# the quotes and photos that consent covers; the organisation is named only if it agreed to be
# listed publicly.


def can_write_case_studies(user: User, survey: Survey) -> bool:
    return can_review(user, survey)


def case_studies_visible(user: User) -> QuerySet[CaseStudy]:
    role = role_of(user)
    found = CaseStudy.objects.all()
    if role == Role.ADMIN:
        return found
    membership = membership_of(user)
    countries = membership.countries.all() if membership is not None else []
    public = Q(
        status=CaseStudy.Status.PUBLISHED,
        consent__publication=True,
        consent__withdrawn_on__isnull=True,
    )
    if role == Role.RESEARCHER:
        return found.filter(Q(survey__country__in=countries) | public)
    if role == Role.COMMITTEE:
        in_country = Q(survey__country__in=countries, status=CaseStudy.Status.PUBLISHED)
        return found.filter(in_country | public)
    if role == Role.ENTITY and membership is not None:
        return found.filter(Q(organisation__in=membership.organisations.all()) | public)
    return found.filter(public)


def can_see_case_study(user: User, case_study: CaseStudy) -> bool:
    return case_studies_visible(user).filter(pk=case_study.pk).exists()


def can_edit_case_study(user: User, case_study: CaseStudy) -> bool:
    return can_write_case_studies(user, case_study.survey)


def sees_case_study_in_full(user: User, case_study: CaseStudy) -> bool:
    """Interview notes, every quote and photo, the consent record: writers and the entity's
    representative; others see what the consent covers."""
    if can_edit_case_study(user, case_study):
        return True
    membership = membership_of(user)
    return (
        role_of(user) == Role.ENTITY
        and membership is not None
        and membership.organisations.filter(pk=case_study.organisation_id).exists()
    )


def can_see_case_study_comparison(user: User, survey: Survey) -> bool:
    """The case studies' codes beside the survey's answers: whoever sees the aggregates."""
    return can_see_aggregates(user, survey)


def can_download_entity_report(user: User, organisation: Organisation) -> bool:
    """An entity's own result as a PDF: its representatives, researchers (their countries) and
    administrators; not enumerators or committee members."""
    if role_of(user) not in (Role.ADMIN, Role.RESEARCHER, Role.ENTITY):
        return False
    return organisations_in_scope(user).filter(pk=organisation.pk).exists()


# --- the advisory committee's working definitions and glossary (solidata.web.committee) ----------
# Committee members of a country see its working definitions (results with small cells hidden),
# propose changes and comment; researchers of the country also edit drafts, settle proposals and
# record decisions with their minutes; administrators adopt (an adopted version is frozen). An
# adopted version is a public document: anyone may read it and download its text, without the
# survey results; drafts, proposals, comments and minutes stay with the committee.


def _covers_country(user: User, country_id: str) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.countries.filter(pk=country_id).exists()


def can_take_part(user: User, country_id: str) -> bool:
    """See drafts, proposals, comments and minutes; propose changes; comment."""
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    return role in (Role.RESEARCHER, Role.COMMITTEE) and _covers_country(user, country_id)


def can_edit_definition(user: User, country_id: str) -> bool:
    """Edit drafts (preamble, clauses), settle proposals, record decisions, start a new draft."""
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    return role == Role.RESEARCHER and _covers_country(user, country_id)


def can_adopt(user: User) -> bool:
    """Adopt a version of a working definition or a glossary term."""
    return role_of(user) == Role.ADMIN


def can_see_committee(user: User) -> bool:
    """The committee's pages in the menu: whoever may take part somewhere."""
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    membership = membership_of(user)
    return (
        role in (Role.RESEARCHER, Role.COMMITTEE)
        and membership is not None
        and membership.countries.exists()
    )
