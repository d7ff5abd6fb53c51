"""Tables of findings as data: cells that may be hidden, with CSV and JSON shapes.

Every cell knows the set of entities it describes (``conditions``, e.g. ``{"admin_area":
"MN-061", "entity_type": "cooperative"}``, plus the measure category when there is one), whether
it is hidden, and its value. Pages, CSV downloads and the API are all drawn from the same
:class:`Table`, so what is hidden on one is hidden on the others.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) are written with a leading apostrophe, as OWASP recommends against CSV
injection: a label typed by a user can never become a formula on a committee member's computer.

Example::

    >>> table = Table(
    ...     id="counts", title="Entities", row_label="Type",
    ...     columns=(Column("n", "Entities", "count"),),
    ...     rows=(Row("coop", "=SUM(A1)", (Cell(12.0),), {"entity_type": "coop"}),
    ...           Row("ngo", "NGO", (Cell(None, hidden=True),), {"entity_type": "ngo"})),
    ... )
    >>> print(table_csv(table), end="")
    Type,Entities
    '=SUM(A1),12
    NGO,x
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

HIDDEN_MARK = "x"  # in CSV files: suppressed (fewer entities than the minimum)
ABSENT_MARK = "absent"  # in CSV files: the category does not exist in the country
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Cell:
    """One number of a table; ``value`` is None when hidden or when there is nothing to show."""

    value: float | None
    hidden: bool = False
    conditions: Mapping[str, str] = field(default_factory=dict)
    absent: bool = False  # the category does not exist in the country (not a zero)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str  # the scale of its values: count, total (estimated number), share, score or df
    conditions: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    key: str | None  # the category, None for the total row
    label: str
    cells: tuple[Cell, ...]
    conditions: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    """A table: rows of cells under columns, with notes saying what it rests on."""

    id: str
    title: str
    row_label: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    weighted: bool = False

    @property
    def hidden_cells(self) -> int:
        return sum(c.hidden for r in self.rows for c in r.cells)


def safe_text(text: str) -> str:
    """``text`` as a spreadsheet will show it, never as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def number_text(value: float | None, kind: str) -> str:
    """A number for CSV: counts as integers, other values to 4 decimals, nothing when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if kind in ("count", "total") and float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def table_csv(table: Table) -> str:
    """The table as CSV text: a header row, then one row per table row; hidden cells are ``x``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_text(table.row_label), *(safe_text(c.label) for c in table.columns)])
    for row in table.rows:
        cells = [
            ABSENT_MARK
            if cell.absent
            else HIDDEN_MARK
            if cell.hidden
            else number_text(cell.value, column.kind)
            for cell, column in zip(row.cells, table.columns, strict=True)
        ]
        writer.writerow([safe_text(row.label), *cells])
    for note in table.notes:
        writer.writerow([safe_text(note)])
    return out.getvalue()


def table_records(table: Table) -> dict[str, Any]:
    """The table as JSON-ready data; a hidden cell has ``"value": null, "hidden": true``."""
    return {
        "id": table.id,
        "title": table.title,
        "weighted": table.weighted,
        "row_label": table.row_label,
        "columns": [{"key": c.key, "label": c.label, "kind": c.kind} for c in table.columns],
        "rows": [
            {
                "key": row.key,
                "label": row.label,
                "cells": [
                    {
                        "column": column.key,
                        "value": None if cell.hidden else _finite(cell.value),
                        "hidden": cell.hidden,
                        "conditions": dict(cell.conditions),
                    }
                    | ({"absent": True} if cell.absent else {})
                    for cell, column in zip(row.cells, table.columns, strict=True)
                ],
            }
            for row in table.rows
        ],
        "notes": list(table.notes),
    }


def _finite(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return value
