"""Categories that do not exist in a country, shown as absent rather than as zero.

Not every ILO entity type exists everywhere: Mongolia has no mutual societies as a legal form
(``entity_type_presence.csv``). A table by entity type that simply left them out, or showed 0,
would read as "none answered" or "none found"; a row that says *absent in Mongolia* tells the
reader the category has no place in the country's law or practice.
"""

from __future__ import annotations

from collections.abc import Sequence

from solidata.core.findings.tables import Cell, Column, Row, Table


def with_absent(
    table: Table, absent: Sequence[tuple[str, str]], order: Sequence[str] = ()
) -> Table:
    """``table`` (rows by one variable, a total row last) with a row for each ``(code, label)``
    of ``absent`` that has no row of its own, every cell of it marked absent.

    Rows keep ``order`` (the codes in display order); absent codes not in it go before the total.

    >>> from solidata.core.findings.tables import Column
    >>> t = Table("t", "T", "Type", (Column("n", "n", "count"),),
    ...           (Row("coop", "Coop", (Cell(3.0),)), Row(None, "Total", (Cell(3.0),))))
    >>> [(r.label, r.cells[0].absent) for r in with_absent(t, [("mutual", "Mutual")]).rows]
    [('Coop', False), ('Mutual', True), ('Total', False)]
    """
    present = {row.key for row in table.rows}
    extra = [
        Row(code, label, tuple(Cell(None, absent=True) for _ in table.columns))
        for code, label in absent
        if code not in present
    ]
    if not extra:
        return table
    rows = [r for r in table.rows if r.key is not None]
    totals = [r for r in table.rows if r.key is None]
    position = {code: i for i, code in enumerate(order)}
    ordered = sorted([*rows, *extra], key=lambda r: position.get(str(r.key), len(position)))
    return Table(
        table.id,
        table.title,
        table.row_label,
        table.columns,
        (*ordered, *totals),
        table.notes,
        table.weighted,
    )


def with_absent_columns(
    table: Table, absent: Sequence[tuple[str, str]], order: Sequence[str] = ()
) -> Table:
    """``table`` (columns by one variable, a ``total`` column last) with a column for each
    ``(code, label)`` of ``absent`` that has none, every cell of it marked absent.

    >>> from solidata.core.findings.tables import Column
    >>> t = Table("t", "T", "Aimag", (Column("coop", "Coop", "count"),
    ...           Column("total", "Total", "count")), (Row("a", "A", (Cell(3.0), Cell(3.0))),))
    >>> [c.key for c in with_absent_columns(t, [("mutual", "Mutual")]).columns]
    ['coop', 'mutual', 'total']
    """
    present = {c.key for c in table.columns}
    extra = [(code, label) for code, label in absent if code not in present]
    if not extra:
        return table
    position = {code: i for i, code in enumerate(order)}
    total = [i for i, c in enumerate(table.columns) if c.key == "total"]
    cut = total[0] if total else len(table.columns)
    keyed = [(c, i) for i, c in enumerate(table.columns[:cut])]
    keyed += [(Column(code, label, "count"), -1) for code, label in extra]
    keyed.sort(key=lambda ci: position.get(ci[0].key, len(position)))
    columns = (*(c for c, _ in keyed), *table.columns[cut:])
    rows = []
    for row in table.rows:
        cells = [row.cells[i] if i >= 0 else Cell(None, absent=True) for _, i in keyed]
        rows.append(Row(row.key, row.label, (*cells, *row.cells[cut:]), row.conditions))
    return Table(
        table.id, table.title, table.row_label, columns, tuple(rows), table.notes, table.weighted
    )
