"""The definition workbench in a real browser: editing a rule changes the counts as one types."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, user) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])


def test_editing_a_rule_changes_the_counts_without_reloading(page, live_server) -> None:
    from personas import personas
    from solidata.web.demo_data import demo_load

    demo_load()
    sign_in(page, live_server, personas().researcher)
    page.goto(live_server.url + "/findings/mn-demo/workbench/")
    rule = page.locator("#wb-rule")
    rule.fill("score('P2') >= 40")
    page.wait_for_selector("#rule-check .rule-ok")
    # predicates as functions: a string would be run with eval, which the site's
    # Content-Security-Policy refuses
    page.wait_for_function(
        "() => document.querySelector('#res-h').textContent.includes('Candidate')"
    )
    loose = int(page.locator("#count-meets").inner_text())
    rule.fill("score('P2') >= 90")
    page.wait_for_function(
        f"() => document.querySelector('#count-meets').textContent.trim() !== '{loose}'"
    )
    strict = int(page.locator("#count-meets").inner_text())
    assert strict < loose
    assert page.url.endswith("/workbench/")  # updated in place, no page load
    rule.fill("score('P2') >=")
    page.wait_for_selector("#rule-check .rule-problem")
