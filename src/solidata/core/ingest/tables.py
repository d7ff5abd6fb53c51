"""Stage 3, per table: chunks of cells in, one text column per question out.

A :class:`TableConverter` is built once per table of an export (the main table, or one repeat
table) from its column :class:`~solidata.core.ingest.columns.Plan`. It knows which columns it needs
(so readers can skip the rest: a select_multiple whose summary column holds choice names needs none
of its 0/1 columns) and converts each chunk with :mod:`solidata.core.ingest.values`.

Example::

    >>> import pandas as pd
    >>> from solidata.core.ingest.columns import HeaderIndex, plan_columns
    >>> from solidata.core.ingest.problems import ProblemLog
    >>> from solidata.core.method.model import Method, Question
    >>> m = Method(id="m", version="1", questions=(Question("n", "integer"),))
    >>> plan = plan_columns(HeaderIndex(m, m.questions), ["n"], {})
    >>> convert = TableConverter(m, m.questions, plan, ProblemLog("a.csv"))
    >>> chunk = pd.DataFrame({0: pd.Series(["5.0", "x", None], dtype="str")})
    >>> convert(chunk, [2, 3, 4])["n"].tolist()
    ['5', 'x', nan]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from solidata.core.ingest.checks import ConstraintChecker
from solidata.core.ingest.columns import GEO_PARTS, Plan
from solidata.core.ingest.problems import ProblemLog
from solidata.core.ingest.values import (
    TRUE_CELLS,
    ChoiceLookup,
    convert_distinct,
    expected_of,
    mask_distinct,
)
from solidata.core.method.model import Method, Question


@dataclass(frozen=True)
class _Options:
    """The 0/1 columns of a select_multiple, and whether its summary column can do without them."""

    positions: dict[str, int]
    needed: bool


class TableConverter:
    """Converts the chunks of one table of an export into answers, reporting to ``problem_log``."""

    def __init__(
        self,
        method: Method,
        questions: Sequence[Question],
        plan: Plan,
        problem_log: ProblemLog,
        *,
        sheet: str | None = None,
        missing: frozenset[str] = frozenset(),
    ) -> None:
        self.method = method
        self.questions = [q for q in questions if q.is_answer]
        self.plan = plan
        self.problem_log = problem_log
        self.sheet = sheet
        self.missing = missing
        self.lookups = {
            q.name: ChoiceLookup(method.choice_list(q)) for q in self.questions if q.is_select
        }
        self.mapped = plan.mapped_questions()
        self.check = ConstraintChecker(method, problem_log, sheet)
        self.options = {
            name: _Options(positions, self._options_needed(name))
            for name, positions in plan.options.items()
        }

    def _options_needed(self, name: str) -> bool:
        """The 0/1 columns are read when there is no summary column, or when it holds labels
        with spaces, which cannot be split back into choices reliably."""
        if name not in self.plan.answers:
            return True
        language = self.plan.languages.get(name, "")
        if language == "":
            return False
        question = self.method.question(name)
        assert question is not None
        return any(
            len((c.labels.get(language) or c.name).split()) > 1
            for c in self.method.choice_list(question)
        )

    def positions(self) -> list[int]:
        """The columns this table needs, in file order."""
        needed = set(self.plan.answers.values()) | set(self.plan.meta.values())
        for options in self.options.values():
            if options.needed:
                needed.update(options.positions.values())
        for name, parts in self.plan.geo.items():
            if name not in self.plan.answers:
                needed.update(parts.values())
        return sorted(needed)

    def header(self, name: str) -> str:
        position = self.plan.answers.get(name)
        if position is None:
            position = next(iter({**self.plan.options, **self.plan.geo}.get(name, {}).values()))
        return self.plan.headers[position]

    def headers(self) -> dict[str, str]:
        """The file's column for each question this table has one for (for messages)."""
        return {q.name: self.header(q.name) for q in self.questions if q.name in self.mapped}

    def checked(self, chunk: pd.DataFrame, rows: Sequence[int]) -> pd.DataFrame:
        """The answers of ``chunk``, with the form's constraints checked."""
        answers = self(chunk, rows)
        self.check(answers, rows, self.headers())
        return answers

    def cells(self, chunk: pd.DataFrame, position: int) -> pd.Series:
        column = chunk[position]
        if self.missing:
            column = column.where(~column.isin(list(self.missing)))
        return column

    def __call__(self, chunk: pd.DataFrame, rows: Sequence[int]) -> pd.DataFrame:
        """The answers of ``chunk`` (whose columns are the positions of :meth:`positions`)."""
        size = len(chunk)
        out: dict[str, pd.Series] = {}
        for q in self.questions:
            column = self._column(q, chunk)
            out[q.name] = (
                pd.Series(pd.array([None] * size, dtype="str"), index=chunk.index)
                if column is None
                else self._checked(q, column, rows)
            )
        return pd.DataFrame(out, index=chunk.index)

    def _column(self, q: Question, chunk: pd.DataFrame) -> pd.Series | None:
        if q.name in self.plan.answers:
            column = self.cells(chunk, self.plan.answers[q.name])
            options = self.options.get(q.name)
            if q.type == "select_multiple" and options is not None and options.needed:
                from_options = self._from_options(q, chunk, options.positions)
                lookup = self.lookups[q.name]
                unresolved = mask_distinct(column, lambda v: lookup.many(v) is None)
                column = column.where(~unresolved, from_options)
            return column
        if q.name in self.plan.options:
            return self._from_options(q, chunk, self.plan.options[q.name])
        if q.name in self.plan.geo:
            return self._from_geo_parts(chunk, self.plan.geo[q.name])
        return None

    def _from_options(
        self, q: Question, chunk: pd.DataFrame, positions: dict[str, int]
    ) -> pd.Series:
        """A select_multiple rebuilt from its 0/1 (or True/False) columns, in choice order."""
        order = [c.name for c in self.method.choice_list(q) if c.name in positions]
        cells = [self.cells(chunk, positions[name]) for name in order]
        answered = np.zeros(len(chunk), dtype=bool)
        chosen = np.zeros((len(chunk), len(order)), dtype=bool)
        for k, column in enumerate(cells):
            present = column.notna().to_numpy()
            answered |= present
            lowered = column.str.strip().str.lower()
            chosen[:, k] = lowered.isin(list(TRUE_CELLS)).to_numpy() & present
        patterns, codes = np.unique(chosen, axis=0, return_inverse=True)
        texts = [
            " ".join(n for n, on in zip(order, p, strict=True) if on) or None for p in patterns
        ]
        codes = np.where(answered, codes.reshape(-1), -1)
        values = pa.array(texts, type=pa.large_string()).take(pa.array(codes, mask=codes < 0))
        return pd.Series(pd.array(values, dtype="str"), index=chunk.index)

    def _from_geo_parts(self, chunk: pd.DataFrame, positions: dict[str, int]) -> pd.Series:
        parts = [
            self.cells(chunk, positions[p]).str.strip() if p in positions else None
            for p in GEO_PARTS
        ]
        lat, lon = parts[0], parts[1]
        if lat is None or lon is None:
            return pd.Series(pd.array([None] * len(chunk), dtype="str"), index=chunk.index)
        others = pd.concat([p.fillna("") for p in parts[1:] if p is not None], axis=1)
        text = lat.str.cat(others, sep=" ")
        return text.str.strip().where(lat.notna() & lon.notna())

    def _checked(self, q: Question, column: pd.Series, rows: Sequence[int]) -> pd.Series:
        if q.is_select:
            lookup = self.lookups[q.name]
            if q.type == "select_one":
                result = convert_distinct(column, lambda v: _found(lookup.one(v), v))
            else:
                result = convert_distinct(column, lambda v: _found_many(lookup, v))
            if result.failed_values:
                self.problem_log.unknown_values(
                    q.name, self.sheet, result.failed_values, int(result.failed.sum())
                )
            return result.series
        expected = expected_of(q)
        if expected is None:
            return column
        result = convert_distinct(column, expected.convert)
        if result.failed_values:
            header = self.header(q.name)
            bad = np.flatnonzero(result.failed)
            values = result.series.to_numpy()
            for n, i in enumerate(bad.tolist()):
                if self.problem_log.full:
                    self.problem_log.count_left_out(len(bad) - n)
                    break
                self.problem_log.row_error(
                    "ingest.value_invalid",
                    row=int(rows[i]),
                    column=header,
                    sheet=self.sheet,
                    value=str(values[i]),
                    expected=expected.text,
                )
        return result.series


def _found(name: str | None, value: str) -> tuple[str | None, bool]:
    return (name, True) if name is not None else (value, False)


def _found_many(lookup: ChoiceLookup, value: str) -> tuple[str | None, bool]:
    names = lookup.many(value)
    if names is None:
        return value, False
    return (lookup.canonical(names) or None), True
