"""The self-assessment in a real browser on a 360x740 phone screen, in Mongolian: with JavaScript
(autosave, live relevance, an offline copy on the phone) and without it; the weight of the first
form step; accessibility checked by axe-core (vendored, see vendor/README.md)."""

from __future__ import annotations

import contextlib
import gzip
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from web.assessments.filling import answer_for

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
STEP = re.compile(r"/step/(\d+)/")
BUDGET = 60_000  # bytes transferred by the first load of a form step
NEXT = "button[name=action][value=next]"


def bundled_method():  # type: ignore[no-untyped-def]
    from solidata.web.assessments.services import OPEN_DEMO_SURVEY
    from solidata.web.surveys.models import Survey
    from solidata.web.surveys.selectors import method_of

    return method_of(Survey.objects.get(slug=OPEN_DEMO_SURVEY).method)


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    # evaluated by the browser's debugging protocol: an inline <script> tag, as add_script_tag
    # adds, is refused by the site's Content-Security-Policy (as it should be)
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def step_number(page: Any) -> int | None:
    found = STEP.search(page.url)
    return int(found.group(1)) if found else None


def fill_visible(page: Any, method: Any, done: set[str]) -> None:
    """Answer every shown question of the page not answered yet, as a person would."""
    for box in page.locator(".q:not([hidden])").all():
        name = box.get_attribute("data-name")
        question = method.question(name)
        if name in done or question is None or not question.is_answer:
            continue
        done.add(name)
        value = answer_for(method, question)
        if box.locator("select").count():
            box.locator("select").select_option(value)
        elif box.locator("input[type=radio], input[type=checkbox]").count():
            for choice in value.split():
                box.locator(f"input[value='{choice}']").check()
        else:
            box.locator("input, textarea").first.fill(value)


def finish_step(page: Any, method: Any) -> None:
    """Fill the step and go on; stay while the server shows questions that just appeared."""
    number, done = step_number(page), set()  # type: ignore[var-annotated]
    for _ in range(4):
        fill_visible(page, method, done)
        with page.expect_navigation():
            page.click(NEXT)
        if step_number(page) != number:
            return
    raise AssertionError(f"stuck on step {number}: {page.url}")


def private_link(page: Any) -> str:
    return page.locator("a.private-link").get_attribute("href")


def first_step_weight(browser: Any, url: str, host: str) -> tuple[int, list[str]]:
    """Bytes a fresh phone receives to show the step behind ``url``, and every host it asked.

    HTML is gzipped by Django's GZipMiddleware here as in production; the test server sends
    static files as they are, so for them the gzip size is counted: whitenoise serves the
    compressed copy it made at collectstatic (whichever is smaller, as whitenoise does).
    """
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="mn")
    page = context.new_page()
    finished: list[Any] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    total, hosts = 0, []
    for request in finished:
        hosts.append(urlsplit(request.url).netloc)
        response = request.response()
        sent = request.sizes()["responseBodySize"]
        if "/static/" in request.url and not response.header_value("content-encoding"):
            body = response.body()
            sent = min(len(body), len(gzip.compress(body, 9)))
        total += sent
    context.close()
    assert any(r.url.endswith(".js") for r in finished)  # the script is part of the load
    return total, [h for h in hosts if h != host]


def test_the_assessment_with_javascript_in_mongolian_on_a_phone(
    page, browser, live_server, demo_db
) -> None:
    from solidata.web.surveys.models import Submission

    method = bundled_method()
    page.goto(live_server.url + "/")
    page.click(".cta a")
    page.click("form.start button[type=submit]")
    assert step_number(page) == 1
    # the language is switched mid-form, from the form itself
    page.get_by_role("button", name="Монгол").click()
    assert page.locator("html").get_attribute("lang") == "mn"
    assert page.locator("h1").inner_text() == "Энэ асуулгын тухай"

    weight, foreign = first_step_weight(
        browser, private_link(page), urlsplit(live_server.url).netloc
    )
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert weight <= BUDGET, f"first step weighs {weight} bytes"
    print(f"\nfirst form step: {weight} bytes transferred")  # noqa: T201 - shown with -s

    assert serious_violations(page) == []
    finish_step(page, method)  # step 1

    # live relevance: "other" legal form opens a question, without leaving the page
    other = page.locator("#q-legal_form_other")
    assert other.is_hidden()
    page.select_option("#f-legal_form", "other")
    other.wait_for(state="visible")
    page.select_option("#f-legal_form", "mn_cooperative")
    other.wait_for(state="hidden")
    finish_step(page, method)  # step 2

    # reload in the middle: what was typed is kept by the autosave
    with page.expect_response(lambda r: r.url.endswith("/save/")):
        page.locator(".q:not([hidden]) input[type=radio]").first.check()
    page.reload()
    assert page.locator(".q:not([hidden]) input[type=radio]").first.is_checked()

    # the connection drops: answers stay on the phone, and come back through the private link
    link = private_link(page)
    page.context.set_offline(True)
    current = step_number(page)
    fill_visible(page, method, set())
    page.click(NEXT)
    page.locator(".save-status.offline").wait_for()
    assert step_number(page) == current
    page.context.set_offline(False)
    page.goto(link)
    assert step_number(page) == current
    page.locator(".save-status:not(:empty)").wait_for()
    # a box ticked only while offline is back
    assert page.locator(".q:not([hidden]) input[type=checkbox]:checked").count() >= 1
    with page.expect_navigation():
        page.click(NEXT)

    while step_number(page) is not None:
        finish_step(page, method)
    assert page.url.endswith("/check/")
    page.locator("form.submit button").dblclick()  # a double tap sends once
    page.wait_for_url(re.compile(r"/result/$"))
    assert Submission.objects.filter(source="web").count() == 1

    assert page.locator("#profile-h").is_visible()
    assert page.locator(".dim").count() == len(method.dimensions)
    assert page.locator(".definition").count() == len(method.definitions)
    assert page.locator(".clauses li").count() > 0
    assert page.locator("#recs-h").is_visible()
    assert page.locator("table.peers").is_visible()  # 156 demo peers
    assert page.locator(".print-button").is_visible()
    assert serious_violations(page) == []


def test_the_assessment_without_javascript_survives_a_dropped_request(browser, live_server) -> None:
    from solidata.web.assessments.models import Draft
    from solidata.web.assessments.services import survey_ensure_open_demo
    from solidata.web.registry.services import reference_load
    from solidata.web.surveys.models import Submission
    from solidata.web.surveys.services import method_version_ensure_bundled

    reference_load()
    survey_ensure_open_demo(method=method_version_ensure_bundled())
    method = bundled_method()
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="mn", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/assess/")
    page.click("form.start button[type=submit]")
    assert page.locator("h1").inner_text() == "Энэ асуулгын тухай"
    finish_step(page, method)  # step 1
    finish_step(page, method)  # step 2: questions appear after the first post; all kept
    assert step_number(page) == 3

    # the phone loses the connection while sending step 3: the request never arrives
    link = private_link(page)
    fill_visible(page, method, set())

    def drop(route: Any) -> None:
        if route.request.method == "POST":
            route.abort("internetdisconnected")
        else:
            route.continue_()

    from playwright.sync_api import Error as PlaywrightError  # here: -m "not slow" never loads it

    page.route("**/step/3/", drop)
    with contextlib.suppress(PlaywrightError):
        page.click(NEXT)
    page.wait_for_load_state()
    draft = Draft.objects.get()
    assert draft.step == 3 and "purpose_written" not in draft.answers  # nothing arrived
    page.unroute("**/step/3/")
    page.goto(link)
    assert step_number(page) == 3  # back where it stopped
    page.goto(link.rstrip("/") + "/step/2/")
    assert page.locator("#f-org_name").input_value() == "Хоршоо Тест"  # step 2 is all there
    page.reload()  # and a reload changes nothing
    assert page.locator("#f-members_women").input_value() == "12"
    page.goto(link)

    while step_number(page) is not None:
        finish_step(page, method)
    page.click("form.submit button")
    page.wait_for_url(re.compile(r"/result/$"))
    assert Submission.objects.filter(source="web").count() == 1
    assert page.locator(".dim").count() == len(method.dimensions)
    assert page.locator(".definition").count() == len(method.definitions)
    assert page.locator("#recs-h").is_visible()
    context.close()
