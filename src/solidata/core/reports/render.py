"""A report rendered as HTML (Jinja2) and PDF (WeasyPrint), offline: fonts come from the system
(fontconfig: Noto Sans, DejaVu Sans), charts are inline SVG, nothing is fetched.

Example::

    >>> from solidata.core.reports.document import Paragraph, Report, Section
    >>> summary = Section("summary", "Хураангуй", (Paragraph("Өгөгдөл нь зохиомол."),))
    >>> report = Report(lang="mn", title="Жишээ", subtitle="", cover=(), sections=(summary,))
    >>> "Хураангуй" in render_html(report), render_pdf(report)[:5]
    (True, b'%PDF-')
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

import jinja2

from solidata.core.reports.charts import Chart, chart_svg
from solidata.core.reports.document import Report

FORMATS = ("pdf", "html", "docx", "xlsx")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@cache
def _template() -> jinja2.Template:
    text = resources.files("solidata.core.reports.templates").joinpath("report.html.j2")
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(text.read_text("utf-8"))


@cache
def _css() -> str:
    files = resources.files("solidata.core.reports.templates")
    return files.joinpath("report.css").read_text("utf-8")


def render_html(report: Report, *, charts: bool = True) -> str:
    """The report as one self-contained HTML page (``charts`` False: captions and text only)."""

    def svg(chart: Chart) -> str:
        return chart_svg(chart)

    return _template().render(report=report, css=_css(), charts=charts, svg=svg)


def render_pdf(report: Report, *, charts: bool = True) -> bytes:
    """The report as PDF: A4, numbered pages, the same HTML laid out by WeasyPrint."""
    return html_pdf(render_html(report, charts=charts))


def html_pdf(html: str) -> bytes:
    import weasyprint

    # WeasyPrint warns about every SVG presentation attribute its CSS parser skips (its SVG
    # renderer reads them all the same): only errors are worth a reader's attention.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    pdf = weasyprint.HTML(string=html, base_url=None).write_pdf()
    assert pdf is not None
    return bytes(pdf)


def render(report: Report, fmt: str) -> bytes:
    """The report as bytes in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "html":
        return render_html(report).encode("utf-8")
    if fmt == "docx":
        from solidata.core.reports.render_docx import render_docx

        return bytes(render_docx(report))
    if fmt == "xlsx":
        from solidata.core.reports.render_xlsx import render_xlsx

        return bytes(render_xlsx(report))
    raise ValueError(f"not a report format: {fmt}")
