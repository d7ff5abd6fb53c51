"""Parse the XLSForm expression language (the XPath subset methods use) into a small tree.

The grammar, loosest binding first: ``or``; ``and``; ``=`` ``!=``; ``<`` ``<=`` ``>`` ``>=``;
``+`` ``-``; ``*`` ``div`` ``mod``; unary ``-``; then ``${name}``, ``.``, numbers, ``'strings'``,
function calls and parentheses. Parentheses, calls and unary ``-`` nest at most ``MAX_DEPTH``
levels deep (deeper text is refused, not a recursion error). Every node keeps its
``start``/``end`` offsets in the source so a definition's clauses can be shown exactly as the
author wrote them.

Example::

    >>> e = parse("${a} > 1 and score('P2') >= 50")
    >>> sorted(e.references()), sorted(e.score_ids()), e.and_clauses()
    (['a'], ['P2'], ['${a} > 1', "score('P2') >= 50"])
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from solidata.core.errors import SolidataError

# name -> (fewest arguments, most arguments or None for any number)
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "not": (1, 1),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "if": (3, 3),
    "coalesce": (2, None),
    "number": (1, 1),
    "string-length": (1, 1),
    "regex": (2, 2),
    "score": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
}
BOOLEAN_FUNCTIONS = frozenset({"not", "selected", "regex", "true", "false"})
COMPARISONS = frozenset({"=", "!=", "<", "<=", ">", ">="})

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<ref>\$\{(?P<refname>[^}]*)\})
  | (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)
  | (?P<dot>\.(?![.\w]))
  | (?P<name>[A-Za-z_][A-Za-z0-9_\-]*)
    """,
    re.VERBOSE,
)
_NAME = re.compile(r"^[A-Za-z_:][A-Za-z0-9_:.\-]*$")
_KEYWORDS = {"and", "or", "div", "mod"}
# Each level of nesting costs the parser about ten Python frames: 50 levels stay well inside
# Python's recursion limit, wherever parse() is called from, and far beyond what methods write.
MAX_DEPTH = 50


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int


@dataclass(frozen=True)
class String:
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Ref:
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Current:
    start: int
    end: int


@dataclass(frozen=True)
class Negate:
    operand: Node
    start: int
    end: int


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node
    start: int
    end: int


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Paren:
    inner: Node
    start: int
    end: int


Node = Number | String | Ref | Current | Negate | Binary | Call | Paren


@dataclass(frozen=True)
class Token:
    kind: str  # ref, number, string, op, dot, name, end
    text: str
    start: int
    end: int


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Negate):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    if isinstance(node, Paren):
        return (node.inner,)
    return ()


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in children(node):
        yield from walk(child)


@dataclass(frozen=True)
class Expression:
    """A parsed expression: the source text and its tree."""

    source: str
    root: Node

    def references(self) -> set[str]:
        """The ``${name}`` references."""
        return {n.name for n in walk(self.root) if isinstance(n, Ref)}

    def score_ids(self) -> set[str]:
        """The ids in ``score('ID')`` calls (only literal ids are valid)."""
        return {
            n.args[0].value
            for n in walk(self.root)
            if isinstance(n, Call) and n.name == "score" and isinstance(n.args[0], String)
        }

    def calls(self) -> list[Call]:
        return [n for n in walk(self.root) if isinstance(n, Call)]

    def uses_current(self) -> bool:
        return any(isinstance(n, Current) for n in walk(self.root))

    def clause_nodes(self) -> list[Node]:
        """The top-level ``and`` clauses (the whole expression when it is not an ``and`` chain)."""
        out: list[Node] = []

        def flatten(node: Node) -> None:
            if isinstance(node, Binary) and node.op == "and":
                flatten(node.left)
                flatten(node.right)
            else:
                out.append(node)

        flatten(self.root)
        return out

    def and_clauses(self) -> list[str]:
        """The source text of each top-level ``and`` clause."""
        return [self.text_of(n) for n in self.clause_nodes()]

    def text_of(self, node: Node) -> str:
        return self.source[node.start : node.end].strip()

    def is_condition(self) -> bool:
        """True when the expression certainly gives true/false (a comparison, and/or, not() ...)."""
        node = self.root
        while isinstance(node, Paren):
            node = node.inner
        if isinstance(node, Binary):
            return node.op in COMPARISONS or node.op in ("and", "or")
        return isinstance(node, Call) and node.name in BOOLEAN_FUNCTIONS


def syntax_error(source: str, position: int, reason: str) -> SolidataError:
    return SolidataError.of(
        "expression.syntax", expression=source, position=position + 1, reason=reason
    )


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            raise syntax_error(source, pos, f"unexpected character {source[pos]!r}")
        kind = m.lastgroup or ""
        if kind == "refname":  # the inner group of ref
            kind = "ref"
        if kind == "ref":
            name = m.group("refname").strip()
            if not _NAME.match(name):
                raise syntax_error(
                    source, pos, f"{m.group(0)!r} is not a valid ${{name}} reference"
                )
            tokens.append(Token("ref", name, m.start(), m.end()))
        elif kind != "space":
            tokens.append(Token(kind, m.group(0), m.start(), m.end()))
        pos = m.end()
    tokens.append(Token("end", "", len(source), len(source)))
    return tokens


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = tokenize(source)
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def error(self, reason: str, token: Token | None = None) -> SolidataError:
        return syntax_error(self.source, (token or self.tok).start, reason)

    def take(self) -> Token:
        tok = self.tok
        self.i += 1
        return tok

    def at_op(self, *ops: str) -> bool:
        tok = self.tok
        if tok.kind == "op" and tok.text in ops:
            return True
        return tok.kind == "name" and tok.text in _KEYWORDS and tok.text in ops

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise self.error("the expression is empty")
        node = self.binary(0)
        if self.tok.kind != "end":
            raise self.error(f"unexpected {self.tok.text!r}")
        return node

    LEVELS: tuple[tuple[str, ...], ...] = (
        ("or",),
        ("and",),
        ("=", "!="),
        ("<", "<=", ">", ">="),
        ("+", "-"),
        ("*", "div", "mod"),
    )

    def binary(self, level: int) -> Node:
        if level == len(self.LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        while self.at_op(*self.LEVELS[level]):
            op = self.take().text
            right = self.binary(level + 1)
            node = Binary(op, node, right, node.start, right.end)
        return node

    def unary(self) -> Node:
        # Every nested level (a parenthesis, a call's arguments, a unary minus) passes here.
        if self.depth >= MAX_DEPTH:
            raise self.error(f"it nests more than {MAX_DEPTH} levels deep")
        self.depth += 1
        try:
            if self.at_op("-"):
                start = self.take().start
                operand = self.unary()
                return Negate(operand, start, operand.end)
            return self.primary()
        finally:
            self.depth -= 1

    def primary(self) -> Node:
        tok = self.take()
        if tok.kind == "number":
            return Number(float(tok.text), tok.start, tok.end)
        if tok.kind == "string":
            return String(tok.text[1:-1], tok.start, tok.end)
        if tok.kind == "ref":
            return Ref(tok.text, tok.start, tok.end)
        if tok.kind == "dot":
            return Current(tok.start, tok.end)
        if tok.kind == "op" and tok.text == "(":
            inner = self.binary(0)
            close = self.expect(")", "a closing parenthesis")
            return Paren(inner, tok.start, close.end)
        if tok.kind == "name" and self.at_op("("):
            return self.call(tok)
        if tok.kind == "name":
            raise self.error(
                f"{tok.text!r} is not a value; write ${{{tok.text}}} to use a question's answer",
                tok,
            )
        what = "the end of the expression" if tok.kind == "end" else repr(tok.text)
        raise self.error(f"expected a value but found {what}", tok)

    def expect(self, op: str, what: str) -> Token:
        if not self.at_op(op):
            found = "the end" if self.tok.kind == "end" else repr(self.tok.text)
            raise self.error(f"expected {what} but found {found}")
        return self.take()

    def call(self, name: Token) -> Call:
        self.take()  # (
        args: list[Node] = []
        if not self.at_op(")"):
            args.append(self.binary(0))
            while self.at_op(","):
                self.take()
                args.append(self.binary(0))
        close = self.expect(")", "',' or ')'")
        if name.text not in FUNCTIONS:
            raise SolidataError.of(
                "expression.unknown_function",
                expression=self.source,
                name=name.text,
                known=", ".join(sorted(FUNCTIONS)),
            )
        low, high = FUNCTIONS[name.text]
        if len(args) < low or (high is not None and len(args) > high):
            expected = (
                str(low) if low == high else f"{low} or more" if high is None else f"{low}-{high}"
            )
            raise SolidataError.of(
                "expression.arity",
                expression=self.source,
                name=name.text,
                expected=expected,
                given=len(args),
            )
        if name.text == "score" and not isinstance(args[0], String):
            raise self.error("score() takes an id in quotes, e.g. score('P2')", name)
        return Call(name.text, tuple(args), name.start, close.end)


@lru_cache(maxsize=4096)
def parse(source: str) -> Expression:
    """Parse ``source``; raises :class:`SolidataError` (``expression.*``) saying where it fails."""
    return Expression(source, _Parser(source).parse())
