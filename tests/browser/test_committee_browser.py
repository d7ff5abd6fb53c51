"""The committee's working definition in a real browser, in Mongolian: a member proposes a change
to a clause and comments, a researcher accepts it into the draft, an administrator adopts the
version, and the adopted version downloads as DOCX and PDF that hold the Mongolian text."""

from __future__ import annotations

import io
import subprocess
from typing import Any

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

TITLE_MN = "Нийгмийн ба эв санааны эдийн засгийн ажлын тодорхойлолт"


def mongolian_page(browser: Any, live_server: Any, user: Any) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="mn-MN", accept_downloads=True
    )
    context.add_cookies(
        [
            {"name": "sessionid", "value": client.cookies["sessionid"].value,
             "url": live_server.url},
            {"name": "django_language", "value": "mn", "url": live_server.url},
        ]
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def test_a_member_proposes_a_researcher_accepts_an_admin_adopts_and_it_exports(
    browser: Any, live_server: Any, settings: Any, tmp_path: Any
) -> None:
    from docx import Document

    from personas import personas
    from solidata.web.committee.models import DefinitionVersion
    from solidata.web.demo_data import demo_load

    settings.MEDIA_ROOT = tmp_path
    demo_load()
    people = personas()
    draft = DefinitionVersion.objects.get(definition__is_synthetic=True, number=1)
    url = f"{live_server.url}/committee/versions/{draft.pk}/"

    member = mongolian_page(browser, live_server, people.committee)
    member.goto(live_server.url + "/")
    member.get_by_text("Цэс").click()  # the phone's menu
    member.get_by_role("link", name="Зөвлөл").click()
    member.get_by_role("link", name=TITLE_MN, exact=False).first.click()
    assert TITLE_MN in member.locator("h1").inner_text()
    assert member.locator(".hidden-cell").count() > 0  # small groups hidden for members
    member.get_by_text("Өөрчлөлт санал болгох").click()
    member.select_option("#id_kind", "change")
    member.select_option("#id_clause", label="2")
    member.fill("#id_rule", "score('P1') >= 40")
    member.select_option("#id_keeps", "P1")
    member.fill("#id_text_mn", "Байгууллагын сайн дурын хамтын ажиллагааны оноо 40-өөс доошгүй.")
    member.fill("#id_text_en", "The entity's voluntary cooperation score is at least 40.")
    member.fill("#id_rationale", "Хөдөөгийн малчдын бүлгүүдийн оноо бага байна.")
    member.get_by_role("button", name="Саналыг илгээх").click()
    member.wait_for_selector("article.proposal")
    assert "Таны саналыг бүртгэлээ." in member.content()
    member.locator("#comment-form textarea").fill("Хурлаар хэлэлцье.")
    member.locator("#comment-form button").click()
    member.wait_for_selector("#comments >> text=Хурлаар хэлэлцье.")
    assert member.get_by_role("button", name="Батлах").count() == 0  # members do not adopt

    researcher = mongolian_page(browser, live_server, people.researcher)
    researcher.goto(url)
    researcher.get_by_role("button", name="Төсөлд хүлээн авах").click()
    researcher.wait_for_selector("text=Саналын асуудлыг шийдлээ.")
    assert "score('P1') >= 40" in researcher.locator("#clause-2").inner_text()
    assert researcher.get_by_role("button", name="Батлах").count() == 0  # researchers neither

    admin = mongolian_page(browser, live_server, people.admin)
    admin.goto(url)
    admin.get_by_text("Энэ хувилбарыг батлах").click()
    admin.locator("#adopt input[name=decided_by]").fill("Үндэсний зөвлөх хорооны хурал")
    admin.locator("#adopt input[name=decided_on]").fill("2026-12-04")
    admin.locator("#adopt textarea[name=minutes]").fill("Санал нэгтэй баталлаа.")
    admin.locator("#adopt button[type=submit]").click()
    admin.wait_for_selector("text=Хувилбарыг баталлаа.")
    assert "батлагдсан" in admin.locator("#status").inner_text()
    assert "төсөл" in researcher.locator("#status").inner_text()
    assert admin.locator("#add-clause").count() == 0  # frozen

    with admin.expect_download() as got:
        admin.click("#export-docx")
    document = Document(io.BytesIO(got.value.path().read_bytes()))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Заалт 2" in cells and "40-өөс доошгүй" in cells
    assert TITLE_MN in "\n".join(p.text for p in document.paragraphs)
    with admin.expect_download() as got:
        admin.click("#export-pdf")
    text = subprocess.run(
        ["pdftotext", str(got.value.path()), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Заалт 2" in text and "Үндэсний зөвлөх хорооны хурал" in text
