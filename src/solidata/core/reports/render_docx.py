"""A report as a Word document (python-docx): headings, numbered captions, tables, PNG charts.

Example::

    >>> import io, docx
    >>> from solidata.core.reports.document import Paragraph, Report, Section
    >>> summary = Section("summary", "Summary", (Paragraph("Synthetic data."),))
    >>> report = Report(lang="en", title="Example", subtitle="", cover=(), sections=(summary,))
    >>> document = docx.Document(io.BytesIO(render_docx(report)))
    >>> [(p.style.name, p.text) for p in document.paragraphs if p.text]
    [('Title', 'Example'), ('Heading 1', '1. Summary'), ('Normal', 'Synthetic data.')]
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt, RGBColor

from solidata.core.reports.charts import chart_png
from solidata.core.reports.document import Figure, Heading, Items, Paragraph, Report, TableBlock


def render_docx(report: Report) -> bytes:
    """The report as DOCX bytes."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Noto Sans"
    style.font.size = Pt(10)
    doc.core_properties.title = f"{report.title}: {report.subtitle}"
    doc.core_properties.language = report.lang
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.subtitle)
    for p in report.cover:
        _paragraph(doc, p)
    for k, section in enumerate(report.sections, start=1):
        doc.add_page_break()  # type: ignore[no-untyped-call]
        doc.add_heading(f"{k}. {section.title}", level=1)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                _paragraph(doc, block)
            elif isinstance(block, Heading):
                doc.add_heading(block.text, level=2)
            elif isinstance(block, Items):
                for item in block.items:
                    doc.add_paragraph(item, style="List Bullet")
            elif isinstance(block, Figure):
                doc.add_picture(io.BytesIO(chart_png(block.chart)), width=Inches(6.0))
                _caption(
                    doc, block.label, block.caption + (f" ({block.table})" if block.table else "")
                )
                note = doc.add_paragraph(block.alt)
                note.runs[0].font.size = Pt(8)
            elif isinstance(block, TableBlock):
                _table(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _paragraph(doc: object, p: Paragraph) -> None:
    if p.style == "subheading":
        doc.add_heading(p.text, level=2)  # type: ignore[attr-defined]
        return
    para = doc.add_paragraph()  # type: ignore[attr-defined]
    run = para.add_run(p.text)
    if p.style == "notice":
        run.bold = True
        run.font.color.rgb = RGBColor(0x9A, 0x34, 0x12)
    elif p.style == "note":
        run.font.size = Pt(8)


def _caption(doc: object, label: str, caption: str) -> None:
    para = doc.add_paragraph(style="Caption")  # type: ignore[attr-defined]
    para.add_run(label + ". ").bold = True
    para.add_run(caption)


def _table(doc: object, block: TableBlock) -> None:
    _caption(doc, block.label, block.caption)
    table = doc.add_table(rows=1, cols=len(block.header))  # type: ignore[attr-defined]
    table.style = "Light List"
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.text = text
    for r, row in enumerate(block.rows):
        cells = table.add_row().cells
        for k, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = value.text
            para = cell.paragraphs[0]
            if value.numeric and k:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if block.total_last and r == len(block.rows) - 1:
                for run in para.runs:
                    run.bold = True
    for note in block.notes:
        para = doc.add_paragraph(note)  # type: ignore[attr-defined]
        para.runs[0].font.size = Pt(8)
