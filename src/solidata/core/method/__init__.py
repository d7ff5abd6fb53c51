"""The assessment method as data: read, validate and convert a method workbook.

A method is one ``.xlsx`` workbook, a valid XLSForm plus scoring sheets (see docs/method-format.md).
Reading runs a pipeline, each stage in its own module: ``sheets`` (cells with row numbers) ->
``reader`` (typed objects, cell problems) -> ``validate`` (cross-sheet problems), alongside
``xlsform`` (pyxform's verdict). Every problem is found in one pass.

Example::

    >>> result = load_method("no-such-file.xlsx")
    >>> result.method is None, [p.code for p in result.problems]
    (True, ['file.not_found'])
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from solidata.core.errors import Problem, SolidataError
from solidata.core.kept import Kept
from solidata.core.method.model import (
    Choice,
    Definition,
    Dimension,
    GlossaryEntry,
    Group,
    Indicator,
    Level,
    Method,
    Question,
    Recommendation,
    Rule,
    ScoringRow,
)
from solidata.core.method.reader import build_method, parse_rule
from solidata.core.method.sheets import (
    SCORING_SHEETS,
    XLSFORM_SHEETS,
    Source,
    open_workbook,
    read_source,
)
from solidata.core.method.validate import validate
from solidata.core.method.xlsform import XForm, convert, to_xform

BUNDLED_METHOD = "ilo-2022.xlsx"
_SHEET_ORDER = {name: i for i, name in enumerate(XLSFORM_SHEETS + SCORING_SHEETS)}


@dataclass(frozen=True)
class MethodResult:
    """The method (``None`` when there are errors) and every problem found, errors and warnings."""

    method: Method | None
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return self.method is not None


_loaded: Kept[tuple[str, str | None], MethodResult] = Kept(8)


def load_method(source: Source) -> MethodResult:
    """Read and validate a method workbook from a path, bytes or a binary file; never raises.

    Reading and checking the bundled workbook takes a few tenths of a second; the last few
    results are kept by the workbook's content (SHA-256) and file name, so a workbook read again
    (a survey's method, the bundled one, a CLI command run in-process) is not parsed again. The
    method is immutable, so callers share it."""
    data, file, problems = read_source(source)
    if data is None:
        return MethodResult(None, tuple(problems))
    key = (hashlib.sha256(data).hexdigest(), file)
    return _loaded.get_or_make(key, lambda: _load(data, file))


def _load(data: bytes, file: str | None) -> MethodResult:
    book, problems = open_workbook(data, name=file)
    if book is None:
        return MethodResult(None, tuple(problems))
    method, found = build_method(book)
    found += validate(method, book.file)
    _, pyxform_found = convert(book)
    # pyxform stops at its first error, which is often one we located better already.
    located = {(p.sheet, p.row) for p in found if p.severity == "error"}
    found += [
        p for p in pyxform_found if p.severity == "warning" or (p.sheet, p.row) not in located
    ]
    ordered = sorted(found, key=lambda p: (_SHEET_ORDER.get(p.sheet or "", -1), p.row or 0))
    has_errors = any(p.severity == "error" for p in ordered)
    return MethodResult(None if has_errors else method, tuple(ordered))


def read_method(source: Source) -> Method:
    """Read a method workbook; raises :class:`SolidataError` carrying *all* its errors.

    Example::

        >>> method = read_method(bundled_method_path())
        >>> method.id, method.languages
        ('sse_ilo_2022', ('en', 'mn'))
        >>> [d.id for d in method.dimensions if d.kind == "principle"]
        ['P1', 'P2', 'P3', 'P4']
    """
    result = load_method(source)
    if result.method is None:
        raise SolidataError(result.errors)
    return result.method


def bundled_method_path() -> Path | None:
    """The method workbook shipped with Solidata (ILO 2022 principles and values), if present."""
    path = Path(str(resources.files("solidata.core.data.methods").joinpath(BUNDLED_METHOD)))
    return path if path.is_file() else None


__all__ = [
    "Choice",
    "Definition",
    "Dimension",
    "GlossaryEntry",
    "Group",
    "Indicator",
    "Level",
    "Method",
    "MethodResult",
    "Question",
    "Recommendation",
    "Rule",
    "ScoringRow",
    "Source",
    "XForm",
    "bundled_method_path",
    "load_method",
    "parse_rule",
    "read_method",
    "to_xform",
]
