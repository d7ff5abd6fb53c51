"""The findings report from the findings pages: a button, the reader's edition, CSV downloads
Excel reads. Personas (tests/personas.py): a researcher sees every cell, a committee member sees
small cells hidden, as on the pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from solidata.core.reports.words import EN, MN
from solidata.web.findings.reports import findings_document
from solidata.web.findings.selectors import survey_by_slug, survey_dataset


def test_the_overview_page_offers_the_report_in_both_languages(committee: Client) -> None:
    html = committee.get("/findings/mn-demo/").content.decode()
    assert 'action="/findings/mn-demo/report/"' in html
    assert 'value="mn"' in html and 'value="docx"' in html


def test_the_committee_report_hides_what_the_pages_hide_and_the_researcher_s_hides_nothing(
    people,  # type: ignore[no-untyped-def]
) -> None:
    survey = survey_by_slug("mn-demo")
    dataset = survey_dataset(survey)
    full = findings_document(survey=survey, dataset=dataset, lang="en", suppressed=False)
    cut = findings_document(survey=survey, dataset=dataset, lang="en", suppressed=True)
    assert sum(c.hidden for t in full.tables for r in t.rows for c in r) == 0
    assert sum(c.hidden for t in cut.tables for r in t.rows for c in r) > 0
    assert any(p.text.startswith(EN["synthetic"][:20]) for p in cut.cover)


def test_a_committee_member_downloads_the_suppressed_edition(committee: Client) -> None:
    response = committee.get("/findings/mn-demo/report/?lang=en&format=html")
    assert response.status_code == 200
    html = response.content.decode()
    assert EN["edition_suppressed"].format(n=5)[:40] in html
    assert re.search(r'class="num hidden-cell">x<', html)


def test_a_researcher_downloads_the_full_edition_as_word(researcher: Client) -> None:
    response = researcher.get("/findings/mn-demo/report/?lang=mn&format=docx")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert "mn-demo-findings-mn-full.docx" in response["Content-Disposition"]


def test_an_unknown_format_is_refused_with_a_clear_message(researcher: Client) -> None:
    response = researcher.get("/findings/mn-demo/report/?lang=mn&format=odt")
    assert response.status_code == 400 and "pdf, docx" in response.content.decode()


def test_someone_signed_out_gets_no_report(client: Client, people) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/findings/mn-demo/report/?format=pdf")
    assert response.status_code == 302


def test_csv_downloads_start_with_a_byte_order_mark_and_links_name_their_table(
    researcher: Client,
) -> None:
    html = researcher.get("/findings/mn-demo/counts/").content.decode()
    assert re.search(r"Download “Entities by [^”]+” as CSV", html)
    response = researcher.get("/findings/mn-demo/counts/?format=csv&table=counts")
    assert response.content.startswith("\ufeff".encode())


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_committee_pdf_in_mongolian_has_no_small_cells(
    committee: Client, tmp_path: Path
) -> None:
    response = committee.get("/findings/mn-demo/report/?lang=mn&format=pdf")
    assert response.status_code == 200 and response.content[:5] == b"%PDF-"
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(response.content)
    found = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "ЗОХИОМОЛ ӨГӨГДӨЛ" in found and "Монголд байхгүй" in found
    assert MN["edition_suppressed"][:30] in found
    survey = survey_by_slug("mn-demo")
    document = findings_document(
        survey=survey, dataset=survey_dataset(survey), lang="mn", suppressed=True
    )
    hidden = sum(c.hidden for t in document.tables for r in t.rows for c in r)
    assert hidden > 0 and found.split().count("x") > 0


def test_counts_and_scores_pages_draw_a_chart_beside_their_table(committee: Client) -> None:
    for page in ("counts/", "scores/", ""):
        html = committee.get(f"/findings/mn-demo/{page}").content.decode()
        assert '<figure class="table-chart">' in html and 'class="chart"' in html
        assert "The table below gives its numbers." in html
    # A group hidden in the committee's table is a hatched x in its chart, never its number.
    html = committee.get("/findings/mn-demo/counts/?rows=admin_area").content.decode()
    chart = html[html.index('<figure class="table-chart">') : html.index("</figure>")]
    assert ">x<" in chart


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Case study "), ("mn", "Тохиолдлын судалгаа ")]
)
def test_the_report_shows_published_case_studies_as_boxes_with_their_quotes(
    researcher: Client, lang: str, heading: str
) -> None:
    from solidata.web.casestudies.selectors import report_boxes
    from solidata.web.surveys.models import Survey

    boxes = report_boxes(Survey.objects.get(slug="mn-demo"), lang)
    assert boxes, "the demo has published case studies"
    html = researcher.get(f"/findings/mn-demo/report/?lang={lang}&format=html").content.decode()
    assert len(re.findall(re.escape(heading) + r"\d+: ", html)) == len(boxes)
    assert boxes[0].summary in html and all(f"«{q}»" in html for q in boxes[0].quotes)
