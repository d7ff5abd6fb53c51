"""The chart beside a findings table on the pages: counts as bars, scores as the peers' median and
middle half. Drawn from the table's own cells, so a hidden cell is a hatched "x" bar, and the
table next to the chart is its text alternative.

Example::

    >>> from solidata.core.findings.crosstabs import Findings, Query
    >>> table = Findings(data).counts(Query(rows="entity_type"))
    >>> page_chart(table)[:4]
    '<svg'
"""

from __future__ import annotations

from solidata.core.findings.tables import Table
from solidata.core.reports.charts import Bar, BarChart, Chart, Spread, SpreadChart, chart_svg

PAGE_WIDTH = 4.0  # inches: about 380 pixels, drawn 1:1 on a 360-pixel phone screen


def table_chart(table: Table, axis: str, score_axis: str) -> Chart | None:
    """The chart of ``table``, or None for tables without one (grids, choices, definitions)."""
    keys = [c.key for c in table.columns]
    if table.id.startswith("counts") and keys[:1] == ["n"]:
        rows = table.rows[:-1]  # the total row would dwarf the groups
        return BarChart(
            tuple(Bar(r.label, r.cells[0].value, r.cells[0].hidden) for r in rows),
            axis,
            width=PAGE_WIDTH,
        )
    if table.id in ("overview", "scores") and {"median", "p25", "p75"} <= set(keys):
        at = {k: keys.index(k) for k in ("median", "p25", "p75")}
        return SpreadChart(
            tuple(
                Spread(
                    r.label,
                    r.cells[at["p25"]].value,
                    r.cells[at["median"]].value,
                    r.cells[at["p75"]].value,
                    r.cells[at["median"]].hidden,
                )
                for r in table.rows
            ),
            score_axis,
            width=PAGE_WIDTH,
        )
    return None


def page_chart(table: Table, axis: str = "Entities", score_axis: str = "Score (0-100)") -> str:
    """The chart of ``table`` as inline SVG ("" when the table has none)."""
    chart = table_chart(table, axis, score_axis)
    return chart_svg(chart) if chart is not None else ""
