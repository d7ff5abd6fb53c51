"""Who sees which case study, and how much of it: a matrix over the personas, as in test_rights."""

from __future__ import annotations

import datetime

import pytest

from personas import Personas
from solidata.web.accounts import rights
from solidata.web.casestudies import services
from solidata.web.casestudies.models import CaseStudy
from solidata.web.surveys.models import Survey
from web.casestudies.conftest import signed_in

pytestmark = pytest.mark.django_db


def _studies(people: Personas) -> dict[str, CaseStudy]:
    survey = Survey.objects.get(slug="mn-demo")
    given = {"given_by": "chair", "given_on": datetime.date(2025, 7, 1)}
    draft = services.case_study_create(organisation=people.own, survey=survey, title_en="Draft")
    internal = services.case_study_create(
        organisation=people.own, survey=survey, title_en="Internal", status="published"
    )
    services.consent_record(case_study=internal, interview=True, **given)
    public = services.case_study_create(
        organisation=people.own, survey=survey, title_en="Public", status="published"
    )
    services.consent_record(case_study=public, publication=True, **given)
    return {"draft": draft, "internal": internal, "public": public}


def test_each_role_sees_the_case_studies_of_its_scope(people: Personas) -> None:
    studies = _studies(people)
    seen = {
        name: {key for key, s in studies.items() if rights.can_see_case_study(user, s)}
        for name, user in people.all().items()
    }
    assert seen == {
        "admin": {"draft", "internal", "public"},
        "researcher": {"draft", "internal", "public"},
        "foreign_researcher": {"public"},
        "committee": {"internal", "public"},  # published ones
        "enumerator": {"public"},
        "entity": {"draft", "internal", "public"},  # its own organisation's
        "anonymous": {"public"},  # consent covers publication
    }


def test_only_researchers_of_the_country_and_admins_edit(people: Personas) -> None:
    study = _studies(people)["public"]
    edits = {name: rights.can_edit_case_study(u, study) for name, u in people.all().items()}
    assert edits == {
        "admin": True,
        "researcher": True,
        "foreign_researcher": False,
        "committee": False,
        "enumerator": False,
        "entity": False,
        "anonymous": False,
    }


def test_the_pages_follow_the_rights(people: Personas) -> None:
    studies = _studies(people)
    expected = {  # (draft page, edit page, consent page)
        "researcher": (200, 200, 200),
        "committee": (403, 403, 403),
        "entity": (200, 403, 403),
        "foreign_researcher": (403, 403, 403),
    }
    for name, (detail, edit, consent) in expected.items():
        client = signed_in(getattr(people, name))
        pk = studies["draft"].pk
        got = (
            client.get(f"/case-studies/{pk}/").status_code,
            client.get(f"/case-studies/{pk}/edit/").status_code,
            client.get(f"/case-studies/{pk}/consent/").status_code,
        )
        assert got == (detail, edit, consent), name
    anonymous = signed_in(None).get(f"/case-studies/{studies['draft'].pk}/")
    assert anonymous.status_code == 302  # to the sign-in page


def test_the_public_sees_only_consented_quotes_and_photos_and_never_the_consent_record(
    people: Personas,
) -> None:
    study = _studies(people)["public"]
    services.quote_add(case_study=study, text="Agreed words", speaker_role="herder", consented=True)
    services.quote_add(case_study=study, text="Private words", speaker_role="chair")
    public = signed_in(None).get(f"/case-studies/{study.pk}/").content.decode()
    assert "Agreed words" not in public  # the consent does not cover quotes
    consent = study.consent
    consent.quotes = True
    consent.save()
    public = signed_in(None).get(f"/case-studies/{study.pk}/").content.decode()
    assert "Agreed words" in public and "Private words" not in public
    assert (
        'id="consent"' not in public
        and people.own.name not in public
        or (people.own.consent_public)
    )
    own = signed_in(people.entity).get(f"/case-studies/{study.pk}/").content.decode()
    assert 'id="consent"' in own and "Private words" in own


def test_a_photo_is_served_only_where_consent_covers_photos(people: Personas) -> None:
    from web.casestudies.conftest import phone_jpeg

    study = _studies(people)["public"]
    photo = services.photo_add(case_study=study, data=phone_jpeg(), name="p.jpg")
    url = f"/case-studies/photos/{photo.pk}/"
    assert signed_in(None).get(url).status_code == 403
    assert signed_in(people.researcher).get(url)["Content-Type"] == "image/jpeg"
    consent = study.consent
    consent.photos = True
    consent.save()
    assert signed_in(None).get(url).status_code == 200
