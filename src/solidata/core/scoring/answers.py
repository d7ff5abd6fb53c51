"""The answers of many submissions as the method sees them: relevance applied, calculates computed.

An answer to a question that is not relevant (by its own ``relevant`` or an enclosing group's)
counts as missing even when the file holds a value, as it would in KoboToolbox or ODK. A
``relevant`` that cannot be decided because it needs a missing answer counts as not relevant. Values
are computed on demand, so only the questions that scoring needs are ever converted.

Example::

    >>> import pandas as pd
    >>> from solidata.core.method.model import Method, Question
    >>> m = Method(id="m", version="1", questions=(
    ...     Question("has_board", "select_one", "yn"),
    ...     Question("board", "integer", relevant="${has_board} = 'yes'"),
    ... ))
    >>> frame = pd.DataFrame(
    ...     {"instance_id": ["a", "b"], "has_board": ["yes", "no"], "board": ["5", "7"]}
    ... )
    >>> Answers(m, frame).series("board").tolist()
    [5.0, nan]
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.expressions import Bool, Environment, Num, Text, Value, evaluate, parse
from solidata.core.expressions.values import (
    BoolArray,
    is_missing,
    to_bool,
    to_num,
    to_series,
    to_text,
    value_of_series,
)
from solidata.core.method.model import Method, Question

INSTANCE_ID = "instance_id"


def read_plain_answers(
    source: str | os.PathLike[str] | IO[Any], method: Method | None = None
) -> pd.DataFrame:
    """Read a plain answers CSV (``instance_id`` + one column per question; empty cell = missing).

    Only an empty cell is missing: ``NA`` or ``None`` are kept as text, since they can be choice
    names. Columns are typed as pandas infers them (a column of choice names such as ``1``, ``2``
    may come out as numbers); scoring sorts them out per question. With a ``method``, columns it
    does not know are not read.

    Example::

        >>> import io
        >>> read_plain_answers(io.StringIO("instance_id,a\\nx1,NA\\nx2,\\n"))["a"].tolist()
        ['NA', nan]
    """
    usecols: list[str] | None = None
    try:
        if method is not None and isinstance(source, str | os.PathLike):
            # A list (not a callable) keeps the C parser fast; unknown columns are never parsed.
            wanted = {INSTANCE_ID, *method.answer_columns()}
            header = list(pd.read_csv(source, nrows=0).columns)
            usecols = [c for c in header if c in wanted]
            usecols = None if len(usecols) == len(header) else usecols
        frame = pd.read_csv(source, keep_default_na=False, na_values=[""], usecols=usecols)
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        file = Path(source).name if isinstance(source, str | os.PathLike) else None
        raise SolidataError.of("file.unreadable", file=file, reason=str(exc).strip()) from None
    if INSTANCE_ID in frame.columns and not pd.api.types.is_string_dtype(frame[INSTANCE_ID]):
        frame[INSTANCE_ID] = to_series(to_text(value_of_series(frame[INSTANCE_ID]))).to_numpy()
    return frame


def missing_value(question: Question, size: int) -> Value:
    if question.is_numeric:
        return Num(np.full(size, np.nan))
    return Text(np.full(size, -1, dtype=np.intp), np.array([], dtype=object))


def blank(value: Value, drop: BoolArray) -> Value:
    """``value`` with the rows in ``drop`` made missing."""
    if isinstance(value, Num):
        return Num(np.where(drop, np.nan, value.data))
    if isinstance(value, Text):
        return Text(np.where(drop, -1, value.codes).astype(np.intp), value.uniques)
    return Bool(value.values & ~drop, value.unknown | drop)


class Answers:
    """Lazily computed, relevance-aware values of every question over all submissions."""

    def __init__(self, method: Method, frame: pd.DataFrame) -> None:
        self.method = method
        self.frame = frame
        self.size = len(frame)
        self.questions = {q.name: q for q in method.questions}
        self.groups = {g.name: g for g in method.groups}
        self.problems: list[Problem] = []
        self._values: dict[str, Value] = {}
        self._group_relevance: dict[str, BoolArray] = {}
        self._busy: set[str] = set()
        self._columns: dict[str, tuple[Value, list[Problem]]] = {}
        self.env = Environment(size=self.size, lookup=self.value)

    def series(self, name: str) -> pd.Series[Any]:
        return to_series(self.value(name), self.frame.index)

    def value(self, name: str) -> Value:
        """The value of ``${name}``: missing where not relevant or unanswered."""
        if name in self._values:
            return self._values[name]
        question = self.questions.get(name)
        if question is None:
            if name in self.groups:  # a group has no value of its own
                return Text(np.full(self.size, -1, dtype=np.intp), np.array([], dtype=object))
            raise SolidataError.of("expression.unknown_name", name=name)
        if name in self._busy:
            raise SolidataError.of("method.cycle", sheet="survey", row=question.row, names=name)
        self._busy.add(name)
        try:
            value = self._raw(question)
            relevant = self.relevance(question)
            if relevant is not None:
                value = blank(value, ~relevant)
        finally:
            self._busy.discard(name)
        self._values[name] = value
        return value

    def relevance(self, question: Question) -> BoolArray | None:
        """Where ``question`` is relevant (its groups' and own ``relevant``); None: everywhere."""
        parts: list[BoolArray] = []
        for name in question.group:
            found = self._group(name) if name in self.groups else None
            if found is not None:
                parts.append(found)
        if question.relevant:
            parts.append(self._condition(question.relevant))
        if not parts:
            return None
        out = parts[0]
        for part in parts[1:]:
            out = out & part
        return out

    def _group(self, name: str) -> BoolArray | None:
        group = self.groups[name]
        if not group.relevant:
            return None
        if name not in self._group_relevance:
            self._group_relevance[name] = self._condition(group.relevant)
        return self._group_relevance[name]

    def _condition(self, text: str) -> BoolArray:
        return to_bool(evaluate(parse(text), self.env)).values

    def prefetch(self, names: set[str], threads: int | None = None) -> None:
        """Convert the answer columns of ``names`` in parallel (coding texts releases the GIL)."""
        todo = [
            self.questions[n]
            for n in sorted(names)
            if n in self.questions
            and self.questions[n].type != "calculate"
            and n in self.frame.columns
            and n not in self._columns
        ]
        workers = threads or min(4, os.cpu_count() or 1)
        if workers == 1:
            converted = [self._convert(q) for q in todo]
        else:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                converted = list(pool.map(self._convert, todo))
        for question, value in zip(todo, converted, strict=True):
            self._columns[question.name] = value

    def _raw(self, question: Question) -> Value:
        if question.type == "calculate":
            if not question.calculation:
                return missing_value(question, self.size)
            return evaluate(parse(question.calculation), self.env)
        if question.name not in self.frame.columns:
            self.problems.append(
                problem(
                    "scoring.column_missing",
                    severity="warning",
                    column=question.name,
                    question=question.name,
                )
            )
            return missing_value(question, self.size)
        if question.name not in self._columns:
            self._columns[question.name] = self._convert(question)
        value, found = self._columns[question.name]
        self.problems.extend(found)
        return value

    def _convert(self, question: Question) -> tuple[Value, list[Problem]]:
        """The file's column for ``question`` as numbers or coded texts, with its warnings."""
        value = value_of_series(self.frame[question.name])
        if not question.is_numeric:
            return to_text(value), []
        numbers = to_num(value)
        found = []
        if isinstance(value, Text):
            bad = np.isnan(numbers) & ~is_missing(value)
            if bad.any():
                example = value.uniques[value.codes[np.argmax(bad)]]
                found.append(
                    problem(
                        "scoring.not_a_number",
                        severity="warning",
                        column=question.name,
                        question=question.name,
                        count=int(bad.sum()),
                        example=str(example),
                    )
                )
        return Num(numbers), found


def needed_questions(method: Method) -> set[str]:
    """The questions scoring reads: those scored or named in values and definitions, and all that
    their relevance and calculations depend on."""
    names = {r.question for r in method.scoring if r.question}
    texts = [r.value for r in method.scoring if r.value] + [d.rule for d in method.definitions]
    todo = set(names)
    for text in texts:
        todo |= parse(text).references() if text else set()
    groups = {g.name: g for g in method.groups}
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        question = method.question(name)
        if question is None:
            continue
        deps = [question.relevant, question.calculation]
        deps += [groups[g].relevant for g in question.group if g in groups]
        for dep in deps:
            if dep:
                todo |= parse(dep).references() - seen
    return seen
