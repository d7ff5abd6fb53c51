"""Stage 4: the form's constraints, checked on every imported row as KoboToolbox or ODK would.

A constraint is checked wherever its question is answered; one that cannot be decided (it needs
another answer that is missing) is not a violation. KoboToolbox and ODK clear the answers of
questions that are not relevant, so relevance is not evaluated again here. Expressions are
evaluated a whole column at a time by :mod:`solidata.core.expressions`, with calculates from
:class:`solidata.core.scoring.Answers`; a constraint on the answer alone (``. <= 100``) is decided
once per distinct answer, and remembered from one chunk of the file to the next.

Example::

    >>> import pandas as pd
    >>> from solidata.core.ingest.problems import ProblemLog
    >>> from solidata.core.method.model import Method, Question
    >>> m = Method(id="m", version="1", questions=(Question("n", "integer", constraint=". < 10"),))
    >>> problem_log = ProblemLog("a.csv")
    >>> ConstraintChecker(m, problem_log)(pd.DataFrame({"n": ["5", "12"]}), [2, 3], {"n": "n"})
    >>> [(p.code, p.row) for p in problem_log.problems()]
    [('ingest.constraint_failed', 3)]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from solidata.core.errors import SolidataError
from solidata.core.expressions import evaluate, parse
from solidata.core.expressions.values import BoolArray, to_bool
from solidata.core.ingest.problems import ProblemLog
from solidata.core.method.model import Method, Question
from solidata.core.scoring import Answers


class ConstraintChecker:
    """Checks the constraints of one table's questions, chunk after chunk."""

    def __init__(self, method: Method, problem_log: ProblemLog, sheet: str | None = None) -> None:
        self.problem_log = problem_log
        self.sheet = sheet
        # Relevance is not re-evaluated (see the module's documentation).
        self.method = dataclasses.replace(
            method,
            questions=tuple(dataclasses.replace(q, relevant=None) for q in method.questions),
            groups=tuple(dataclasses.replace(g, relevant=None) for g in method.groups),
        )
        self.constrained = [q for q in self.method.questions if q.constraint and q.is_answer]
        self._known: dict[str, dict[str, bool]] = {}

    def __call__(
        self, frame: pd.DataFrame, rows: Sequence[int], headers: Mapping[str, str]
    ) -> None:
        """Report each answer in ``frame`` that breaks its question's constraint.

        ``headers`` gives the file's column of each question (for messages).
        """
        if frame.empty:
            return
        answers: Answers | None = None
        for q in self.constrained:
            if q.name not in frame.columns or q.name not in headers:
                continue
            assert q.constraint is not None
            try:
                if "${" in q.constraint:
                    answers = answers or Answers(self.method, frame)
                    broken = _broken(q.constraint, answers, q.name)
                else:
                    broken = self._broken_distinct(q, frame[q.name])
            except SolidataError:
                continue  # the method's own validation reports broken expressions
            broken &= frame[q.name].notna().to_numpy()
            self._report(q, np.flatnonzero(broken), frame[q.name].to_numpy(), rows, headers)

    def _broken_distinct(self, question: Question, column: pd.Series) -> BoolArray:
        known = self._known.setdefault(question.name, {})
        codes, uniques = pd.factorize(column)
        values = [str(u) for u in uniques]
        new = [v for v in values if v not in known]
        if new:
            alone = dataclasses.replace(question, group=())
            solo = dataclasses.replace(self.method, questions=(alone,), groups=())
            distinct = pd.DataFrame({question.name: pd.Series(new, dtype="str")})
            verdict = _broken(question.constraint or "", Answers(solo, distinct), question.name)
            known.update(zip(new, verdict.tolist(), strict=True))
        table = np.array([known[v] for v in values] + [False], dtype=bool)
        return table[codes]

    def _report(
        self,
        q: Question,
        bad: np.ndarray,
        values: np.ndarray,
        rows: Sequence[int],
        headers: Mapping[str, str],
    ) -> None:
        for n, i in enumerate(bad):
            if self.problem_log.full:
                self.problem_log.count_left_out(len(bad) - n)
                return
            self.problem_log.row_error(
                "ingest.constraint_failed",
                row=int(rows[i]),
                column=headers.get(q.name, q.name),
                sheet=self.sheet,
                value=str(values[i]),
                constraint=q.constraint,
            )


def _broken(constraint: str, answers: Answers, name: str) -> BoolArray:
    """Rows where ``constraint`` is known to be false."""
    env = dataclasses.replace(answers.env, current=answers.value(name))
    verdict = to_bool(evaluate(parse(constraint), env))
    return np.asarray(~verdict.unknown & ~verdict.values, dtype=bool)
