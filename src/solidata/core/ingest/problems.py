"""The problems of one import, gathered as the file is read, and written out as a CSV report.

Row-level problems are kept up to a cap (a file with a systematic mistake would otherwise give a
million identical lines); past it they are counted, and one warning says how many were left out.
Values that match no choice are tallied per column and reported once each, with a count and an
example. A report written as CSV is safe to open in a spreadsheet: a cell that a spreadsheet would
take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written
with a leading apostrophe.

Example::

    >>> f = ProblemLog(file="a.csv", cap=1)
    >>> f.row_error("ingest.instance_id_empty", row=3, column="_uuid")
    >>> f.row_error("ingest.instance_id_empty", row=4, column="_uuid")
    >>> [p.code for p in f.problems()]
    ['ingest.instance_id_empty', 'ingest.problems_truncated']
    >>> safe_cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from solidata.core.errors import Problem, Severity, problem
from solidata.core.spreadsheet_csv import safe_cell

MAX_ROW_PROBLEMS = 10_000


@dataclass
class _Tally:
    count: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class ProblemLog:
    """Problems found while reading one file."""

    file: str
    cap: int = MAX_ROW_PROBLEMS
    _problems: list[Problem] = field(default_factory=list)
    _rows: list[Problem] = field(default_factory=list)
    _left_out: int = 0
    _unknown: dict[tuple[str, str | None], _Tally] = field(default_factory=dict)

    def add(self, code: str, *, severity: Severity = "warning", **kwargs: Any) -> None:
        """A problem about the whole file or a whole column."""
        self._problems.append(problem(code, severity=severity, file=self.file, **kwargs))

    @property
    def full(self) -> bool:
        return len(self._rows) >= self.cap

    def count_left_out(self, n: int) -> None:
        self._left_out += n

    def row_error(
        self,
        code: str,
        *,
        row: int,
        column: str | None = None,
        sheet: str | None = None,
        **params: Any,
    ) -> None:
        """A problem with one cell or row (kept up to the cap, then only counted)."""
        if self.full:
            self._left_out += 1
            return
        self._rows.append(
            problem(code, file=self.file, sheet=sheet, row=row, column=column, **params)
        )

    def unknown_values(
        self, question: str, sheet: str | None, values: Iterable[str], n: int
    ) -> None:
        tally = self._unknown.setdefault((question, sheet), _Tally())
        tally.count += n
        for value in values:
            if len(tally.examples) < 3 and value not in tally.examples:
                tally.examples.append(value)

    def problems(self) -> list[Problem]:
        out = list(self._problems)
        for (question, sheet), tally in self._unknown.items():
            out.append(
                problem(
                    "ingest.value_unknown",
                    severity="warning",
                    file=self.file,
                    sheet=sheet,
                    column=question,
                    question=question,
                    count=tally.count,
                    examples=", ".join(repr(v) for v in tally.examples),
                )
            )
        out.extend(sorted(self._rows, key=lambda p: (p.sheet or "", p.row or 0)))
        if self._left_out:
            out.append(
                problem(
                    "ingest.problems_truncated",
                    severity="warning",
                    file=self.file,
                    count=self._left_out,
                    cap=self.cap,
                )
            )
        return out


REPORT_COLUMNS = ("severity", "code", "file", "sheet", "row", "column", "message", "hint")


def problems_csv(problems: Iterable[Problem]) -> str:
    """The problems as CSV text (UTF-8 when written with a BOM-less encoder), one per line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REPORT_COLUMNS)
    for p in problems:
        writer.writerow(
            safe_cell(v)
            for v in (p.severity, p.code, p.file, p.sheet, p.row, p.column, p.message, p.hint)
        )
    return buffer.getvalue()
