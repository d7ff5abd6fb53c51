"""Scoring rules: how one scoring row turns answers into a score from 0 to 1 (NaN = missing).

* ``choice``: a select_one gives its choice's ``score``; a select_multiple the sum of its chosen
  choices' scores, capped at 1. A choice with a blank score (e.g. "don't know") counts as missing;
  chosen alongside scored choices it is ignored.
* ``linear A B``: ``(v - A) / (B - A)`` clipped to [0, 1] (A > B: lower is better).
* ``at_least T`` / ``at_most T``: 1 if ``v >= T`` (``v <= T``), else 0.
* ``bands T1 .. Tk``: the share of thresholds reached, ``count(v >= Ti) / k``.

Example::

    >>> numeric_rule(Rule("linear", (10.0, 0.0)), np.array([0.0, 5.0, 20.0, np.nan])).tolist()
    [1.0, 0.5, 0.0, nan]
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from solidata.core.errors import Problem, problem
from solidata.core.expressions import Text, evaluate, parse
from solidata.core.expressions.values import FloatArray, to_num, to_text
from solidata.core.method.model import Method, Question, Rule, ScoringRow
from solidata.core.scoring.answers import Answers


def numeric_rule(rule: Rule, v: FloatArray) -> FloatArray:
    """Apply a ``linear``, ``at_least``, ``at_most`` or ``bands`` rule (NaN stays NaN)."""
    gone = np.isnan(v)
    with np.errstate(invalid="ignore"):
        if rule.kind == "linear":
            a, b = rule.params
            return np.clip((v - a) / (b - a), 0.0, 1.0)
        if rule.kind == "at_least":
            hit = v >= rule.params[0]
        elif rule.kind == "at_most":
            hit = v <= rule.params[0]
        else:
            hit_count = np.zeros(v.shape, dtype=np.float64)
            for threshold in rule.params:
                hit_count += v >= threshold
            return np.where(gone, np.nan, hit_count / len(rule.params))
    return np.where(gone, np.nan, hit.astype(np.float64))


def choice_table(method: Method, question: Question) -> Mapping[str, float | None]:
    return {c.name: c.score for c in method.choice_list(question)}


def choice_scores(
    method: Method, question: Question, answers: Text
) -> tuple[FloatArray, Problem | None]:
    """Score each distinct answer once, then spread to rows; also a warning for unknown choices."""
    table = choice_table(method, question)
    multiple = question.type == "select_multiple"

    def one(answer: str) -> float:
        if multiple:
            scores = [table[t] for t in answer.split() if table.get(t) is not None]
            return min(sum(s for s in scores if s is not None), 1.0) if scores else np.nan
        found = table.get(answer)
        return np.nan if found is None else found

    out = answers.per_unique(one, np.float64, np.nan)
    known = set(table)
    unknown = [
        i
        for i, u in enumerate(answers.uniques)
        if any(t not in known for t in (u.split() if multiple else [u]))
    ]
    warning = None
    if unknown:
        counts = np.bincount(answers.codes[answers.codes >= 0], minlength=len(answers.uniques))
        warning = problem(
            "scoring.unknown_choice",
            severity="warning",
            column=question.name,
            question=question.name,
            count=int(counts[unknown].sum()),
            example=str(answers.uniques[unknown[0]]),
            list_name=question.list_name or "",
        )
    return out, warning


class RowScorer:
    """Computes scoring rows over all submissions, once per distinct source."""

    def __init__(self, method: Method, answers: Answers) -> None:
        self.method = method
        self.answers = answers
        self._choices: dict[str, FloatArray] = {}

    def score(self, row: ScoringRow) -> FloatArray:
        if row.rule.kind == "choice":
            return self.choice(row.question or "")
        if row.value:
            v = to_num(evaluate(parse(row.value), self.answers.env))
        else:
            v = to_num(self.answers.value(row.question or ""))
        return numeric_rule(row.rule, v)

    def choice(self, name: str) -> FloatArray:
        if name not in self._choices:
            question = self.method.question(name)
            assert question is not None, name  # validation guarantees it
            scores, warning = choice_scores(
                self.method, question, to_text(self.answers.value(name))
            )
            if warning is not None:
                self.answers.problems.append(warning)
            self._choices[name] = scores
        return self._choices[name]
