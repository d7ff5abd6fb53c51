"""The method's codes in words, in the page's language: an answer's choice names as their labels,
a definition clause such as ``score('P2') >= 50`` as a sentence. The result page, the public
profile and the review page all explain clauses with the one :class:`ClauseExplainer`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from solidata.core.expressions import parse
from solidata.core.expressions.syntax import (
    Binary,
    Call,
    Expression,
    Node,
    Number,
    Paren,
    Ref,
    String,
)
from solidata.core.method import Method, Question

_FLIP = {">=": "<=", "<=": ">=", ">": "<", "<": ">", "=": "=", "!=": "!="}


def number_text(value: float | None, digits: int = 0) -> str:
    """A number rounded and formatted for the active language ("" for none)."""
    return "" if value is None else number_format(round(value, digits), digits)


def answer_text(method: Method, question: Question, value: str, lang: str) -> str:
    """An answer as the check page shows it: choice labels instead of choice names."""
    if not question.is_select:
        return value
    labels = {c.name: method.text(c.labels, lang) or c.name for c in method.choice_list(question)}
    return ", ".join(labels.get(v, v) for v in value.split())


class ClauseExplainer:
    """A definition clause such as ``score('P2') >= 50`` in words, with the entity's own value.

    Without a ``record`` (scores) or ``answers``, the values are left out: a public profile
    explains the rule, never the answers behind it.
    """

    def __init__(
        self,
        method: Method,
        record: Mapping[str, Any] | None,
        answers: Mapping[str, str] | None,
        lang: str,
    ) -> None:
        self.method = method
        self.record = record
        self.answers = answers
        self.lang = lang

    def explain(self, text: str) -> str:
        try:
            expression = parse(text)
        except Exception:  # a clause the parser refuses is shown as written
            return text
        return self.node(expression, expression.root) or text

    def node(self, expr: Expression, node: Node) -> str | None:
        if isinstance(node, Paren):
            return self.node(expr, node.inner)
        if isinstance(node, Binary) and node.op in ("and", "or"):
            a, b = self.node(expr, node.left), self.node(expr, node.right)
            if a is None or b is None:
                return None
            if node.op == "and":
                return _("%(a)s, and %(b)s") % {"a": a, "b": b}
            return _("either %(a)s, or %(b)s") % {"a": a, "b": b}
        if isinstance(node, Call) and node.name == "not":
            inner = self.node(expr, node.args[0])
            return None if inner is None else _("not: %(a)s") % {"a": inner}
        if isinstance(node, Binary) and node.op in _FLIP:
            left, right, op = node.left, node.right, node.op
            if isinstance(left, Number | String):
                left, right, op = right, left, _FLIP[op]
            subject = self.subject(left)
            if subject is None or not isinstance(right, Number | String):
                return None
            name, yours = subject
            target = self.literal(left, right)
            sentence = {
                ">=": _("%(subject)s is at least %(target)s"),
                ">": _("%(subject)s is more than %(target)s"),
                "<=": _("%(subject)s is at most %(target)s"),
                "<": _("%(subject)s is less than %(target)s"),
                "=": _("%(subject)s is “%(target)s”"),
                "!=": _("%(subject)s is not “%(target)s”"),
            }[op] % {"subject": name, "target": target}
            if yours is None:
                return sentence
            return _("%(sentence)s (yours: %(value)s)") % {"sentence": sentence, "value": yours}
        return None

    def subject(self, node: Node) -> tuple[str, str | None] | None:
        """The compared thing's name and the entity's value (None when values are not shown)."""
        m = self.method
        if isinstance(node, Call) and node.name == "score" and isinstance(node.args[0], String):
            ident = node.args[0].value
            target = m.dimension(ident) or m.indicator(ident)
            label = m.text(target.labels, self.lang) if target else ident
            name = _("the score for “%(name)s”") % {"name": label}
            if self.record is None:
                return name, None
            got = (self.record.get("dimensions", {}).get(ident)) or (
                self.record.get("indicators", {}).get(ident, {})
            )
            value = got.get("score")
            return name, number_text(value) if value is not None else _("no score")
        if isinstance(node, Ref):
            question = m.question(node.name)
            if question is None:
                return None
            label = m.text(question.labels, self.lang) or node.name
            name = _("the answer to “%(question)s”") % {"question": label}
            if self.answers is None:
                return name, None
            raw = self.answers.get(node.name, "")
            return name, answer_text(m, question, raw, self.lang) if raw else _("no answer")
        if isinstance(node, Call) and node.name == "coalesce" and len(node.args) == 2:
            inner, fallback = self.subject(node.args[0]), node.args[1]
            if inner is None or not isinstance(fallback, Number):
                return None
            default = number_text(fallback.value)
            name = _("%(subject)s (%(default)s when not answered)") % {
                "subject": inner[0],
                "default": default,
            }
            unanswered = (
                self.answers is not None
                and isinstance(node.args[0], Ref)
                and not self.answers.get(node.args[0].name)
            )
            return name, default if unanswered else inner[1]
        if isinstance(node, Binary) and node.op == "+":
            a, b = self.subject(node.left), self.subject(node.right)
            if a is None or b is None:
                return None
            both = _("%(a)s plus %(b)s") % {"a": a[0], "b": b[0]}
            return both, None if a[1] is None or b[1] is None else f"{a[1]} + {b[1]}"
        return None

    def literal(self, subject: Node, node: Number | String) -> str:
        if isinstance(node, Number):
            return number_text(node.value, 0 if float(node.value).is_integer() else 2)
        if isinstance(subject, Ref):
            question = self.method.question(subject.name)
            if question is not None and question.is_select:
                return answer_text(self.method, question, node.value, self.lang)
        return node.value
