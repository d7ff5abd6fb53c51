"""Categories that do not exist in a country, shown as absent rather than as zero.

Not every ILO entity type exists everywhere: Mongolia has no mutual societies as a legal form
(``entity_type_presence.csv``). A table by entity type that simply left them out, or showed 0,
would read as "none answered" or "none found"; a row that says *absent in Mongolia* tells the
reader the category has no place in the country's law or practice.
"""

from __future__ import annotations

from collections.abc import Sequence

from solidata.core.stats.tables import Cell, Row, Table


def with_absent(
    table: Table, absent: Sequence[tuple[str, str]], order: Sequence[str] = ()
) -> Table:
    """``table`` (rows by one variable, a total row last) with a row for each ``(code, label)``
    of ``absent`` that has no row of its own, every cell of it marked absent.

    Rows keep ``order`` (the codes in display order); absent codes not in it go before the total.

    >>> from solidata.core.stats.tables import Column
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
