"""The case studies' codes beside the survey's answers; awareness by type and aimag; entity
types that do not exist in Mongolia shown as absent, not as zero."""

from __future__ import annotations

import pytest

from personas import Personas
from solidata.web.casestudies.models import CaseStudy
from web.casestudies.conftest import signed_in

pytestmark = pytest.mark.django_db


def _cells(payload: dict, table_id: str, row_key: str) -> dict:  # type: ignore[type-arg]
    table = next(t for t in payload["tables"] if t["id"] == table_id)
    row = next(r for r in table["rows"] if r["key"] == row_key)
    return {c["column"]: c for c in row["cells"]}


def test_the_comparison_counts_each_code_of_the_case_studies_beside_the_survey(
    people: Personas,
) -> None:
    payload = signed_in(people.researcher).get("/case-studies/compare/mn-demo/?format=json").json()
    climate = _cells(payload, "compare-challenges", "climate")
    coded = sum("climate" in c.challenges for c in CaseStudy.objects.all())
    assert coded == 2 and climate["case_studies"]["value"] == 2
    assert climate["case_studies_share"]["value"] == pytest.approx(2 / 3)
    choices = signed_in(people.researcher).get("/api/findings/mn-demo/choices/").json()
    total = next(r for r in choices["tables"][0]["rows"] if r["key"] is None)
    ticked = next(c for c in total["cells"] if c["column"] == "count:climate")
    assert climate["survey"]["value"] == ticked["value"] > 0


def test_the_committee_sees_the_comparison_with_small_cells_hidden(people: Personas) -> None:
    committee = signed_in(people.committee)
    page = committee.get("/case-studies/compare/mn-demo/")
    assert page.status_code == 200
    payload = committee.get("/case-studies/compare/mn-demo/?format=json").json()
    assert payload["small_cells_hidden"] is True
    rare = [
        c["survey"]
        for t in payload["tables"]
        for r in t["rows"]
        for c in [{x["column"]: x for x in r["cells"]}]
        if c["survey"]["hidden"]
    ]
    researcher = signed_in(people.researcher).get("/case-studies/compare/mn-demo/?format=json")
    assert not any(
        c["hidden"] for t in researcher.json()["tables"] for r in t["rows"] for c in r["cells"]
    )
    assert rare, "some choice is ticked by fewer entities than the minimum cell"
    assert signed_in(people.entity).get("/case-studies/compare/mn-demo/").status_code == 403


def test_awareness_is_shown_by_entity_type_and_aimag(people: Personas) -> None:
    payload = signed_in(people.researcher).get("/api/findings/mn-demo/awareness/").json()
    ids = {t["id"] for t in payload["tables"]}
    assert ids == {
        "sse_known-entity_type",
        "sse_known-admin_area",
        "sse_part-entity_type",
        "sse_part-admin_area",
    }
    coop = _cells(payload, "sse_known-entity_type", "cooperative")
    herders = _cells(payload, "sse_known-entity_type", "self_help_group")
    counts = [coop[f"count:{c}"]["value"] for c in ("yes", "heard", "no")]
    assert sum(counts) == coop["n"]["value"]  # every demo respondent answered
    # The demo makes the term better known among cooperatives than among herder groups.
    assert coop["share:yes"]["value"] > herders["share:yes"]["value"]


def test_the_committee_sees_awareness_with_small_cells_hidden(people: Personas) -> None:
    payload = signed_in(people.committee).get("/api/findings/mn-demo/awareness/").json()
    table = next(t for t in payload["tables"] if t["id"] == "sse_known-admin_area")
    assert any(c["hidden"] for r in table["rows"] for c in r["cells"])


def test_entity_types_absent_in_mongolia_are_rows_that_say_so_not_zero(people: Personas) -> None:
    client = signed_in(people.researcher)
    payload = client.get("/api/findings/mn-demo/counts/").json()
    mutual = _cells(payload, "counts", "mutual_society")
    assert all(c["absent"] and c["value"] is None for c in mutual.values())
    html = client.get("/findings/mn-demo/counts/").content.decode()
    start = html.index("Mutual", html.index("<table"))  # the row, not the chart above it
    row = html[start : html.index("</tr>", start)]
    assert "absent in Mongolia" in row and ">0<" not in row
    csv = client.get("/findings/mn-demo/counts/?format=csv").content.decode()
    assert any(line.startswith("Mutual") and "absent" in line for line in csv.splitlines())
    mn = client.get("/findings/mn-demo/awareness/", HTTP_ACCEPT_LANGUAGE="mn")
    assert "Монголд байхгүй" in mn.content.decode()


def test_present_types_without_entities_are_not_called_absent(people: Personas) -> None:
    payload = signed_in(people.researcher).get("/api/findings/mn-demo/counts/").json()
    keys = {r["key"] for r in payload["tables"][0]["rows"]}
    absent = {
        r["key"] for r in payload["tables"][0]["rows"] if any(c.get("absent") for c in r["cells"])
    }
    assert absent == {"mutual_society"} and "cooperative" in keys


def test_the_directory_lists_absent_types_as_absent_not_as_a_filter(people: Personas) -> None:
    html = signed_in(None).get("/organisations/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    option = html[html.index('value="mutual_society"') :]
    option = option[: option.index("</option>")]
    assert "disabled" in option and "Монголд байхгүй" in option
    cooperative = html[html.index('value="cooperative"') :]
    assert "disabled" not in cooperative[: cooperative.index("</option>")]


def test_a_committee_members_case_study_pages_in_mongolian_have_no_english(
    people: Personas,
) -> None:
    from web.test_mongolian_pages import english_on, mongolian

    client = mongolian(people.committee)
    urls = ["/case-studies/", "/case-studies/compare/mn-demo/", "/findings/mn-demo/awareness/"]
    urls += [f"/case-studies/{c.pk}/" for c in CaseStudy.objects.all()]
    found = [text for url in urls for text in english_on(client, url)]
    assert not found, "\n".join(found)


def test_with_entity_types_as_columns_the_absent_type_is_a_column_that_says_so(
    people: Personas,
) -> None:
    client = signed_in(people.researcher)
    payload = client.get("/api/findings/mn-demo/counts/?rows=admin_area&cols=entity_type").json()
    table = payload["tables"][0]
    keys = [c["key"] for c in table["columns"]]
    assert "mutual_society" in keys and keys[-1] == "total"
    at = keys.index("mutual_society")
    for row in table["rows"]:
        assert row["cells"][at].get("absent") and row["cells"][at]["value"] is None
        others = [c["value"] for i, c in enumerate(row["cells"][:-1]) if i != at]
        assert sum(others) == row["cells"][-1]["value"]  # the total is unchanged
