"""Stage 3 of reading a method: the checks that span sheets, all in one pass.

Unknown ids, expressions that do not parse or name unknown questions, calculations and relevance
that depend on each other in a cycle, and texts missing in one of the method's languages. Each
problem points at the sheet, row and column to fix.

Example::

    >>> from solidata.core.method.model import Method, Indicator
    >>> m = Method(id="x", version="1", indicators=(Indicator("I1", "NOPE", row=2),))
    >>> [p.code for p in validate(m)]
    ['method.dimension_unknown', 'method.indicator_unscored']
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from solidata.core.errors import Problem, Severity, SolidataError, problem
from solidata.core.expressions import Expression, parse
from solidata.core.expressions.syntax import Binary, Call, Negate, Number, Paren, String
from solidata.core.method.model import Method, Question, Texts

_NOT_CONDITIONS = {"number", "count-selected", "string-length", "score"}


@dataclass(frozen=True)
class Checker:
    method: Method
    file: str | None = None

    @cached_property
    def names(self) -> set[str]:
        """What ``${name}`` may refer to: questions and groups."""
        return {q.name for q in self.method.questions} | {g.name for g in self.method.groups}

    def at(
        self,
        code: str,
        sheet: str,
        row: int | None,
        column: str | None,
        *,
        severity: Severity = "error",
        **kw: Any,
    ) -> Problem:
        return problem(
            code, severity=severity, file=self.file, sheet=sheet, row=row, column=column, **kw
        )

    def expression(
        self,
        text: str,
        sheet: str,
        row: int,
        column: str,
        *,
        scores: set[str] | None = None,
        current: bool = False,
        severity: Severity = "error",
    ) -> tuple[Expression | None, list[Problem]]:
        """Parse ``text`` and check its names; ``scores`` are the valid ``score()`` ids, if any."""
        try:
            expr = parse(text)
        except SolidataError as exc:
            located = [
                replace(p, file=self.file, sheet=sheet, row=row, column=column, severity=severity)
                for p in exc.problems
            ]
            return None, located
        out: list[Problem] = []

        def add(code: str, **kw: Any) -> None:
            out.append(self.at(code, sheet, row, column, severity=severity, **kw))

        for name in sorted(expr.references() - self.names):
            add("expression.unknown_name", name=name)
        if any(c.name == "score" for c in expr.calls()):
            if scores is None:
                add("expression.score_outside_definition", expression=text)
            else:
                for ident in sorted(expr.score_ids() - scores):
                    add("expression.unknown_score", id=ident)
        if expr.uses_current() and not current:
            add("expression.current_outside_constraint", expression=text)
        for call in expr.calls():
            if call.name == "regex" and isinstance(call.args[1], String):
                try:
                    re.compile(call.args[1].value)
                except re.error as exc:
                    add("expression.bad_regex", pattern=call.args[1].value, reason=str(exc))
        return expr, out


def validate(method: Method, file: str | None = None) -> list[Problem]:
    """Every cross-sheet problem of ``method`` (errors and warnings), in sheet order."""
    c = Checker(method, file)
    return [
        *check_form(c),
        *check_cycles(c),
        *check_dimensions(c),
        *check_scoring(c),
        *check_levels(c),
        *check_definitions(c),
        *check_recommendations(c),
        *check_translations(c),
    ]


def check_form(c: Checker) -> Iterator[Problem]:
    for g in c.method.groups:
        if g.relevant:
            yield from c.expression(g.relevant, "survey", g.row, "relevant")[1]
    for q in c.method.questions:
        if q.relevant:
            yield from c.expression(q.relevant, "survey", q.row, "relevant")[1]
        if q.calculation:
            yield from c.expression(q.calculation, "survey", q.row, "calculation")[1]
        if q.constraint:  # not used in scoring: a constraint Solidata cannot read only warns
            yield from c.expression(
                q.constraint, "survey", q.row, "constraint", current=True, severity="warning"
            )[1]


def dependencies(method: Method, question: Question) -> set[str]:
    """Names whose values ``question``'s value or relevance needs (expressions that parse)."""
    texts = [question.relevant, question.calculation]
    texts += [g.relevant for g in method.groups if g.name in question.group]
    names: set[str] = set()
    for text in texts:
        if text:
            with contextlib.suppress(SolidataError):
                names |= parse(text).references()
    return names


def check_cycles(c: Checker) -> Iterator[Problem]:
    """Questions whose calculation or relevance depend on each other in a loop."""
    order = {q.name: i for i, q in enumerate(c.method.questions)}
    graph = {q.name: dependencies(c.method, q) & order.keys() for q in c.method.questions}
    for component in strongly_connected(graph):
        if len(component) == 1 and component[0] not in graph[component[0]]:
            continue
        names = sorted(component, key=order.__getitem__)
        first = c.method.questions[order[names[0]]]
        column = "calculation" if first.calculation else "relevant"
        yield c.at("method.cycle", "survey", first.row, column, names=", ".join(names))


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative so deep forms cannot overflow the stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            nxt = next(edges, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                out.append(component)
    return out


def check_dimensions(c: Checker) -> Iterator[Problem]:
    m = c.method
    dimension_ids = {d.id for d in m.dimensions}
    for d in m.dimensions:
        if not m.indicators_of(d.id):
            yield c.at(
                "method.dimension_empty", "dimensions", d.row, "id", severity="warning", id=d.id
            )
    for i in m.indicators:
        if i.id in dimension_ids:
            yield c.at("method.id_clash", "indicators", i.row, "id", id=i.id)
        if i.dimension not in dimension_ids:
            yield c.at("method.dimension_unknown", "indicators", i.row, "dimension", id=i.dimension)
        if not m.rows_of(i.id):
            yield c.at(
                "method.indicator_unscored", "indicators", i.row, "id", severity="warning", id=i.id
            )


def check_scoring(c: Checker) -> Iterator[Problem]:
    m = c.method
    indicator_ids = {i.id for i in m.indicators}
    for r in m.scoring:
        if r.indicator not in indicator_ids:
            yield c.at("method.indicator_unknown", "scoring", r.row, "indicator", id=r.indicator)
        question = m.question(r.question) if r.question else None
        if r.question and question is None:
            yield c.at("method.question_unknown", "scoring", r.row, "question", name=r.question)
        if question is not None and question.in_repeat:
            yield c.at("method.question_in_repeat", "scoring", r.row, "question", name=r.question)
        if not r.question and not r.value:
            yield c.at("method.rule_needs_source", "scoring", r.row, "question")
        if r.rule.kind == "choice":
            if r.value:
                yield c.at("method.choice_rule_with_value", "scoring", r.row, "value")
            elif question is not None and not question.is_select:
                yield c.at(
                    "method.rule_needs_select",
                    "scoring",
                    r.row,
                    "rule",
                    name=question.name,
                    type=question.type,
                )
        if r.value:
            yield from c.expression(r.value, "scoring", r.row, "value")[1]


def check_levels(c: Checker) -> Iterator[Problem]:
    levels = c.method.levels
    seen: dict[float, str] = {}
    for lv in levels:
        if lv.min in seen:
            yield c.at(
                "method.level_duplicate_min",
                "levels",
                lv.row,
                "min",
                min=f"{lv.min:g}",
                other=seen[lv.min],
            )
        seen.setdefault(lv.min, lv.id)
    if levels and levels[0].min > 0:
        yield c.at(
            "method.levels_gap",
            "levels",
            levels[0].row,
            "min",
            severity="warning",
            min=f"{levels[0].min:g}",
        )


def check_definitions(c: Checker) -> Iterator[Problem]:
    ids = {d.id for d in c.method.dimensions} | {i.id for i in c.method.indicators}
    for d in c.method.definitions:
        expr, found = c.expression(d.rule, "definitions", d.row, "rule", scores=ids)
        yield from found
        if expr is not None and not_a_condition(expr):
            yield c.at("method.definition_not_condition", "definitions", d.row, "rule", rule=d.rule)


def not_a_condition(expr: Expression) -> bool:
    """True when the rule certainly gives a number or a text rather than true/false."""
    node = expr.root
    while isinstance(node, Paren):
        node = node.inner
    if isinstance(node, Number | String | Negate):
        return True
    if isinstance(node, Binary):
        return node.op in ("+", "-", "*", "div", "mod")
    return isinstance(node, Call) and node.name in _NOT_CONDITIONS


def check_recommendations(c: Checker) -> Iterator[Problem]:
    ids = {d.id for d in c.method.dimensions} | {i.id for i in c.method.indicators}
    for r in c.method.recommendations:
        if r.target not in ids:
            yield c.at("method.target_unknown", "recommendations", r.row, "target", id=r.target)


def texts_to_translate(m: Method) -> Iterator[tuple[str, str, int, Texts, bool]]:
    """(sheet, column base, row, texts, whether a text is expected even when all are blank)."""
    for g in m.groups:
        yield "survey", "label", g.row, g.labels, False
    for q in m.questions:
        yield "survey", "label", q.row, q.labels, False
        yield "survey", "hint", q.row, q.hints, False
    for choices in m.choices.values():
        for ch in choices:
            yield "choices", "label", ch.row, ch.labels, False
    for d in m.dimensions:
        yield "dimensions", "label", d.row, d.labels, True
        yield "dimensions", "description", d.row, d.descriptions, False
    for i in m.indicators:
        yield "indicators", "label", i.row, i.labels, True
    for lv in m.levels:
        yield "levels", "label", lv.row, lv.labels, True
    for df in m.definitions:
        yield "definitions", "label", df.row, df.labels, True
        yield "definitions", "description", df.row, df.descriptions, False
    for r in m.recommendations:
        yield "recommendations", "text", r.row, r.texts, True
    for e in m.glossary:
        yield "glossary", "term", e.row, e.terms, True


def check_translations(c: Checker) -> Iterable[Problem]:
    """Texts missing in a language of the method: a problem per cell, or per column if all lack."""
    m = c.method
    lacking: dict[tuple[str, str, str], list[int]] = {}
    checked: dict[tuple[str, str], int] = {}
    for sheet, base, row, texts, expected in texts_to_translate(m):
        if not expected and not any(texts.values()):
            continue
        checked[(sheet, base)] = checked.get((sheet, base), 0) + 1
        for lang in m.languages:
            if not texts.get(lang):
                lacking.setdefault((sheet, base, lang), []).append(row)
    out: list[Problem] = []
    for (sheet, base, lang), rows in lacking.items():
        column = f"{base}::{m.language_names.get(lang, lang)}"
        if len(rows) > 1 and len(rows) == checked[(sheet, base)]:
            out.append(
                c.at(
                    "method.translation_column_missing",
                    sheet,
                    1,
                    column,
                    severity="warning",
                    language=lang,
                    rows=len(rows),
                )
            )
            continue
        for row in rows:
            out.append(
                c.at(
                    "method.translation_missing",
                    sheet,
                    row,
                    column,
                    severity="warning",
                    language=lang,
                )
            )
    return sorted(out, key=lambda p: (p.sheet or "", p.row or 0, p.column or ""))
