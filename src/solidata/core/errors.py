"""The one catalogue of user-facing errors and warnings.

Every problem Solidata reports to a user has a stable code, a message template and a hint on how to fix
it. A :class:`Problem` says *where* (file, sheet, row, column), *what* is wrong and *how to fix it*.
Tests assert the code, never the wording. The edges (CLI, views) turn problems into text or HTTP
responses in one place each.

Example::

    >>> p = problem("file.unreadable", file="a.xlsx", sheet="scoring", row=4, reason="bad zip")
    >>> p.code, p.where()
    ('file.unreadable', 'file a.xlsx, sheet scoring, row 4')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

# code -> (message template, how to fix it). Templates use str.format with the keyword arguments given
# to problem(). Keep each section to its own part of the pipeline; codes are "<area>.<what>".
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- general -------------------------------------------------------------------------------------
    "file.not_found": (
        "The file {path} does not exist.",
        "Check the path and try again.",
    ),
    "file.too_large": (
        "The file is {size} bytes, over the limit of {limit} bytes.",
        "Split the file, or raise the limit with the setting named in the documentation.",
    ),
    "file.unreadable": (
        "The file could not be read: {reason}.",
        "Save it again from the program that made it, in one of the supported formats.",
    ),
    # --- method workbook (core/method) ---------------------------------------------------------------
    # --- expressions (core/expressions) --------------------------------------------------------------
    # --- scoring (core/scoring) ----------------------------------------------------------------------
    # --- ingest (core/ingest) ------------------------------------------------------------------------
    # --- statistics (core/stats) ---------------------------------------------------------------------
    # --- reference and demo data (core/reference, core/demo) -----------------------------------------
    "settings.invalid": (
        "The setting {name} has the value {value!r}, which is not {expected}.",
        "Fix or unset the environment variable {name}.",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's input, located as precisely as possible."""

    code: str
    message: str
    hint: str
    severity: Severity = "error"
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def where(self) -> str:
        """A short location such as ``sheet scoring, row 4, column question`` (or ``""``)."""
        parts = []
        if self.file:
            parts.append(f"file {self.file}")
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def text(self) -> str:
        """The full sentence for a person: where, what, and how to fix it."""
        where = self.where()
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.message} {self.hint}".strip()

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("params")
        data["where"] = self.where()
        return data


def problem(
    code: str,
    *,
    severity: Severity = "error",
    file: str | None = None,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    **params: Any,
) -> Problem:
    """Build a :class:`Problem` from the catalogue; unknown codes are a programming error."""
    template, hint = CATALOGUE[code]
    return Problem(
        code=code,
        message=template.format(**params),
        hint=hint.format(**params),
        severity=severity,
        file=file,
        sheet=sheet,
        row=row,
        column=column,
        params=params,
    )


class SolidataError(Exception):
    """Raised by the core when input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("; ".join(p.text() for p in self.problems))

    @classmethod
    def of(cls, code: str, **kwargs: Any) -> SolidataError:
        return cls([problem(code, **kwargs)])

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]
