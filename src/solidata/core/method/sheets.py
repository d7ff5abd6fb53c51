"""Stage 1 of reading a method: the workbook's sheets as rows of text cells, with row numbers.

The XLSForm sheets (``survey``, ``choices``, ``settings``) are read by pyxform, exactly as
KoboToolbox and ODK read them; the scoring sheets, which XLSForm tools ignore, are read with
python-calamine. Every row remembers its spreadsheet row number (header = row 1) and every cell is
a stripped string.

Example::

    >>> book, problems = open_workbook(b"not a workbook")
    >>> book is None, [p.code for p in problems]
    (True, ['ingest.zip_broken'])
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from python_calamine import CalamineWorkbook
from pyxform.xls2json_backends import DefinitionData, get_xlsform

from solidata.core.errors import Problem, SolidataError, problem

Source = str | os.PathLike[str] | bytes | IO[bytes]
XLSFORM_SHEETS = ("survey", "choices", "settings")
SCORING_SHEETS = (
    "dimensions",
    "indicators",
    "scoring",
    "levels",
    "definitions",
    "recommendations",
    "glossary",
)
_LANGUAGE_CODE = re.compile(r"\(([^()]+)\)\s*$")


@dataclass(frozen=True)
class Row:
    """One spreadsheet row: its number as users see it and its non-empty cells by column header."""

    number: int
    cells: Mapping[str, str]

    def get(self, column: str) -> str | None:
        return self.cells.get(column) or None


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]

    def has(self, column: str) -> bool:
        return column in self.headers


@dataclass(frozen=True)
class Workbook:
    """The sheets of a method workbook (by lower-case name) and pyxform's view of its form."""

    data: bytes
    file: str | None
    sheets: Mapping[str, Sheet]
    xlsform: DefinitionData


def split_language(header: str) -> tuple[str, str | None, str | None]:
    """``label::Mongolian (mn)`` -> ``("label", "mn", "Mongolian (mn)")``; ``label``: none."""
    if "::" not in header:
        return header.strip(), None, None
    base, _, name = header.partition("::")
    name = name.strip()
    m = _LANGUAGE_CODE.search(name)
    return base.strip(), (m.group(1).strip() if m else name), name


def language_code(name: str | None) -> str | None:
    """``English (en)`` -> ``en``; a name without a code in parentheses is its own code."""
    if not name:
        return None
    m = _LANGUAGE_CODE.search(name)
    return m.group(1).strip() if m else name.strip()


def trimmed_cell_text(value: Any) -> str:
    """A cell as text: ``1.0`` -> ``1``, dates in ISO form, surrounding spaces removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value).strip()


def read_source(source: Source) -> tuple[bytes | None, str | None, list[Problem]]:
    """The bytes of ``source`` (a path, bytes or a binary file) and a file name for messages."""
    if isinstance(source, bytes):
        return source, None, []
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            return None, str(path), [problem("file.not_found", path=str(path))]
        return path.read_bytes(), path.name, []
    data = source.read()
    name = getattr(source, "name", None)
    return data, (Path(name).name if isinstance(name, str) else None), []


def open_workbook(
    source: Source, *, name: str | None = None
) -> tuple[Workbook | None, list[Problem]]:
    """Read every sheet of a method workbook; a file that is not a workbook, or one that would
    take a reader too much memory (see :mod:`solidata.core.ingest.xlsx_guard`), gives a problem.
    ``name`` names the file in messages when ``source`` is bytes."""
    data, file, problems = read_source(source)
    if data is None:
        return None, problems
    file = file or name
    # Imported here: the method package sits below ingest (ingest reads answers by a method), and
    # importing the ingest package while the method package initialises is a cycle.
    from solidata.core.ingest.xlsx_guard import inspect_workbook

    try:
        inspect_workbook(data, name=file)
    except SolidataError as error:
        return None, error.problems
    try:
        xlsform = get_xlsform(xlsform=io.BytesIO(data), file_type=".xlsx")
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # pyxform, calamine and zip errors alike mean "not a workbook"
        reason = str(exc).strip() or type(exc).__name__
        return None, [problem("file.unreadable", file=file, reason=reason)]
    sheets: dict[str, Sheet] = {}
    for name in XLSFORM_SHEETS:
        rows = getattr(xlsform, name) or []
        header_rows = getattr(xlsform, f"{name}_header") or [{}]
        headers = tuple(str(h) for h in header_rows[0])
        sheets[name] = Sheet(name, headers, tuple(_xlsform_rows(rows)))
    for real_name in book.sheet_names:
        key = real_name.strip().lower()
        if key in SCORING_SHEETS:
            cells = book.get_sheet_by_name(real_name).to_python(skip_empty_area=False)
            sheets[key] = _sheet_of_cells(key, cells)
    if not xlsform.survey_header:
        sheets.pop("survey", None)
    return Workbook(data, file, sheets, xlsform), problems


def _xlsform_rows(rows: list[dict[str, Any]] | Any) -> list[Row]:
    # pyxform keeps empty rows inside the data so that row numbers stay true; header is row 1.
    out = []
    for i, raw in enumerate(rows):
        cells = {
            str(k).strip(): trimmed_cell_text(v) for k, v in raw.items() if trimmed_cell_text(v)
        }
        if cells:
            out.append(Row(i + 2, cells))
    return out


def _sheet_of_cells(name: str, cells: list[list[Any]]) -> Sheet:
    if not cells:
        return Sheet(name, (), ())
    headers = tuple(trimmed_cell_text(h) for h in cells[0])
    rows = []
    for i, raw in enumerate(cells[1:]):
        found = {h: trimmed_cell_text(v) for h, v in zip(headers, raw, strict=False) if h}
        found = {h: v for h, v in found.items() if v}
        if found:
            rows.append(Row(i + 2, found))
    return Sheet(name, tuple(h for h in headers if h), tuple(rows))
