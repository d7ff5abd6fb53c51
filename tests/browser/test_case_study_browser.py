"""A case study from start to finish in Mongolian, in a real browser: a researcher creates it,
records the consent, uploads a phone photo with its GPS position, codes it; the comparison with
the survey shows the code; a committee member reads the case study."""

from __future__ import annotations

import io
import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def _as(browser, live_server, user):  # type: ignore[no-untyped-def]
    from django.conf import settings
    from django.test import Client

    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="mn-MN")
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {"name": "django_language", "value": "mn", "url": live_server.url},
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            },
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_a_researcher_writes_a_case_study_and_a_committee_member_reads_it(
    browser, live_server, demo_db
) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    from personas import personas
    from solidata.web.casestudies.models import CaseStudy, Photo
    from solidata.web.surveys.models import Survey
    from web.casestudies.conftest import phone_jpeg

    people = personas()
    context, page = _as(browser, live_server, people.researcher)
    page.goto(live_server.url + "/case-studies/")
    page.click("text=Шинэ тохиолдлын судалгаа")
    survey = Survey.objects.get(slug="mn-demo")
    page.select_option("#id_survey", value=str(survey.pk))
    page.select_option("#id_organisation", value=str(people.own.pk))
    page.fill("#id_title_mn", "Малчдын хоршооны ноос")
    page.fill("#id_summary_mn", "Хоршоо ноосоо хамтдаа борлуулдаг.")
    page.fill("#id_interview_date", "2025-08-01")
    page.select_option("#id_status", "published")
    page.click("form.case-study-form button[type=submit]")
    page.wait_for_url(re.compile(r"/consent/$"))

    page.fill("#id_given_by", "Хоршооны дарга")
    page.fill("#id_given_on", "2025-08-01")
    for box in ("interview", "quotes", "photos", "publication"):
        page.check(f"#id_{box}")
    page.click("form.consent-form button[type=submit]")
    page.wait_for_url(re.compile(r"/case-studies/\d+/$"))
    assert "Хоршооны дарга" in page.inner_text("#consent")

    page.click("text=Зураг нэмэх")
    page.set_input_files(
        "#id_image", {"name": "phone.jpg", "mimeType": "image/jpeg", "buffer": phone_jpeg()}
    )
    page.click("form[enctype] button[type=submit]")
    page.wait_for_selector(".photos img")
    assert "Зургийг мета өгөгдөлгүйгээр нэмлээ." in page.content()
    study = CaseStudy.objects.get(title_mn="Малчдын хоршооны ноос")
    photo = Photo.objects.get(case_study=study)
    assert dict(Image.open(io.BytesIO(bytes(photo.image))).getexif()) == {}
    assert photo.latitude is None  # consent does not cover the location

    page.goto(f"{live_server.url}/case-studies/{study.pk}/codes/")
    page.check("input[name=challenges][value=taxes]")
    page.check("input[name=opportunities][value=export]")
    page.click("form.codes-form button[type=submit]")
    page.wait_for_url(re.compile(r"/case-studies/\d+/$"))
    assert "Татвар, бичиг цаасны ажил" in page.inner_text("#codes-1")

    page.goto(live_server.url + "/case-studies/compare/mn-demo/")
    row = page.locator("#table-compare-challenges tr", has_text="Татвар, бичиг цаасны ажил")
    assert row.locator("td").first.inner_text() == "1"  # no demo case study has this code
    context.close()

    context, page = _as(browser, live_server, people.committee)
    page.goto(f"{live_server.url}/case-studies/{study.pk}/")
    assert page.locator("h1").inner_text() == "Малчдын хоршооны ноос"
    assert page.locator(".photos img").count() == 1  # consent covers photos
    assert page.locator("#consent").count() == 0  # the record is the researchers' and entity's
    response = page.goto(f"{live_server.url}/case-studies/{study.pk}/edit/")
    assert response is not None and response.status == 403
    page.goto(live_server.url + "/case-studies/compare/mn-demo/")
    assert page.locator("#table-compare-challenges").count() == 1
    context.close()
