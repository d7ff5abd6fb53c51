"""Every page of the site on a 360x740 phone, in English and in Mongolian (whose words are
longer): nothing wider than the screen except inside a table's own scroll box, and the header
with the synthetic-data notice takes at most a quarter of the first screen."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser.test_assessment_browser import bundled_method, finish_step, step_number

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH, HEIGHT = 360, 740
HEADER_MAX = HEIGHT // 4  # 185 px: the header and the synthetic-data notice together

# Elements reaching past the viewport, except inside a box that scrolls sideways on purpose.
TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // wholly off to the left (the skip link) is hidden on purpose and cannot scroll
    const cut = r.right > width + 0.5 || (r.left < -0.5 && r.right > 0);
    if (cut && !scrolls(el)) {
      const where = `${Math.round(r.left)}..${Math.round(r.right)}`;
      out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ${where}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, tooWide: out.slice(0, 5)};
}"""
HEADER_BOTTOM = """() => {
  const top = document.querySelector('.synthetic') || document.querySelector('.site-header');
  return top ? top.getBoundingClientRect().bottom : null;
}"""


class Survey:
    """What a tour of the site found wrong, page by page."""

    def __init__(self, page: Any, base: str, language: str) -> None:
        self.page, self.base, self.language = page, base, language
        self.problems: list[str] = []
        self.seen = 0

    def visit(self, path: str, status: int = 200) -> None:
        response = self.page.goto(self.base + path)
        assert response.status == status, f"{path}: HTTP {response.status}"
        self.check(path)

    def check(self, what: str) -> None:
        self.seen += 1
        assert "/sign-in/" not in self.page.url or what.startswith("/sign-in/"), what
        found = self.page.evaluate(TOO_WIDE)
        if found["scrollWidth"] > WIDTH or found["tooWide"]:
            self.problems.append(
                f"{self.language} {what}: page {found['scrollWidth']} px wide; {found['tooWide']}"
            )
        bottom = self.page.evaluate(HEADER_BOTTOM)
        if bottom is None:
            self.problems.append(f"{self.language} {what}: not a page of the site (no header)")
        elif bottom > HEADER_MAX:
            self.problems.append(f"{self.language} {what}: header ends at {bottom:.0f} px")


def sign_in(page: Any, live_server: Any, user: Any) -> None:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def run_with_problems(tmp_path: Path) -> int:
    """An import into the demo survey with one bad value, as a researcher would make it."""
    from solidata.web.imports.models import ImportRun
    from solidata.web.imports.services import file_import
    from solidata.web.surveys.models import Survey as SurveyModel

    path = tmp_path / "answers.csv"
    path.write_text("instance_id,members_women\nuuid:a,about ten\n", encoding="utf-8")
    file_import(survey=SurveyModel.objects.get(slug="mn-demo"), path=path)
    return ImportRun.objects.latest("pk").pk


def tour(browser: Any, live_server: Any, language: str, people: Any, run: int) -> Survey:
    from solidata.web.surveys.models import Submission

    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="en-GB")
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    site = Survey(page, live_server.url, language)

    site.visit("/")
    page.click(".menu summary")
    site.check("the menu, open")
    for path in ["/glossary/", "/organisations/", "/organisations/?q=НӨХӨРЛӨЛ", "/sign-in/"]:
        site.visit(path)
    site.visit("/no-such-page/", status=404)
    profile = page.goto(live_server.url + "/organisations/")
    assert profile is not None
    site.visit(page.locator("table a").first.get_attribute("href"))

    method = bundled_method()
    site.visit("/assess/")
    page.click("form.start button[type=submit]")
    while (number := step_number(page)) is not None:
        site.check(f"assessment step {number}")
        finish_step(page, method)
    site.check("assessment check")
    page.click("form.submit button")
    page.wait_for_url(re.compile(r"/result/$"))
    site.check("assessment result")

    sign_in(page, live_server, people.researcher)
    site.visit("/review/")
    site.visit(f"/review/{Submission.objects.filter(survey__slug='mn-demo').first().pk}/")
    findings = ["", "counts/", "scores/", "choices/", "awareness/", "definitions/", "workbench/"]
    findings.append("frame/")
    site.visit("/findings/")
    for part in findings:
        site.visit(f"/findings/mn-demo/{part}")
    site.visit("/findings/mn-demo/workbench/")
    page.click("#rule-codes summary")
    site.check("the workbench's codes, open")
    site.visit("/case-studies/")
    site.visit("/case-studies/new/")
    site.visit("/case-studies/compare/mn-demo/")
    study = page.goto(live_server.url + "/case-studies/")
    assert study is not None
    case_study = page.locator("ul.case-studies a").first.get_attribute("href")
    site.visit(case_study)
    page.click("details:has(form[enctype]) summary")
    site.check("a case study, adding a photo")
    for part in ("edit/", "codes/", "consent/"):
        site.visit(f"{case_study}{part}")
    site.visit("/imports/")
    site.visit(f"/imports/runs/{run}/")
    assert page.locator("table.problems tbody tr").count() == 1
    committee_tour(page, site, live_server, people)

    sign_in(page, live_server, people.foreign_researcher)
    site.visit(f"/imports/runs/{run}/", status=403)
    context.close()
    return site


def committee_tour(page: Any, site: Survey, live_server: Any, people: Any) -> None:
    """The committee's pages with a proposal and a term in them, every form open, as an
    administrator (who sees every form)."""
    from solidata.web.committee import services
    from solidata.web.committee.models import DefinitionVersion
    from solidata.web.surveys.selectors import reference_method

    draft = DefinitionVersion.objects.get(definition__is_synthetic=True, number=1)
    if not draft.proposals.exists():
        services.proposal_create(
            version=draft, author=people.committee, kind="add", rule="score('V5') >= 50",
            keeps="V5", text_en="Transparent.", text_mn="Ил тод, хариуцлагатай байна.",
            rationale="Нийгмийн ба эв санааны эдийн засгийн байгууллагуудын ил тод байдал",
        )  # fmt: skip
        services.term_propose(
            country_id="MN", method=reference_method(), term="p1", text_en="Voluntary cooperation",
            text_mn="Сайн дурын хамтын ажиллагаа", working=True, rationale="", by=people.committee,
        )  # fmt: skip
    sign_in(page, live_server, people.admin)
    site.visit("/committee/")
    site.visit(f"/committee/versions/{draft.pk}/")
    for summary in page.locator("main details > summary").all():
        summary.click()
    site.check("the working definition, every form open")
    site.visit("/committee/glossary/")


@pytest.mark.parametrize("language", ["en", "mn"])
def test_no_page_is_wider_than_a_phone_and_the_header_leaves_the_screen_to_the_page(
    browser, live_server, demo_db, tmp_path: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    from personas import personas

    people = personas()
    site = tour(browser, live_server, language, people, run_with_problems(tmp_path))
    assert site.seen >= 30, site.seen  # every page was looked at, not skipped
    assert site.problems == [], "\n".join(site.problems)
