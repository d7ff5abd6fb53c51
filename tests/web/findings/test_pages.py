"""The findings pages: who may see them, what they show on the demo, in English and Mongolian."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from personas import Personas

pytestmark = pytest.mark.django_db
PAGES = ["", "counts/", "scores/", "choices/", "definitions/", "workbench/", "frame/"]
CYRILLIC = re.compile(r"[А-Яа-яӨөҮүЁё]")


def test_a_researcher_opens_every_findings_page_of_the_demo(researcher: Client, people) -> None:
    for page in PAGES:
        response = researcher.get(f"/findings/mn-demo/{page}")
        assert response.status_code == 200, page
        html = response.content.decode()
        assert "Synthetic demonstration data." in html  # the notice base.html adds
        assert "Weighted to a sampling frame of 7,550 entities" in html


def test_anonymous_visitors_are_asked_to_sign_in(client: Client, people: Personas) -> None:
    response = client.get("/findings/mn-demo/counts/")
    assert response.status_code == 302 and "next=" in response["Location"]
    assert client.get("/api/findings/mn-demo/counts/").status_code == 401


def test_people_without_aggregate_rights_are_refused(people: Personas) -> None:
    for user in (people.entity, people.enumerator, people.foreign_researcher):
        client = Client()
        client.force_login(user)
        assert client.get("/findings/mn-demo/").status_code == 403
        assert client.get("/api/findings/mn-demo/counts/").status_code == 403


def test_the_overview_counts_entities_by_every_classification(researcher: Client, people) -> None:
    found = researcher.get("/api/findings/mn-demo/").json()
    ids = [t["id"] for t in found["tables"]]
    assert ids == ["counts-admin_area", "counts-entity_type", "counts-legal_form", "counts-sector",
                   "overview"]  # fmt: skip
    totals = [t["rows"][-1]["cells"][0]["value"] for t in found["tables"][:4]]
    assert totals == [156, 156, 156, 156]


def test_scores_show_standard_errors_and_intervals_with_the_demo_frame(
    researcher: Client, people
) -> None:
    found = researcher.get("/api/findings/mn-demo/scores/?measure=P2&rows=entity_type").json()
    table = found["tables"][0]
    assert found["weighted"] and table["weighted"]
    keys = [c["key"] for c in table["columns"]]
    assert {"weighted_mean", "se", "ci_low", "ci_high"} <= set(keys)
    total = table["rows"][-1]["cells"]
    low, mean, high = (
        total[keys.index(k)]["value"] for k in ("ci_low", "weighted_mean", "ci_high")
    )
    assert low < mean < high


def test_without_a_frame_the_findings_say_they_are_unweighted(researcher: Client, people) -> None:
    from solidata.web.findings.models import SamplingFrame

    SamplingFrame.objects.all().delete()
    html = researcher.get("/findings/mn-demo/scores/").content.decode()
    assert "No sampling frame: the findings are unweighted." in html
    assert "Mean (weighted)" not in html


def test_every_table_downloads_as_csv(researcher: Client, people) -> None:
    for page in ["", "counts/?rows=sector&cols=entity_type", "scores/?measure=V1",
                 "choices/?question=opportunities", "definitions/"]:  # fmt: skip
        html = researcher.get(f"/findings/mn-demo/{page}").content.decode()
        links = re.findall(r'href="(\?[^"]*format=csv[^"]*)"', html)
        assert links, page
        for link in links:
            path = f"/findings/mn-demo/{page.split('?')[0]}{link.replace('&amp;', '&')}"
            response = researcher.get(path)
            assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
            assert "attachment" in response["Content-Disposition"]


def test_challenges_and_opportunities_are_counted(researcher: Client, people) -> None:
    found = researcher.get("/api/findings/mn-demo/choices/?question=challenges&rows=entity_type")
    table = found.json()["tables"][0]
    assert table["title"].startswith("What are the main challenges")
    assert any(c["key"] == "count:finance" for c in table["columns"])


def test_the_findings_are_in_mongolian_too(researcher: Client, people) -> None:
    html = researcher.get("/findings/mn-demo/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert '<html lang="mn">' in html
    assert "Улаанбаатар" in html  # aimag names from the reference data
    assert "Хоршоо" in html  # entity types
    assert CYRILLIC.search(html.split('id="t-overview"')[1])  # the method's dimension names
    assert "Зохиомол, үзүүлэнгийн өгөгдөл" in html  # the synthetic-data notice
    assert "Түүврийн хүрээ" in html and "Findings" not in html  # the interface is translated
    scores = researcher.get("/findings/mn-demo/scores/?measure=P2", HTTP_ACCEPT_LANGUAGE="mn")
    assert scores.status_code == 200
