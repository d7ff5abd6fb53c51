"""One answer set checked against the method, as the server checks a form step (authoritatively).

Typed answers are normalised first (``" 1 200 "`` -> ``"1200"`` for an integer; choices in form
order for a select_multiple); an answer of the wrong type is reported and otherwise ignored. Then
relevance, calculations and constraints are evaluated by the same vectorised evaluator that scores
submissions, over a one-row frame, so the form and the scores can never disagree.

A constraint that cannot be decided because it needs a missing answer does not block the person:
the answer it depends on is checked where it is asked.

Example::

    >>> from solidata.core.method.model import Method, Question
    >>> m = Method(id="m", version="1", questions=(
    ...     Question("n", "integer", required=True, constraint=". <= 10"),
    ...     Question("why", "text", relevant="${n} > 5")))
    >>> form = FilledForm(m, {"n": "12"})
    >>> [(i.question, i.code) for i in form.issues(m.questions)]
    [('n', 'constraint')]
    >>> form.is_relevant(m.question("why"))
    True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from solidata.core.errors import SolidataError
from solidata.core.expressions import Environment, Value, evaluate, parse
from solidata.core.expressions.values import to_bool, to_series, to_text
from solidata.core.form.steps import Step, is_shown
from solidata.core.method.model import Group, Method, Question
from solidata.core.scoring.answers import INSTANCE_ID, Answers

IssueCode = Literal["required", "integer", "decimal", "date", "choice", "constraint"]
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


@dataclass(frozen=True)
class Issue:
    """Why one answer cannot be accepted (``code`` is stable; the web layer words it)."""

    question: str
    code: IssueCode


def normalise(method: Method, question: Question, raw: str) -> tuple[str, IssueCode | None]:
    """The stored form of one typed answer, or the raw text and why it is not acceptable.

    Example::

        >>> normalise(Method(id="m", version="1"), Question("n", "integer"), " 1 200 ")
        ('1200', None)
    """
    text = raw.strip()
    if text == "":
        return "", None
    kind = question.type
    if kind == "integer":
        compact = _SPACES.sub("", text)
        return (str(int(compact)), None) if _INTEGER.match(compact) else (text, "integer")
    if kind in ("decimal", "range"):
        compact = _SPACES.sub("", text).replace(",", ".")
        if not _DECIMAL.match(compact):
            return text, "decimal"
        number = float(compact)
        return (str(int(number)) if number.is_integer() else repr(number)), None
    if kind == "date":
        try:
            return datetime.date.fromisoformat(text).isoformat(), None
        except ValueError:
            return text, "date"
    if question.is_select:
        names = [c.name for c in method.choice_list(question)]
        picked = set(text.split())
        if not picked <= set(names) or (kind == "select_one" and len(picked) != 1):
            return text, "choice"
        return " ".join(n for n in names if n in picked), None
    return text, None


class FilledForm:
    """The answers of one person, with relevance, calculations and checks as the method says."""

    def __init__(self, method: Method, answers: Mapping[str, str]) -> None:
        self.method = method
        self.questions = {q.name: q for q in method.questions}
        self.valid: dict[str, str] = {}
        self.type_issues: dict[str, IssueCode] = {}
        for name, raw in answers.items():
            question = self.questions.get(name)
            if question is None or not question.is_answer:
                continue
            value, issue = normalise(method, question, str(raw))
            if issue is not None:
                self.type_issues[name] = issue
            elif value != "":
                self.valid[name] = value
        columns = [INSTANCE_ID, *method.answer_columns()]
        row = {INSTANCE_ID: "form", **self.valid}
        # One text array cut into one-row columns: three times faster than a frame built from
        # the row, and a form is built twice per page of the assessment.
        values = pd.array([row.get(c) for c in columns], dtype="string")
        frame = pd.DataFrame({c: values[i : i + 1] for i, c in enumerate(columns)})
        self._answers = Answers(method, frame)
        self._groups: dict[str, bool] = {}

    def _condition(self, text: str, current: str | None = None) -> bool | None:
        """True, false or None (unknown) for one expression over these answers."""
        env = self._answers.env
        if current is not None:
            env = Environment(size=1, lookup=self._answers.value, current=self.value_of(current))
        try:
            result = to_bool(evaluate(parse(text), env))
        except SolidataError:
            return None
        if bool(result.unknown[0]):
            return None
        return bool(result.values[0])

    def value_of(self, name: str) -> Value:
        """The one-row value of ``${name}``: missing where not relevant or not answered."""
        return self._answers.value(name)

    def group_is_relevant(self, group: Group) -> bool:
        """A group is relevant when it and every group around it are (unknown counts as not)."""
        if group.name not in self._groups:
            relevant = True
            for name in (*group.path, group.name):
                outer = self.method.group(name)
                if outer is not None and outer.relevant and not self._condition(outer.relevant):
                    relevant = False
                    break
            self._groups[group.name] = relevant
        return self._groups[group.name]

    def is_relevant(self, question: Question) -> bool:
        """As KoboToolbox and ODK decide it; a ``relevant`` that needs a missing answer is false."""
        relevance = self._answers.relevance(question)
        return True if relevance is None else bool(relevance[0])

    def step_is_relevant(self, step: Step) -> bool:
        if step.group is not None and not self.group_is_relevant(step.group):
            return False
        return any(self.is_relevant(q) for q in step.questions)

    def display(self, name: str) -> str:
        """The current value of ``${name}`` as text (for labels that show an answer or a result)."""
        if name not in self.questions:
            return ""
        value = to_series(to_text(self.value_of(name)))
        first = value.iloc[0]
        return "" if first is None or first is pd.NA or first != first else str(first)

    def issues(self, questions: Iterable[Question]) -> list[Issue]:
        """What stops these questions' answers from being accepted (relevant questions only)."""
        out = []
        for question in questions:
            if not is_shown(question) or not question.is_answer or not self.is_relevant(question):
                continue
            name = question.name
            if name in self.type_issues:
                out.append(Issue(name, self.type_issues[name]))
            elif name not in self.valid:
                if question.required:
                    out.append(Issue(name, "required"))
            elif question.constraint and self._condition(question.constraint, name) is False:
                out.append(Issue(name, "constraint"))
        return out

    def clean(self) -> dict[str, str]:
        """The answers a submission keeps: valid answers to relevant questions, in form order."""
        return {
            q.name: self.valid[q.name]
            for q in self.method.questions
            if q.name in self.valid and self.is_relevant(q)
        }


def selected(value: str) -> set[str]:
    """The choice names of a stored select_multiple answer."""
    return set(value.split())
