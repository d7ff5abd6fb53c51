"""CSV meant for spreadsheet programs: text that a spreadsheet would run as a formula is not.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (and some strip a leading tab or carriage return first), so an answer such as
``=HYPERLINK("http://...")`` in a downloaded CSV would run on the reader's machine. As OWASP
recommends, such text cells get a leading apostrophe, which spreadsheets show as text. Numbers are
left alone (``-0.5`` is a number, not a formula). Every CSV Solidata writes for people goes through
:func:`safe_cell` or :func:`safe_frame`.

Example::

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-2+3"), safe_cell(-2.5), safe_cell(None)
    ("'=HYPERLINK(1)", "'-2+3", '-2.5', '')
"""

from __future__ import annotations

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell for a CSV meant for spreadsheets, never read as a formula."""
    text = "" if value is None else str(value)
    if isinstance(value, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (and column names) are safe for spreadsheets."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            out[column] = values.map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v
            )
    out.columns = [safe_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out
