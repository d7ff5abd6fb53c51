"""Findings tables (:class:`~solidata.core.findings.tables.Table`) as report tables; grids of means.

A report table takes its cells from the same findings table as the pages, the CSV and the API, so
a cell hidden there is ``x`` here.

Example::

    >>> from solidata.core.findings.crosstabs import Findings, Query
    >>> table = Findings(data).counts(Query(rows="entity_type"))
    >>> block = report_table(Numbering("en"), table)
    >>> block.label, block.header, [cell.text for cell in block.rows[-1]]
    ('Table 1', ('entity_type', 'Entities'), ['Total', '156'])
"""

from __future__ import annotations

from collections.abc import Sequence

from solidata.core.findings.crosstabs import Findings, Query
from solidata.core.findings.tables import Cell, Column, Row, Table
from solidata.core.reports.document import Numbering, TableBlock, TextCell, count, text


def cells_of(table: Table, lang: str, keep: Sequence[str] | None = None) -> list[list[TextCell]]:
    """Rows of text cells: the row label, then each cell (only the columns in ``keep``)."""
    wanted = [k for k, c in enumerate(table.columns) if keep is None or c.key in keep]
    out = []
    for row in table.rows:
        cells: list[TextCell] = [text(row.label)]
        for k in wanted:
            cell, column = row.cells[k], table.columns[k]
            cells.append(count(cell.value, lang, column.kind, cell.hidden))
        out.append(cells)
    return out


def report_table(
    numbering: Numbering,
    table: Table,
    *,
    caption: str | None = None,
    keep: Sequence[str] | None = None,
    table_id: str | None = None,
    extra_rows: Sequence[Sequence[TextCell]] = (),
    notes: Sequence[str] = (),
    total_last: bool = True,
) -> TableBlock:
    """``table`` numbered in the report; ``extra_rows`` go before its total row."""
    header = [table.row_label] + [c.label for c in table.columns if keep is None or c.key in keep]
    rows = cells_of(table, numbering.lang, keep)
    if extra_rows:
        # e.g. entity types absent in the country: their words under the first column, the rest
        # of the row empty.
        padded = [[*r, *[text("")] * (len(header) - len(r))] for r in extra_rows]
        rows = rows[:-1] + padded + rows[-1:]
    return numbering.table(
        table_id or table.id,
        caption or table.title,
        header,
        rows,
        (*table.notes, *notes),
        total_last=total_last,
    )


def means_grid(
    findings: Findings, measures: Sequence[tuple[str, str]], rows: str, title: str
) -> Table:
    """The mean score of each measure (columns) by ``rows``, from each measure's scores table, so
    each mean is hidden exactly when the scores page hides it. Only the sample's means are shown:
    the table's weighted estimates are not asked for."""
    columns = []
    by_row: dict[str | None, list[Cell]] = {}
    labels: dict[str | None, Row] = {}
    for measure, label in measures:
        table = findings.scores(measure, Query(rows=rows), estimates=False)
        k = next(i for i, c in enumerate(table.columns) if c.key == "mean")
        columns.append(Column(measure, label, "score"))
        for row in table.rows:
            by_row.setdefault(row.key, []).append(row.cells[k])
            labels.setdefault(row.key, row)
    out_rows = tuple(
        Row(key, labels[key].label, tuple(cells), labels[key].conditions)
        for key, cells in by_row.items()
    )
    return Table(
        "means-" + rows,
        title,
        findings.name("variable", rows),
        tuple(columns),
        out_rows,
        findings.notes(),
    )
