"""The XLSForm side of a method: pyxform's verdict on the form, and conversion to an XForm.

The workbook must stay a valid XLSForm so it deploys unchanged to KoboToolbox or ODK; pyxform is the
judge. Its errors and warnings become catalogue problems located by sheet, row and column.

Example::

    >>> from_pyxform_message("[row : 4] On the 'survey' sheet, the 'name' value is invalid.")
    ('survey', 4, 'name', "On the 'survey' sheet, the 'name' value is invalid.")
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from pyxform.builder import create_survey_element_from_dict
from pyxform.errors import PyXFormError
from pyxform.xls2json import workbook_to_json

from solidata.core.errors import Problem, Severity, SolidataError, problem
from solidata.core.method.sheets import Source, Workbook, open_workbook

_ROW = re.compile(r"^\s*\[row\s*:\s*(\d+)\]\s*")
_SHEET = re.compile(r"On the '(\w+)' sheet")
_COLUMN = re.compile(r"the '([^']+)' value")


@dataclass(frozen=True)
class XForm:
    """An XForm (XML) converted from a method workbook, with pyxform's warnings."""

    xml: str
    warnings: tuple[Problem, ...] = ()


def from_pyxform_message(
    message: str, context: dict[str, Any] | None = None
) -> tuple[str | None, int | None, str | None, str]:
    """Sheet, row, column and the bare message of a pyxform error or warning."""
    context = context or {}
    m = _ROW.match(message)
    row = int(context["row"]) if context.get("row") else (int(m.group(1)) if m else None)
    text = _ROW.sub("", message).strip()
    sheet_m, column_m = _SHEET.search(text), _COLUMN.search(text)
    sheet = context.get("sheet") or (sheet_m.group(1) if sheet_m else None)
    column = context.get("column") or (column_m.group(1) if column_m else None)
    if sheet is None and row is not None:
        sheet = "survey"
    return sheet, row, column, text


def _problem(code: str, book: Workbook, message: str, context: dict[str, Any] | None) -> Problem:
    sheet, row, column, text = from_pyxform_message(message, context)
    severity: Severity = "warning" if code == "method.xlsform_warning" else "error"
    return problem(
        code,
        severity=severity,
        file=book.file,
        sheet=sheet,
        row=row,
        column=column,
        reason=text.rstrip("."),
    )


def convert(book: Workbook) -> tuple[str | None, list[Problem]]:
    """Run pyxform on the form; the XForm XML (or None on error) and the problems it reports."""
    warnings: list[str] = []
    problems: list[Problem] = []
    xml = None
    try:
        data = copy.deepcopy(book.xlsform)  # pyxform may rewrite the rows it is given
        form = workbook_to_json(
            workbook_dict=data,
            form_name=None,
            fallback_form_name=data.fallback_form_name,
            default_language=None,
            warnings=warnings,
        )
        xml = create_survey_element_from_dict(form).to_xml(
            validate=False, pretty_print=True, warnings=warnings
        )
    except PyXFormError as exc:
        context = getattr(exc, "context", None)
        problems.append(_problem("method.xlsform_invalid", book, str(exc), context))
    for text in warnings:
        if text.startswith("Language '"):
            continue  # translations are checked cell by cell in validate.py
        problems.append(_problem("method.xlsform_warning", book, text, None))
    return xml, problems


def to_xform(source: Source) -> XForm:
    """Convert a method workbook's form to an XForm; raises :class:`SolidataError` on errors."""
    book, problems = open_workbook(source)
    if book is None:
        raise SolidataError(problems)
    xml, problems = convert(book)
    if xml is None:
        raise SolidataError([p for p in problems if p.severity == "error"])
    return XForm(xml, tuple(problems))
