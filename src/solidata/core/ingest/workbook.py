"""Reading the sheets of an XLSX export a chunk of rows at a time (with python-calamine).

Cells become the text an export means: numbers without a spurious ``.0``, dates as ISO text,
booleans as ``1``/``0``. Only the columns a table needs are converted. The workbook has passed the
checks of :mod:`solidata.core.ingest.xlsx_guard` before calamine opens it, so that its sheets fit
in memory; blocks of rows are converted to Python a few million cells at a time.

Example::

    >>> sheet = SheetTable("s", ["a", "b"], iter([["x", 5.0], ["y", ""]]))
    >>> [(rows, chunk[1].tolist()) for rows, chunk in sheet.chunks([1], 10)]
    [([2], ['5'])]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from python_calamine import CalamineError, CalamineWorkbook

from solidata.core.errors import SolidataError
from solidata.core.ingest.result import Progress
from solidata.core.ingest.values import export_cell_text

# Cells of a block of rows converted to Python at a time: 20,000 rows of 200 columns.
CHUNK_CELLS = 4_000_000


@dataclass
class SheetTable:
    """One sheet: its name, header and the iterator over its remaining rows."""

    name: str
    header: list[str]
    rows: Iterator[list[Any]]
    total: int = 0
    width: int = 0

    def chunks(
        self, positions: list[int], size: int, progress: Progress | None = None
    ) -> Iterator[tuple[list[int], pd.DataFrame]]:
        """The wanted columns, ``size`` rows at a time (fewer for a very wide sheet, so that a
        block holds at most :data:`CHUNK_CELLS` cells)."""
        size = max(1, min(size, CHUNK_CELLS // max(self.width, 1)))
        wanted = sorted(set(positions))
        first_row = 2
        done = 0
        while block := self._next_block(size):
            columns = {p: _column([r[p] if p < len(r) else None for r in block]) for p in wanted}
            rows = list(range(first_row, first_row + len(block)))
            first_row += len(block)
            done += len(block)
            frame = pd.DataFrame(columns, index=pd.RangeIndex(len(block)))
            keep = frame.notna().any(axis=1).to_numpy() if wanted else [True] * len(block)
            if progress is not None:
                progress(done, self.total)
            yield (
                [r for r, k in zip(rows, keep, strict=True) if k],
                frame[keep].reset_index(drop=True),
            )

    def _next_block(self, size: int) -> list[list[Any]]:
        try:
            return list(itertools.islice(self.rows, size))
        except (CalamineError, ValueError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise SolidataError.of("file.unreadable", sheet=self.name, reason=reason) from None


def _column(values: list[Any]) -> pd.Series:
    if all(type(v) is str or v is None for v in values):
        series = pd.Series(pd.array(values, dtype="str"))
        return series.where(series.str.len() > 0)
    return pd.Series(pd.array([export_cell_text(v) for v in values], dtype="str"))


def open_sheets(path: Path, name: str) -> list[SheetTable]:
    """Every non-empty sheet of a workbook, in order."""
    try:
        book = CalamineWorkbook.from_path(str(path))
        tables = []
        for sheet_name in book.sheet_names:
            sheet = book.get_sheet_by_name(sheet_name)
            rows = sheet.iter_rows()
            header_row = next(rows, None)
            if header_row is None:
                continue
            header = [(export_cell_text(h) or "").strip() for h in header_row]
            total = max(sheet.total_height - 1, 0)
            tables.append(SheetTable(sheet_name, header, rows, total, sheet.total_width))
    except (CalamineError, ValueError, OSError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise SolidataError.of("file.unreadable", file=name, reason=reason) from None
    return tables
