"""The findings report as a document and its renderers, on the synthetic demo survey (156
invented organisations, see findings_data.py)."""

from __future__ import annotations

import io
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.findings_data import demo_data
from solidata.core.findings.crosstabs import Findings
from solidata.core.findings.dataset import CLASSIFIERS
from solidata.core.findings.guard import Guard
from solidata.core.reports.charts import Bar, BarChart, chart_png, chart_svg
from solidata.core.reports.document import Numbering, Report, count, text
from solidata.core.reports.findings_report import FindingsSource, findings_report
from solidata.core.reports.naming import findings_words, reference_names
from solidata.core.reports.render import render, render_html, render_pdf
from solidata.core.reports.render_xlsx import render_xlsx
from solidata.core.reports.words import MN, words

SECTIONS = [
    "summary",
    "method",
    "profile",
    "results",
    "by_group",
    "definitions",
    "challenges",
    "annex",
]


@cache
def report(lang: str, guarded: bool) -> Report:
    data = demo_data()
    guard = Guard(data.groups, variables=CLASSIFIERS, min_count=10) if guarded else None
    findings = Findings(
        data, guard=guard, name=reference_names(data.method, lang), words=findings_words(lang)
    )
    return findings_report(FindingsSource(findings, lang=lang, survey="Demo", synthetic=True))


def test_the_report_has_every_section_in_order_with_figures_and_tables_numbered_from_one() -> None:
    doc = report("mn", False)
    assert [s.id for s in doc.sections] == SECTIONS
    assert [f.number for f in doc.figures] == list(range(1, len(doc.figures) + 1))
    assert [t.number for t in doc.tables] == list(range(1, len(doc.tables) + 1))
    assert doc.figures[0].label == "Зураг 1" and doc.tables[0].label == "Хүснэгт 1"
    assert len(doc.figures) >= 6  # types, three score groups, the map, challenges


def test_the_synthetic_data_notice_is_on_the_cover_and_in_the_method_section() -> None:
    doc = report("mn", False)
    assert any(p.text == MN["synthetic"] for p in doc.cover)
    method = next(s for s in doc.sections if s.id == "method")
    assert any(getattr(b, "text", "") == MN["synthetic"] for b in method.blocks)


def test_entity_types_absent_in_mongolia_are_said_to_be_absent_not_zero() -> None:
    doc = report("en", False)
    types = doc.tables[0]
    rows = {r[0].text: r[1].text for r in types.rows}
    assert rows["Mutual society"] == "absent in Mongolia"
    assert report("mn", False).tables[0].rows[-2][1].text == "Монголд байхгүй"


def test_the_committee_edition_hides_small_cells_and_the_full_one_hides_none() -> None:
    full = sum(c.hidden for t in report("en", False).tables for r in t.rows for c in r)
    guarded = sum(c.hidden for t in report("en", True).tables for r in t.rows for c in r)
    assert full == 0 and guarded > 0
    hidden = [c for t in report("en", True).tables for r in t.rows for c in r if c.hidden]
    assert all(c.text == "x" and c.value is None for c in hidden)


def test_numbers_are_formatted_the_language_s_way() -> None:
    assert count(12345, "en").text == "12,345"
    assert count(0.256, "mn", "share").text == "26%"
    assert words("mn")["figure"].format(n=3) == "Зураг 3"


def test_a_spreadsheet_never_takes_a_label_for_a_formula() -> None:
    n = Numbering("en")
    table = n.table("t", "=cmd|' /C calc'!A0", ("Type", "n"), [[text("=SUM(A1)"), count(3, "en")]])
    doc = Report("en", "Title", "-sub", (), (), words("en"))
    doc = Report("en", "Title", "-sub", (), (_section(table),), words("en"))
    book = load_workbook(io.BytesIO(render_xlsx(doc)))
    sheet = book["1"]
    assert sheet["A4"].value == "'=SUM(A1)" and sheet["A4"].data_type == "s"
    assert sheet["B4"].value == 3
    assert book["0"]["A2"].value == "'-sub"


def _section(block):  # type: ignore[no-untyped-def]
    from solidata.core.reports.document import Section

    return Section("s", "Section", (block,))


def test_the_html_report_carries_a_text_alternative_with_every_chart() -> None:
    html = render_html(report("mn", False))
    assert html.count("<svg") == len(report("mn", False).figures)
    assert html.count('class="alt"') == len(report("mn", False).figures)
    assert "Өөрөө өөрийгөө удирдах ёс" in html


def test_a_chart_is_drawn_from_its_data_alone_and_any_change_draws_it_anew() -> None:
    chart = BarChart((Bar("Cooperative", 78.0), Bar("Foundation", None, True)), "Entities")
    first = chart_svg(chart)
    assert chart_svg(BarChart(chart.bars, "Entities")) == first  # kept: the same drawing
    for changed in (
        BarChart((Bar("Cooperative", 79.0), *chart.bars[1:]), "Entities"),
        BarChart((Bar("Кооператив", 78.0), *chart.bars[1:]), "Entities"),
        BarChart(chart.bars, "Entities", width=4.0),
        BarChart((Bar("Cooperative", 78.0), Bar("Foundation", 0.0)), "Entities"),
        BarChart(chart.bars, "Entities", percent=True),
    ):
        assert chart_svg(changed) != first
    assert "Кооператив" in chart_svg(BarChart((Bar("Кооператив", 78.0),), "Entities"))
    png = chart_png(chart)
    assert png.startswith(b"\x89PNG") and chart_png(chart) == png != chart_png(chart, dpi=72)


def test_word_and_excel_editions_are_real_office_files() -> None:
    doc = report("en", True)
    assert render(doc, "docx")[:2] == b"PK"
    book = load_workbook(io.BytesIO(render(doc, "xlsx")))
    assert len(book.sheetnames) == len(doc.tables) + 2


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_pages_render_and_their_text_is_the_mongolian_report(tmp_path: Path) -> None:
    doc = report("mn", True)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_pdf(doc))
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 10 and all(p.stat().st_size > 1000 for p in pages)
    found = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for expected in (
        "ЗОХИОМОЛ ӨГӨГДӨЛ",
        "Өөрөө өөрийгөө удирдах ёс",
        "Монголд байхгүй",
        "Хүндрэл ба боломж",
        "Үнэт зүйлс",
    ):
        assert expected in found
    captions = {line.split(".")[0] for line in found.splitlines() if line.startswith("Зураг ")}
    assert captions == {f"Зураг {k}" for k in range(1, len(doc.figures) + 1)}


def test_an_entity_s_result_hides_peers_of_small_groups_and_keeps_to_a_few_recommendations() -> (
    None
):
    from solidata.core.reports.entity_report import DimensionLine, EntityResult, entity_report

    doc = entity_report(
        EntityResult(
            name="Өлзий Үүр хоршоо",
            lang="mn",
            survey="Demo",
            method="SSE",
            version="1",
            dimensions=(
                DimensionLine("PUR", 80.0, "Тэргүүлэгч", 50.0, 60.0, 70.0),
                DimensionLine("P1", None, "оноогүй", None, None, None, peers_hidden=True),
            ),
            recommendations=tuple(f"Зөвлөмж {k}" for k in range(6)),
        )
    )
    assert doc.title == "Өлзий Үүр хоршоо" and doc.compact
    scores = doc.tables[0]
    assert [c.text for c in scores.rows[0][1:]] == ["80.0", "Тэргүүлэгч", "60.0", "50.0–70.0"]
    assert scores.rows[1][3].hidden and scores.rows[1][4].text == "x"
    items = next(b for b in doc.sections[0].blocks if hasattr(b, "items"))
    assert len(items.items) == 4  # type: ignore[union-attr]
    assert "Өөр 2 зөвлөмж" in render_html(doc)


def test_the_scores_by_entity_type_say_absent_types_are_absent_too() -> None:
    doc = report("en", False)
    grid = next(t for t in doc.tables if t.id == "means-entity_type")
    assert [c.text for c in grid.rows[-2][:2]] == ["Mutual society", "absent in Mongolia"]
