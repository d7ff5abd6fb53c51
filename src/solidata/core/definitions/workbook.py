"""Write a definition into a new version of a method workbook, leaving everything else as it was.

The stored workbook is copied; its ``definitions`` sheet gets the definition (replacing the row
with the same id, or as a new row) and its ``settings`` sheet a new ``version``. Other sheets,
their formatting and any column the product does not know are kept, so the file still deploys to
KoboToolbox or ODK and opens as its authors left it.

Example::

    >>> next_version("2026.1", taken={"2026.1"})
    '2026.2'
    >>> next_version("draft", taken=set())
    'draft.1'
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from solidata.core.errors import SolidataError
from solidata.core.ingest.xlsx_guard import inspect_workbook
from solidata.core.method.sheets import split_language, trimmed_cell_text

_LAST_NUMBER = re.compile(r"(\d+)(?!.*\d)")


@dataclass(frozen=True)
class NewDefinition:
    """A definition to write: ``labels`` and ``descriptions`` by language code (``en``, ``mn``)."""

    id: str
    rule: str
    labels: Mapping[str, str]
    descriptions: Mapping[str, str]


def next_version(version: str, taken: Collection[str]) -> str:
    """The version after ``version`` (its last number plus one) that is not ``taken``."""
    candidate = version
    for _ in range(10_000):
        m = _LAST_NUMBER.search(candidate)
        if m is None:
            candidate = f"{candidate}.1"
        else:
            number = str(int(m.group(1)) + 1)
            candidate = candidate[: m.start()] + number + candidate[m.end() :]
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free version after {version}")  # pragma: no cover


def with_definition(workbook: bytes, definition: NewDefinition, *, version: str) -> bytes:
    """A copy of ``workbook`` with ``definition`` on its definitions sheet and ``version`` in its
    settings. Raises ``method.sheet_missing`` / ``method.column_missing`` when they lack them."""
    inspect_workbook(workbook)
    try:
        book = load_workbook(io.BytesIO(workbook))
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise SolidataError.of("file.unreadable", reason=str(exc) or type(exc).__name__) from None
    definitions = _sheet(book, "definitions")
    columns = _header(definitions)
    for needed in ("id", "rule"):
        if needed not in columns:
            raise SolidataError.of("method.column_missing", sheet="definitions", row=1, name=needed)
    row = _row_of(definitions, columns["id"], definition.id)
    values = {"id": definition.id, "rule": definition.rule}
    for header in columns:
        base, code, _ = split_language(header)
        if code and base == "label" and definition.labels.get(code):
            values[header] = definition.labels[code]
        elif code and base == "description" and code in definition.descriptions:
            values[header] = definition.descriptions[code]
    for header, value in values.items():
        definitions.cell(row=row, column=columns[header], value=value)
    settings = _sheet(book, "settings")
    setting_columns = _header(settings)
    if "version" not in setting_columns:
        raise SolidataError.of("method.column_missing", sheet="settings", row=1, name="version")
    settings.cell(row=2, column=setting_columns["version"], value=version)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(book: object, name: str) -> Worksheet:
    sheets = {s.title.strip().lower(): s for s in book.worksheets}  # type: ignore[attr-defined]
    if name not in sheets:
        raise SolidataError.of("method.sheet_missing", sheet=name, name=name)
    sheet: Worksheet = sheets[name]
    return sheet


def _header(sheet: Worksheet) -> dict[str, int]:
    """Column headers of the first row -> column number (from 1)."""
    return {
        trimmed_cell_text(cell.value): cell.column
        for cell in sheet[1]
        if trimmed_cell_text(cell.value) and isinstance(cell.column, int)
    }


def _row_of(sheet: Worksheet, id_column: int, identifier: str) -> int:
    """The row holding ``identifier`` in the id column, else the row after the last used one."""
    last = 1
    for row in range(2, sheet.max_row + 1):
        text = trimmed_cell_text(sheet.cell(row=row, column=id_column).value)
        if text == identifier:
            return row
        if any(
            trimmed_cell_text(sheet.cell(row=row, column=c).value)
            for c in range(1, sheet.max_column + 1)
        ):
            last = row
    return last + 1
