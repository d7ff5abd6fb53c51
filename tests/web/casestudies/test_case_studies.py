"""Case studies in the web: researchers write them, photos lose their metadata, codes come from
the method, consent decides what others see, and the report gets boxes."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from personas import Personas
from solidata.core.errors import SolidataError
from solidata.web.casestudies import services
from solidata.web.casestudies.models import CaseStudy, Photo
from solidata.web.casestudies.selectors import report_boxes
from solidata.web.surveys.models import Survey
from web.casestudies.conftest import phone_jpeg, signed_in

pytestmark = pytest.mark.django_db


def _new(people: Personas, **values: object) -> CaseStudy:
    return services.case_study_create(
        organisation=people.own,
        survey=Survey.objects.get(slug="mn-demo"),
        title_en="Test case",
        title_mn="Туршилтын тохиолдол",
        **values,
    )


def test_the_demo_has_three_synthetic_published_case_studies_of_rural_organisations(
    people: Personas,
) -> None:
    demo = CaseStudy.objects.filter(is_synthetic=True)
    assert demo.count() == 3
    assert all(c.published and c.organisation.admin_area_id != "MN-1" for c in demo)
    assert all(c.challenges and c.opportunities and c.quotes.exists() for c in demo)
    assert {c.organisation.entity_type_id for c in demo} == {
        "cooperative",
        "self_help_group",
        "association",
    }


def test_a_researcher_creates_a_case_study_through_the_page(people: Personas) -> None:
    client = signed_in(people.researcher)
    survey = Survey.objects.get(slug="mn-demo")
    response = client.post(
        "/case-studies/new/",
        {
            "survey": survey.pk,
            "organisation": people.own.pk,
            "title_mn": "Шинэ тохиолдол",
            "summary_mn": "Товч",
            "interview_date": "2025-07-01",
            "status": "draft",
        },
    )
    created = CaseStudy.objects.get(title_mn="Шинэ тохиолдол")
    assert response.status_code == 302 and response["Location"].endswith(
        f"/case-studies/{created.pk}/consent/"
    )
    assert created.admin_area_id == people.own.admin_area_id  # from the organisation


def test_committee_members_and_entities_cannot_create_case_studies(people: Personas) -> None:
    for user in (people.committee, people.entity, people.enumerator, people.foreign_researcher):
        assert signed_in(user).get("/case-studies/new/").status_code == 403


def test_codes_outside_the_methods_lists_are_refused_and_change_nothing(people: Personas) -> None:
    study = _new(people, challenges=["finance"])
    with pytest.raises(SolidataError) as error:
        services.case_study_code(
            case_study=study, challenges=["finance", "dragons"], opportunities=["tourism"]
        )
    assert error.value.codes == ["casestudy.code_unknown"]
    study.refresh_from_db()
    assert study.challenges == ["finance"] and study.opportunities == []


def test_a_photo_uploaded_with_gps_is_stored_without_it(people: Personas) -> None:
    study = _new(people)
    client = signed_in(people.researcher)
    upload = SimpleUploadedFile("phone.jpg", phone_jpeg(), content_type="image/jpeg")
    client.post(f"/case-studies/{study.pk}/photos/", {"image": upload, "caption": "ger"})
    photo = Photo.objects.get(case_study=study)
    stored = Image.open(io.BytesIO(bytes(photo.image)))
    assert dict(stored.getexif()) == {} and b"PhoneMaker" not in bytes(photo.image)
    assert photo.latitude is None and photo.longitude is None


def test_with_consent_to_location_the_position_is_kept_until_consent_is_withdrawn(
    people: Personas,
) -> None:
    study = _new(people)
    given = {"given_by": "chair", "given_on": datetime.date(2025, 7, 1), "photos": True}
    services.consent_record(case_study=study, location=True, **given)
    photo = services.photo_add(case_study=study, data=phone_jpeg(), name="phone.jpg")
    assert photo.latitude == pytest.approx(47.919167, abs=1e-5)
    services.consent_record(
        case_study=study, location=True, withdrawn_on=datetime.date(2025, 8, 1), **given
    )
    photo.refresh_from_db()
    assert photo.latitude is None and photo.longitude is None


def test_a_bad_photo_is_refused_with_a_message_and_nothing_is_stored(people: Personas) -> None:
    study = _new(people)
    client = signed_in(people.researcher)
    upload = SimpleUploadedFile("notes.jpg", b"these are notes", content_type="image/jpeg")
    response = client.post(f"/case-studies/{study.pk}/photos/", {"image": upload}, follow=True)
    assert "could not be read" in response.content.decode()
    assert not Photo.objects.filter(case_study=study).exists()


def test_the_report_gets_boxes_of_published_consented_case_studies_only(people: Personas) -> None:
    survey = Survey.objects.get(slug="mn-demo")
    draft = _new(people, challenges=["finance"])
    services.consent_record(
        case_study=draft, given_by="chair", given_on=datetime.date(2025, 7, 1), publication=True
    )
    boxes = report_boxes(survey, "mn")
    assert len(boxes) == 3  # the demo's three; the draft is not published
    first = boxes[0]
    assert first.is_synthetic and first.title == "Зудын дараа ноосоо хамтдаа борлуулах нь"
    assert first.challenges[0] == "Зээл, санхүүжилт авахад хүндрэлтэй"  # the method's label
    assert 1 <= len(first.quotes) <= 2 and "малчин" in first.quotes[0]
    assert first.organisation == "" or first.organisation  # named only with consent
    services.case_study_update(case_study=draft, status=CaseStudy.Status.PUBLISHED)
    assert len(report_boxes(survey, "en")) == 4


def test_withdrawn_consent_takes_a_case_study_out_of_the_report(people: Personas) -> None:
    survey = Survey.objects.get(slug="mn-demo")
    study = CaseStudy.objects.filter(is_synthetic=True).first()
    assert study is not None
    consent = study.consent
    consent.withdrawn_on = datetime.date(2025, 9, 1)
    consent.save()
    assert len(report_boxes(survey, "en")) == 2


def test_a_title_written_only_in_english_is_marked_as_english_on_mongolian_pages(
    people: Personas,
) -> None:
    study = services.case_study_create(
        organisation=people.own,
        survey=Survey.objects.get(slug="mn-demo"),
        title_en="Only in English",
    )
    client = signed_in(people.researcher)
    page = client.get(f"/case-studies/{study.pk}/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert '<h1 lang="en">Only in English</h1>' in page
    listed = client.get("/case-studies/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert 'lang="en">Only in English</a>' in listed


def test_an_upload_over_the_limit_is_refused_after_reading_just_past_the_limit(
    people: Personas, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from solidata.core.casestudies import photos

    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    study = _new(people)
    upload = SimpleUploadedFile("big.jpg", phone_jpeg() + b"\0" * 5000, content_type="image/jpeg")
    response = signed_in(people.researcher).post(
        f"/case-studies/{study.pk}/photos/", {"image": upload}, follow=True
    )
    assert "over the limit of 1000 bytes" in response.content.decode()
    assert not Photo.objects.filter(case_study=study).exists()
