"""A report as a workbook (xlsxwriter): a contents sheet, one sheet per table, a sheet of figures.

Numbers stay numbers (shares and scores with their formats); a hidden cell is the text ``x``.
Every text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``) is written as a string, never a formula: labels typed by users cannot run on a committee
member's computer.

Example::

    >>> import io, openpyxl
    >>> from solidata.core.reports.document import Report, Section, TableBlock, TextCell
    >>> row = (TextCell("=HYPERLINK(1)", numeric=False), TextCell("5", 5.0))
    >>> table = TableBlock("t", 1, "Table 1", "Groups", ("Group", "Entities"), (row,))
    >>> report = Report(lang="en", title="Example", subtitle="", cover=(),
    ...                 sections=(Section("annex", "Annex", (table,)),))
    >>> sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["1"]
    >>> [(cell.value, cell.data_type) for cell in sheet[4]]
    [("'=HYPERLINK(1)", 's'), (5, 'n')]
"""

from __future__ import annotations

import io

import xlsxwriter

from solidata.core.reports.charts import chart_png
from solidata.core.reports.document import Report, TableBlock

FORMULA_STARTS = ("=", "+", "-", "@")


def render_xlsx(report: Report) -> bytes:
    """The report's tables (and its figures as pictures) as XLSX bytes."""
    out = io.BytesIO()
    # strings_to_formulas False: no text cell ever becomes a formula; strings_to_numbers False:
    # labels like "1.5" stay text.
    book = xlsxwriter.Workbook(
        out, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
    )
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    formats = {
        "share": book.add_format({"num_format": "0%"}),
        "score": book.add_format({"num_format": "0.0"}),
        "count": book.add_format({"num_format": "#,##0"}),
        "total": book.add_format({"num_format": "#,##0.0"}),
    }
    hidden = book.add_format({"align": "right", "font_color": "#9A3412"})
    contents = book.add_worksheet("0")
    contents.set_column(0, 0, 100)
    line = 0
    for text in (report.title, report.subtitle, *(p.text for p in report.cover)):
        contents.write_string(line, 0, safe(text), bold if line == 0 else wrap)
        line += 1
    line += 1
    for table in report.tables:
        contents.write_string(line, 0, safe(f"{table.label}. {table.caption}"))
        line += 1
        _sheet(book, table, bold, wrap, formats, hidden)
    figures = book.add_worksheet(report.words.get("figure", "Figure").format(n="").strip()[:31])
    row = 0
    for figure in report.figures:
        figures.write_string(row, 0, safe(f"{figure.label}. {figure.caption}"), bold)
        figures.insert_image(
            row + 1, 0, f"{figure.id}.png", {"image_data": io.BytesIO(chart_png(figure.chart, 100))}
        )
        row += 30
    book.close()
    return out.getvalue()


def safe(text: str) -> str:
    """``text`` as a string that no spreadsheet takes for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _sheet(
    book: xlsxwriter.Workbook,
    table: TableBlock,
    bold: object,
    wrap: object,
    formats: dict[str, object],
    hidden: object,
) -> None:
    sheet = book.add_worksheet(str(table.number))
    sheet.write_string(0, 0, safe(f"{table.label}. {table.caption}"), bold)
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, len(table.header), 14)
    for k, head in enumerate(table.header):
        sheet.write_string(2, k, safe(head), bold)
    for r, row in enumerate(table.rows, start=3):
        for k, cell in enumerate(row):
            if cell.hidden:
                sheet.write_string(r, k, "x", hidden)
            elif cell.value is not None and cell.numeric:
                sheet.write_number(r, k, cell.value, formats.get(cell.kind))
            else:
                sheet.write_string(r, k, safe(cell.text), wrap if k == 0 else None)
    for n, note in enumerate(table.notes, start=len(table.rows) + 4):
        sheet.write_string(n, 0, safe(note))
