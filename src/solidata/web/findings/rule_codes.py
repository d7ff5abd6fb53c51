"""The codes a typed workbench rule may use, with their names in the page's language: each
dimension's and indicator's ``score('ID')`` and each answer's ``${name}`` (with its choices), as
the rule checker (:func:`solidata.core.definitions.check_rule`) accepts them for this reader."""

from __future__ import annotations

from dataclasses import dataclass

from solidata.core.definitions.workbench import OPEN_TYPES
from solidata.core.method import Method


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    kind: str  # dimension, indicator or answer
    choices: tuple[tuple[str, str], ...] = ()  # (value to write in the rule, its label)


@dataclass(frozen=True)
class RuleCodes:
    scores: tuple[Code, ...]
    answers: tuple[Code, ...]
    choices_only: bool  # the reader may not see small groups: choice questions only


def rule_codes(method: Method, lang: str, *, answers_allowed: bool) -> RuleCodes:
    """Every ``score()`` id (each dimension followed by its indicators) and every answer a rule
    may name; without ``answers_allowed`` only choice questions, as :func:`check_rule` allows.

    >>> from solidata.core.method import Method
    >>> rule_codes(Method(id="m", version="1"), "en", answers_allowed=True).scores
    ()
    """
    scores: list[Code] = []
    for d in method.dimensions:
        scores.append(Code(f"score('{d.id}')", method.text(d.labels, lang) or d.id, "dimension"))
        scores.extend(
            Code(f"score('{i.id}')", method.text(i.labels, lang) or i.id, "indicator")
            for i in method.indicators_of(d.id)
        )
    answers = []
    for q in method.questions:
        if not q.is_answer or (not answers_allowed and q.type not in OPEN_TYPES):
            continue
        choices = (
            tuple((c.name, method.text(c.labels, lang) or c.name) for c in method.choice_list(q))
            if q.is_select
            else ()
        )
        answers.append(
            Code("${" + q.name + "}", method.text(q.labels, lang) or q.name, "answer", choices)
        )
    return RuleCodes(tuple(scores), tuple(answers), choices_only=not answers_allowed)
