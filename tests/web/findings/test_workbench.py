"""The definition workbench on the demo: typed rules checked as one types, counts that follow the
rule, comparisons, and a candidate saved into a new method version."""

from __future__ import annotations

import io
from urllib.parse import quote

import pytest
from django.test import Client

from personas import Personas
from solidata.core.method import read_method
from solidata.web.surveys.models import MethodVersion, Survey

pytestmark = pytest.mark.django_db
BASE = "/findings/mn-demo/workbench/"


def totals(client: Client, rule: str) -> dict[str, int | None]:
    found = client.get(f"/api/findings/mn-demo/workbench/?rule={quote(rule)}").json()
    counts = found["workbench"]["second"]["total"]["counts"]
    return dict(
        zip(["meets", "does_not_meet", "undetermined"], [c["value"] for c in counts], strict=True)
    )


def test_a_stricter_rule_lets_fewer_entities_in(researcher: Client, people: Personas) -> None:
    loose = totals(researcher, "score('P2') >= 40")
    strict = totals(researcher, "score('P2') >= 80")
    assert strict["meets"] < loose["meets"]
    assert sum(strict.values()) == sum(loose.values()) == 156


def test_the_check_endpoint_reports_problems_as_one_types(researcher: Client, people) -> None:
    bad = researcher.get(f"{BASE}check/?rule={quote('score(P2) >=')}", HTTP_HX_REQUEST="true")
    assert bad.status_code == 200 and 'class="rule-problem"' in bad.content.decode()
    rule = quote("score('P2') >= 50")
    good = researcher.get(f"{BASE}check/?rule={rule}", HTTP_HX_REQUEST="true")
    html = good.content.decode()
    assert 'class="rule-ok"' in html and 'id="results" hx-swap-oob="true"' in html


def test_without_javascript_the_form_shows_the_same_results(researcher: Client, people) -> None:
    rule = quote("score('P2') >= 80")
    html = researcher.get(f"{BASE}?rule={rule}").content.decode()
    expected = totals(researcher, "score('P2') >= 80")["meets"]
    assert f'<strong id="count-meets">{expected}</strong>' in html.replace("\n", "")


def test_the_committee_may_not_single_out_entities_by_a_typed_answer(
    committee: Client, people
) -> None:
    rule = quote("${org_name} != 'x'")
    found = committee.get(f"/api/findings/mn-demo/workbench/?rule={rule}")
    assert "stats.rule_answer_not_allowed" not in found.content.decode()  # codes are not shown
    assert found.json()["problems"] and found.json()["workbench"]["second"] is None


def test_comparing_two_method_definitions_shows_who_moves(researcher: Client, people) -> None:
    found = researcher.get("/api/findings/mn-demo/workbench/?a=ilo-2022-strict&b=ilo-2022-core")
    movement = found.json()["workbench"]["movement"]
    assert movement["moved_out"]["value"] == 0  # whoever meets the strict one meets the core one
    assert movement["moved_in"]["value"] == len(movement["names_in"]) > 0


def test_a_researcher_saves_a_candidate_into_a_new_method_version(
    researcher: Client, people
) -> None:
    rule = "score('PUR') >= 50 and score('P2') >= 50"
    response = researcher.post(
        f"{BASE}save/",
        {
            "identifier": "mn-working-draft",
            "rule": rule,
            "label_en": "Working draft",
            "label_mn": "Ажлын төсөл",
            "apply": "on",
        },  # fmt: skip
    )
    assert response.status_code == 302
    survey = Survey.objects.get(slug="mn-demo")
    assert survey.method.version == "2026.3"  # the next after the bundled 2026.2
    method = read_method(io.BytesIO(bytes(survey.method.workbook)))
    assert method.definitions[-1].id == "mn-working-draft"
    assert MethodVersion.objects.filter(method_id=method.id).count() == 2
    found = researcher.get("/api/findings/mn-demo/definitions/?definition=mn-working-draft").json()
    assert found["tables"][0]["title"] == "Working draft"


def test_committee_members_cannot_save(committee: Client, people) -> None:
    response = committee.post(
        f"{BASE}save/", {"identifier": "x", "rule": "true()", "label_en": "X"}
    )
    assert response.status_code == 403
    assert MethodVersion.objects.count() == 1
