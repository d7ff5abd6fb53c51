"""Evaluate a parsed expression over whole columns at once (never row by row).

Missing values propagate: arithmetic with a missing operand is missing, ``div`` and ``mod`` by
zero are missing, comparisons with a missing operand are unknown, and ``and``/``or``/``not()``
follow three-valued (Kleene) logic, so ``false and unknown`` is false and ``true or unknown`` is
true. The one exception is comparing with the empty string: ``${q} = ''`` is true exactly when
``q`` is missing, as XLSForm authors expect.

Example::

    >>> frame = pd.DataFrame({"a": [4.0, 1.0, None], "b": [2.0, 0.0, 1.0]})
    >>> evaluate_frame("${a} div ${b}", frame).tolist()
    [2.0, nan, nan]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from solidata.core.errors import SolidataError
from solidata.core.expressions.syntax import (
    Binary,
    Call,
    Current,
    Expression,
    Negate,
    Node,
    Number,
    Paren,
    Ref,
    String,
    parse,
)
from solidata.core.expressions.values import (
    Bool,
    FloatArray,
    Num,
    Text,
    Value,
    boolean,
    constant_bool,
    constant_number,
    constant_text,
    is_missing,
    kleene_and,
    kleene_not,
    kleene_or,
    take_where,
    text_pairs,
    to_bool,
    to_num,
    to_series,
    to_text,
    unify,
    value_of_series,
)


@dataclass(frozen=True)
class Environment:
    """What names mean during one evaluation over ``size`` rows.

    ``lookup`` gives the value of ``${name}``; ``scores`` the arrays behind ``score('ID')``;
    ``current`` the value of ``.`` (in constraints).
    """

    size: int
    lookup: Callable[[str], Value]
    scores: Mapping[str, FloatArray] = field(default_factory=dict)
    current: Value | None = None


def evaluate(expression: Expression | str, env: Environment) -> Value:
    """Evaluate over every row of ``env``: a :class:`Num`, :class:`Bool` or :class:`Text`."""
    expr = parse(expression) if isinstance(expression, str) else expression
    return _Evaluator(expr, env).eval(expr.root)


def evaluate_frame(
    expression: Expression | str,
    frame: pd.DataFrame,
    *,
    current: str | None = None,
    scores: Mapping[str, Any] | None = None,
) -> pd.Series[Any]:
    """Evaluate over a frame whose columns are named after the questions.

    ``current`` names the column that ``.`` stands for; ``scores`` maps ids to score columns for
    ``score('ID')``. The result is a float64, nullable ``boolean`` or ``str`` Series.
    """
    cache: dict[str, Value] = {}

    def lookup(name: str) -> Value:
        if name not in cache:
            if name not in frame.columns:
                raise SolidataError.of("expression.unknown_name", name=name)
            cache[name] = value_of_series(frame[name])
        return cache[name]

    score_arrays = {
        k: np.asarray(pd.to_numeric(pd.Series(v), errors="coerce"), dtype=np.float64)
        for k, v in (scores or {}).items()
    }
    env = Environment(
        size=len(frame),
        lookup=lookup,
        scores=score_arrays,
        current=lookup(current) if current is not None else None,
    )
    return to_series(evaluate(expression, env), frame.index)


def _full_match(text: str, pattern: str) -> bool | None:
    try:
        return re.fullmatch(pattern, text) is not None
    except re.error:
        return None


_ARITHMETIC = {"+", "-", "*", "div", "mod"}
_RELATIONAL = {"<", "<=", ">", ">="}


class _Evaluator:
    def __init__(self, expr: Expression, env: Environment) -> None:
        self.expr = expr
        self.env = env
        self.n = env.size

    def eval(self, node: Node) -> Value:
        if isinstance(node, Number):
            return constant_number(node.value, self.n)
        if isinstance(node, String):
            return constant_text(node.value, self.n)
        if isinstance(node, Ref):
            return self.env.lookup(node.name)
        if isinstance(node, Current):
            if self.env.current is None:
                raise SolidataError.of(
                    "expression.current_outside_constraint", expression=self.expr.source
                )
            return self.env.current
        if isinstance(node, Paren):
            return self.eval(node.inner)
        if isinstance(node, Negate):
            return Num(-to_num(self.eval(node.operand)))
        if isinstance(node, Binary):
            return self.binary(node)
        return self.call(node)

    def binary(self, node: Binary) -> Value:
        op = node.op
        if op in ("=", "!=") and (_is_empty_string(node.left) or _is_empty_string(node.right)):
            other = node.right if _is_empty_string(node.left) else node.left
            gone = is_missing(self.eval(other))
            values = gone if op == "=" else ~gone
            return boolean(values, np.zeros(self.n, dtype=bool))
        left, right = self.eval(node.left), self.eval(node.right)
        if op == "and":
            return kleene_and(to_bool(left), to_bool(right))
        if op == "or":
            return kleene_or(to_bool(left), to_bool(right))
        if op in _ARITHMETIC:
            return Num(_arithmetic(op, to_num(left), to_num(right)))
        if op in _RELATIONAL:
            return _compare_numbers(op, to_num(left), to_num(right))
        return _equality(op, left, right)

    def call(self, node: Call) -> Value:
        name = node.name
        if name == "true":
            return constant_bool(True, self.n)
        if name == "false":
            return constant_bool(False, self.n)
        if name == "score":
            ident = node.args[0].value if isinstance(node.args[0], String) else ""
            if ident not in self.env.scores:
                raise SolidataError.of("expression.unknown_score", id=ident)
            return Num(self.env.scores[ident])
        if name == "if":
            cond = to_bool(self.eval(node.args[0]))
            a, b = self.eval(node.args[1]), self.eval(node.args[2])
            return take_where(cond.values, a, b, cond.unknown)
        if name == "coalesce":
            result = self.eval(node.args[0])
            for arg in node.args[1:]:
                gone = is_missing(result)
                result = take_where(~gone, result, self.eval(arg), np.zeros(self.n, dtype=bool))
            return result
        args = [self.eval(a) for a in node.args]
        if name == "not":
            return kleene_not(to_bool(args[0]))
        if name == "number":
            return Num(to_num(args[0]))
        if name == "count-selected":
            t = to_text(args[0])
            return Num(t.per_unique(lambda u: float(len(u.split())), np.float64, np.nan))
        if name == "string-length":
            t = to_text(args[0])
            return Num(t.per_unique(lambda u: float(len(u)), np.float64, np.nan))
        if name == "selected":
            return self.pairs(args[0], args[1], lambda u, c: c.strip() in u.split())
        if name == "regex":
            return self.pairs(args[0], args[1], _full_match)
        raise SolidataError.of(  # the parser only lets known functions through
            "expression.unknown_function", expression=self.expr.source, name=name, known=""
        )

    def pairs(self, a: Value, b: Value, fn: Callable[[str, str], bool | None]) -> Bool:
        def as_float(x: str, y: str) -> float:
            result = fn(x, y)
            return np.nan if result is None else float(result)

        out = text_pairs(to_text(a), to_text(b), as_float, np.float64, np.nan)
        return boolean(out == 1.0, np.isnan(out))


def _is_empty_string(node: Node) -> bool:
    while isinstance(node, Paren):
        node = node.inner
    return isinstance(node, String) and node.value == ""


def _arithmetic(op: str, a: FloatArray, b: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        zero = b == 0
        out = np.divide(a, b) if op == "div" else np.fmod(a, b)
    return np.where(zero, np.nan, out)


def _compare_numbers(op: str, a: FloatArray, b: FloatArray) -> Bool:
    unknown = np.isnan(a) | np.isnan(b)
    with np.errstate(invalid="ignore"):
        if op == "<":
            values = a < b
        elif op == "<=":
            values = a <= b
        elif op == ">":
            values = a > b
        elif op == ">=":
            values = a >= b
        else:
            values = a == b
    return boolean(values, unknown)


def _equality(op: str, left: Value, right: Value) -> Bool:
    """XPath ``=``/``!=``: as booleans if either is one, else numbers if either is, else texts."""
    if isinstance(left, Bool) or isinstance(right, Bool):
        a, b = to_bool(left), to_bool(right)
        result = boolean(a.values == b.values, a.unknown | b.unknown)
    elif isinstance(left, Num) or isinstance(right, Num):
        result = _compare_numbers("=", to_num(left), to_num(right))
    else:
        result = _text_equal(left, right)
    return kleene_not(result) if op == "!=" else result


def _text_equal(a: Text, b: Text) -> Bool:
    ca, cb, _ = unify(a, b)
    unknown = (ca < 0) | (cb < 0)
    return boolean(ca == cb, unknown)
