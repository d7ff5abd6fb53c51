"""The workbench lists the codes a typed rule may use, named in the page's language: every
dimension and indicator score, and the answers the reader may use (choice questions only for a
reader who may not see small groups)."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.test import Client

from personas import Personas
from solidata.core.definitions import check_rule
from solidata.web.surveys.models import Survey
from solidata.web.surveys.selectors import method_of

pytestmark = pytest.mark.django_db
BASE = "/findings/mn-demo/workbench/"


def codes(client: Client, language: str = "en") -> tuple[dict[str, str], str]:
    client.cookies["django_language"] = language
    page = client.get(BASE).content.decode()
    box = page[
        page.index('id="rule-codes"') : page.index("</details>", page.index('id="rule-codes"'))
    ]
    pairs = re.findall(r"<dt[^>]*><code>([^<]+)</code></dt><dd[^>]*>([^<]+)", box)
    return {html_lib.unescape(code): label for code, label in pairs}, box


def test_every_dimension_and_indicator_is_listed_with_its_name(
    researcher: Client, people: Personas
) -> None:
    method = method_of(Survey.objects.get(slug="mn-demo").method)
    listed, _ = codes(researcher)
    for d in method.dimensions:
        assert listed[f"score('{d.id}')"] == method.text(d.labels, "en")
    for i in method.indicators:
        assert f"score('{i.id}')" in listed
    assert listed["score('P2')"] == "Democratic and/or participatory governance"
    mongolian, _ = codes(researcher, "mn")
    assert mongolian["score('P2')"] == method.text(method.dimension("P2").labels, "mn")


def test_every_listed_code_is_accepted_by_the_rule_checker(
    researcher: Client, committee: Client, people: Personas
) -> None:
    method = method_of(Survey.objects.get(slug="mn-demo").method)
    for client, allowed in ((researcher, True), (committee, False)):
        listed, _ = codes(client)
        for code in listed:
            rule = f"{code} >= 1" if code.startswith("score(") else f"{code} != ''"
            check = check_rule(method, rule, answers_allowed=allowed)
            assert [p.code for p in check.problems] == [], (code, allowed)


def test_the_answers_carry_their_labels_and_choices_and_the_committee_sees_choices_only(
    researcher: Client, committee: Client, people: Personas
) -> None:
    listed, box = codes(researcher)
    assert "${members_women}" in listed  # a number: researchers may use it
    assert "${legal_form}" in listed
    assert re.search(r"<code>'mn_cooperative'</code> [^<;]*[Cc]ooperative", box)  # with its label
    limited, limited_box = codes(committee)
    assert "${members_women}" not in limited and "${org_name}" not in limited
    assert "${legal_form}" in limited
    assert "Only choice questions" in limited_box
