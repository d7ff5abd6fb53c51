"""The definition workbench: test a definition of an SSE entity on a survey's data at once.

A definition is a rule over scores and answers (``score('P2') >= 50 and ${registered} = 'yes'``),
as on the method's ``definitions`` sheet. :func:`check_rule` validates a typed rule as the method
reader would; :func:`evaluate_rule` evaluates it over every submission at once (vectorised, with
three-valued logic: a needed score that is missing makes the result undetermined);
:func:`summarise` counts who meets it, overall, by entity type and by aimag, and how many each
``and`` clause excludes; :func:`compare` says which entities move in or out between two
definitions.

Example::

    >>> result = evaluate_rule(data, "score('P1') >= 50 and score('P2') >= 50")
    >>> summarise(data, result).total
    Tally(meets=102, does_not_meet=53, undetermined=1)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.expressions import Environment, Expression, evaluate, parse
from solidata.core.expressions.values import to_bool
from solidata.core.findings.dataset import SurveyData
from solidata.core.method import Method
from solidata.core.method.validate import Checker, not_a_condition
from solidata.core.scoring import RESULTS

Int8Array = npt.NDArray[np.int8]
MEETS, DOES_NOT_MEET, UNDETERMINED = 0, 1, 2
BREAKDOWNS = ("entity_type", "admin_area")
# Questions whose answers a reader who may not see small groups may use in a typed rule: choices
# split entities into a few groups, whereas a number or a text can single one out.
OPEN_TYPES = frozenset({"select_one", "select_multiple"})
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")


@dataclass(frozen=True)
class RuleCheck:
    """A checked rule: its ``and`` clauses, or the problems that stop it from being used."""

    rule: str
    clauses: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


@dataclass(frozen=True)
class Tally:
    meets: int = 0
    does_not_meet: int = 0
    undetermined: int = 0

    @property
    def total(self) -> int:
        return self.meets + self.does_not_meet + self.undetermined

    def of(self, result: str) -> int:
        return int(getattr(self, result))


@dataclass(frozen=True)
class ClauseImpact:
    """How an ``and`` clause sorts the entities: ``fails`` makes them not meet the rule;
    ``only_reason`` counts those it alone keeps out (every other clause holds)."""

    text: str
    holds: int
    fails: int
    unknown: int
    only_reason: int


@dataclass(frozen=True)
class RuleResult:
    """A rule evaluated on every entity: ``codes`` (0 meets, 1 does not meet, 2 undetermined)
    and each clause's outcome in the same codes."""

    rule: str
    codes: Int8Array
    clauses: tuple[tuple[str, Int8Array], ...]

    def results(self) -> npt.NDArray[np.str_]:
        """The result of each entity as text: meets, does_not_meet, undetermined."""
        return np.asarray(np.array(RESULTS)[self.codes], dtype=str)


@dataclass(frozen=True)
class Summary:
    total: Tally
    breakdowns: Mapping[str, tuple[tuple[str, Tally], ...]]  # variable -> (category, tally)
    clauses: tuple[ClauseImpact, ...]

    @property
    def most_excluding(self) -> ClauseImpact | None:
        """The clause that keeps the most entities out (None for a rule of one clause)."""
        if len(self.clauses) < 2:
            return None
        return max(self.clauses, key=lambda c: (c.fails, c.only_reason))


@dataclass(frozen=True)
class Comparison:
    """Two rules on the same entities: ``moves[(a, b)]`` counts entities with result ``a`` under
    the first and ``b`` under the second; ``moved_in``/``moved_out`` list who starts or stops
    meeting the definition (instance ids)."""

    first: RuleResult
    second: RuleResult
    moves: Mapping[tuple[str, str], int]
    moved_in: tuple[str, ...]
    moved_out: tuple[str, ...]


def check_rule(method: Method, rule: str, *, answers_allowed: bool = True) -> RuleCheck:
    """Check ``rule`` as the method reader checks the ``definitions`` sheet: syntax, names,
    ``score()`` ids and that it is a condition. Without ``answers_allowed`` only scores and
    choice questions may be used.

    >>> from solidata.core.method import Method
    >>> check_rule(Method(id="m", version="1"), "score('P1') >=").ok
    False
    """
    text = rule.strip()
    ids = {d.id for d in method.dimensions} | {i.id for i in method.indicators}
    expr, found = Checker(method).expression(text, "definitions", 0, "rule", scores=ids)
    problems = [replace(p, sheet=None, row=None, column=None) for p in found]
    if expr is None:
        return RuleCheck(text, (), tuple(problems))
    if not_a_condition(expr):
        problems.append(problem("method.definition_not_condition", rule=text))
    if not answers_allowed:
        for name in sorted(expr.references()):
            question = method.question(name)
            if question is not None and question.type not in OPEN_TYPES:
                problems.append(
                    problem("stats.rule_answer_not_allowed", name=name, type=question.type)
                )
    return RuleCheck(text, tuple(expr.and_clauses()), tuple(problems))


def check_definition_id(identifier: str) -> None:
    """Raise ``stats.definition_id_invalid`` unless ``identifier`` can name a definition."""
    if not _ID.match(identifier):
        raise SolidataError.of(
            "stats.definition_id_invalid",
            id=identifier,
            reason="it must start with a letter or digit and have at most 100 characters",
        )


def evaluate_rule(data: SurveyData, rule: str) -> RuleResult:
    """Evaluate ``rule`` (already checked) over every entity of ``data`` at once.

    Raises :class:`SolidataError` for a rule that does not parse or names unknown answers.
    """
    expr = parse(rule.strip())
    env = Environment(size=data.size, lookup=data.lookup, scores=data.scores())
    codes = _codes(expr, env)
    nodes = expr.clause_nodes()
    clauses: tuple[tuple[str, Int8Array], ...]
    if len(nodes) == 1:
        clauses = ((expr.text_of(nodes[0]), codes),)
    else:
        clauses = tuple(
            (expr.text_of(node), _codes(Expression(expr.source, node), env)) for node in nodes
        )
    return RuleResult(rule=expr.source, codes=codes, clauses=clauses)


def resolve(method: Method, given: str) -> tuple[str, str]:
    """``(label, rule)`` for a definition id of ``method``, or for a rule typed as is."""
    for d in method.definitions:
        if d.id == given:
            return d.id, d.rule
    check = check_rule(method, given)
    if not check.ok:
        if _ID.match(given.strip()):  # looks like an id rather than a rule
            known = ", ".join(d.id for d in method.definitions)
            raise SolidataError.of("stats.definition_unknown", given=given, known=known)
        raise SolidataError([p for p in check.problems if p.severity == "error"])
    return check.rule, check.rule


def summarise(
    data: SurveyData, result: RuleResult, *, breakdowns: Sequence[str] = BREAKDOWNS
) -> Summary:
    """Who meets the rule, overall and by each variable of ``breakdowns``, and what each clause
    does."""
    codes = result.codes.astype(np.intp)
    total = _tally(np.bincount(codes, minlength=3))
    groups: dict[str, tuple[tuple[str, Tally], ...]] = {}
    for variable in breakdowns:
        which, values = data.group_codes[variable]
        counts = np.bincount(which * 3 + codes, minlength=3 * len(values)).reshape(-1, 3)
        groups[variable] = tuple(
            (value, _tally(row)) for value, row in zip(values, counts, strict=True)
        )
    fails = np.stack([c == DOES_NOT_MEET for _, c in result.clauses]) if result.clauses else None
    impacts = []
    for k, (text, outcome) in enumerate(result.clauses):
        alone = 0
        if fails is not None and len(result.clauses) > 1:
            others = np.delete(fails, k, axis=0).any(axis=0)
            others_known = np.delete(
                np.stack([c != UNDETERMINED for _, c in result.clauses]), k, axis=0
            ).all(axis=0)
            alone = int((fails[k] & ~others & others_known).sum())
        elif fails is not None:
            alone = int(fails[k].sum())
        counted = np.bincount(outcome.astype(np.intp), minlength=3)
        impacts.append(
            ClauseImpact(
                text=text,
                holds=int(counted[MEETS]),
                fails=int(counted[DOES_NOT_MEET]),
                unknown=int(counted[UNDETERMINED]),
                only_reason=alone,
            )
        )
    return Summary(total=total, breakdowns=groups, clauses=tuple(impacts))


def compare(data: SurveyData, first: RuleResult, second: RuleResult) -> Comparison:
    """Which entities change result between ``first`` and ``second``."""
    pairs = np.bincount(
        first.codes.astype(np.intp) * 3 + second.codes.astype(np.intp), minlength=9
    ).reshape(3, 3)
    moves = {(RESULTS[a], RESULTS[b]): int(pairs[a, b]) for a in range(3) for b in range(3)}
    ids = np.asarray(data.ids.astype(str))
    came = (second.codes == MEETS) & (first.codes != MEETS)
    left = (first.codes == MEETS) & (second.codes != MEETS)
    return Comparison(
        first=first,
        second=second,
        moves=moves,
        moved_in=tuple(ids[came].tolist()),
        moved_out=tuple(ids[left].tolist()),
    )


def _codes(expr: Expression, env: Environment) -> Int8Array:
    value = to_bool(evaluate(expr, env))
    out = np.where(value.values, MEETS, DOES_NOT_MEET).astype(np.int8)
    out[value.unknown] = UNDETERMINED
    return out


def _tally(row: npt.NDArray[np.int64]) -> Tally:
    return Tally(int(row[MEETS]), int(row[DOES_NOT_MEET]), int(row[UNDETERMINED]))
