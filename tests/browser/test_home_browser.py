"""The home page in a real browser: the language switch works without JavaScript."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_switching_to_mongolian_changes_the_page_and_is_remembered(page, live_server) -> None:
    from solidata.web.registry.services import reference_load

    reference_load()
    page.goto(live_server.url + "/")
    assert page.locator("h2#what-sse").inner_text() == "What is the social and solidarity economy?"
    page.select_option("#language", "mn")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    assert "эдийн засаг" in page.locator("h2#what-sse").inner_text()
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "mn"
