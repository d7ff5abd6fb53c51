"""Ingest: submissions from KoboToolbox, ODK Central and CSV exports, never lost or duplicated.

A pipeline, one module per stage: ``files`` (size, zip and encoding checks) -> ``detect`` (the
layout) -> a layout reader (``kobo``, ``odk``, ``plain``) that reads its tables in chunks
(``delimited``, ``workbook``), maps columns to questions (``columns``), converts cells to answers
(``values``, ``tables``), checks constraints (``checks``) and builds submissions and repeat rows
(``submissions``) -> an :class:`ImportResult`. Nothing here touches a database: storing is the web
layer's job. (Writing submissions back in every layout, for fixtures, tests and the benchmark, is
test support: ``tests/export_writers.py``.)

Example::

    >>> from solidata.core.ingest import read_answers
    >>> from solidata.core.method import bundled_method_path, read_method
    >>> result = read_answers(answers_csv, read_method(bundled_method_path()))
    >>> result.format, len(result), [p.code for p in result.warnings]
    ('plain-csv', 156, [])
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from solidata.core.errors import Problem
from solidata.core.ingest.delimited import TextTable
from solidata.core.ingest.detect import detect_layout, layout_of_header
from solidata.core.ingest.files import InputFile, Limits, inspect_file
from solidata.core.ingest.kobo import read_kobo_csv, read_kobo_xlsx, read_kobocat_csv
from solidata.core.ingest.layout import ReadContext
from solidata.core.ingest.odk import read_odk_csv, read_odk_zip
from solidata.core.ingest.plain import read_plain_csv
from solidata.core.ingest.problems import ProblemLog, problems_csv
from solidata.core.ingest.result import (
    LAYOUTS,
    REVIEW_STATUSES,
    SOURCES,
    ImportedSubmission,
    ImportResult,
    Progress,
    nest_repeats,
)
from solidata.core.method.model import Method
from solidata.core.scoring.answers import INSTANCE_ID, read_plain_answers
from solidata.core.spreadsheet_csv import safe_cell

Reader = Callable[[ReadContext], ImportResult]
READERS: dict[str, Reader] = {
    "kobo-xlsx": read_kobo_xlsx,
    "kobo-csv": read_kobo_csv,
    "kobocat-csv": read_kobocat_csv,
    "odk-zip": read_odk_zip,
    "odk-csv": read_odk_csv,
    "plain-csv": read_plain_csv,
}
CHUNK_ROWS = 20_000
PLAIN_METADATA = ("submitted_at", "review_status")


def read_answers(
    source: str | os.PathLike[str] | bytes,
    method: Method,
    format: str | None = None,
    *,
    limits: Limits | None = None,
    name: str | None = None,
    chunk_rows: int = CHUNK_ROWS,
    progress: Progress | None = None,
) -> ImportResult:
    """Read the submissions of an export in any supported layout; raises SolidataError when the
    file is refused (too large, broken, hostile, of no known layout), with every problem in it.

    ``format`` forces a layout (one of :data:`LAYOUTS`); by default it is detected. ``name`` is the
    file name shown in messages (default: the path's). ``progress`` is called with the work done
    and the work to do (bytes of a text file, rows of a workbook sheet).

    Example::

        >>> result = read_answers(answers_csv, method)
        >>> result.frame().columns[0], result.format
        ('instance_id', 'plain-csv')
    """
    if isinstance(source, bytes):
        with tempfile.TemporaryDirectory(prefix="solidata-ingest-") as folder:
            path = Path(folder) / "upload"
            path.write_bytes(source)
            return read_answers(
                path,
                method,
                format,
                limits=limits,
                name=name or "upload",
                chunk_rows=chunk_rows,
                progress=progress,
            )
    file = inspect_file(source, limits, name)
    layout = detect_layout(file, method, format)
    ctx = ReadContext(
        method=method,
        file=file,
        problem_log=ProblemLog(file.name),
        layout=layout,
        chunk_rows=chunk_rows,
        progress=progress,
    )
    return READERS[layout](ctx)


def answers_for_scoring(
    path: str | os.PathLike[str], method: Method, *, limits: Limits | None = None
) -> tuple[pd.DataFrame, tuple[Problem, ...]]:
    """The answers of an export in any layout as ``score`` takes them, and the problems found.

    The method's plain answers CSV in its simplest form (UTF-8, commas, a header of
    ``instance_id``, the method's answer columns and the optional ``submitted_at`` and
    ``review_status``, each instance id given once) is read by
    :func:`solidata.core.scoring.read_plain_answers`, several times faster than the full reader; any
    other file by :func:`read_answers`. Raises SolidataError when the file is refused.

    Example::

        >>> from solidata.core.scoring import score
        >>> frame, problems = answers_for_scoring(answers_csv, method)
        >>> len(score(method, frame)), problems
        (156, ())
    """
    file = inspect_file(path, limits)
    if _simple_plain_csv(file, method):
        frame = read_plain_answers(file.path, method)
        ids = frame[INSTANCE_ID]
        if not (ids.isna().any() or ids.duplicated().any()):
            return frame, ()
    result = read_answers(path, method, limits=limits)
    return result.frame(), tuple(result.problems)


def _simple_plain_csv(file: InputFile, method: Method) -> bool:
    if file.kind != "text" or file.encoding not in ("utf-8", "utf-8-sig"):
        return False
    assert file.encoding is not None
    table = TextTable.open(lambda: file.path.open("rb"), file.encoding, file.name)
    known = {INSTANCE_ID, *method.answer_columns(), *PLAIN_METADATA}  # metadata: not scored
    return (
        table.delimiter == ","
        and layout_of_header(table.header) == "plain-csv"
        and set(table.header) <= known
        and len(set(table.header)) == len(table.header)
    )


__all__ = [
    "LAYOUTS",
    "REVIEW_STATUSES",
    "SOURCES",
    "ImportResult",
    "ImportedSubmission",
    "Limits",
    "answers_for_scoring",
    "detect_layout",
    "inspect_file",
    "nest_repeats",
    "problems_csv",
    "read_answers",
    "safe_cell",
]
