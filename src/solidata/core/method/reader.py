"""Stage 2 of reading a method: typed objects from the sheets, with every cell-level problem.

Cross-sheet checks (unknown ids, expressions, cycles, translations) are stage 3, in ``validate.py``.

Example::

    >>> parse_rule("linear 10 0")
    Rule(kind='linear', params=(10.0, 0.0), text='linear 10 0')
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.expressions import parse
from solidata.core.method.model import (
    DIMENSION_KINDS,
    Choice,
    Definition,
    Dimension,
    GlossaryEntry,
    Group,
    Indicator,
    Level,
    Method,
    Question,
    Recommendation,
    Rule,
    ScoringRow,
)
from solidata.core.method.sheets import Row, Sheet, Workbook, language_code, split_language

T = TypeVar("T")
_SELECT = re.compile(
    r"^(select_one|select one|select1|select_multiple|select all that apply|select_one_from_file|"
    r"select_multiple_from_file)\s+(\S+)(\s+or_other)?$"
)
_TYPE_ALIASES = {
    "int": "integer",
    "string": "text",
    "begin group": "begin_group",
    "end group": "end_group",
    "begin repeat": "begin_repeat",
    "end repeat": "end_repeat",
}
REQUIRED_SHEETS = ("dimensions", "indicators", "scoring")
REQUIRED_COLUMNS = {
    "dimensions": ("id", "kind"),
    "indicators": ("id", "dimension"),
    "scoring": ("indicator", "rule"),
    "levels": ("id", "min"),
    "definitions": ("id", "rule"),
    "recommendations": ("target", "below"),
    "glossary": ("id",),
}
TRUE_WORDS = {"yes", "true", "true()", "1"}


@dataclass
class Reading:
    """What the reader collects: problems, and the languages seen in label columns."""

    book: Workbook
    problems: list[Problem] = field(default_factory=list)
    languages: dict[str, str] = field(default_factory=dict)

    def add(self, code: str, sheet: str, row: int | None, column: str | None, **kw: Any) -> None:
        self.problems.append(
            problem(code, file=self.book.file, sheet=sheet, row=row, column=column, **kw)
        )

    def texts(self, row: Row, base: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for header, value in row.cells.items():
            name, code, language = split_language(header)
            if name == base:
                out[code or ""] = value
                if code and language and base == "label":
                    self.languages.setdefault(code, language)
        return out

    def number(
        self,
        sheet: str,
        row: Row,
        column: str,
        default: float | None,
        low: float,
        high: float,
        code: str = "method.number_invalid",
    ) -> float | None:
        raw = row.get(column)
        if raw is None:
            return default
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not low <= value <= high:
            expected = (
                f"a number from {low:g} to {high:g}"
                if math.isfinite(high)
                else (f"a number of at least {low:g}")
            )
            self.add(code, sheet, row.number, column, value=raw, expected=expected)
            return default
        return value


def parse_rule(text: str) -> Rule:
    """Parse a ``rule`` cell; raises ``ValueError`` with the reason when it is not a rule."""
    words = text.split()
    kind = words[0].lower() if words else ""
    try:
        params = tuple(float(w) for w in words[1:])
    except ValueError:
        raise ValueError("its thresholds must be numbers") from None
    counts = {"choice": (0, 0), "linear": (2, 2), "at_least": (1, 1), "at_most": (1, 1)}
    if kind == "bands":
        if not params:
            raise ValueError("bands needs at least one threshold")
    elif kind in counts:
        if len(params) != counts[kind][0]:
            raise ValueError(f"{kind} takes {counts[kind][0]} number(s)")
        if kind == "linear" and params[0] == params[1]:
            raise ValueError("linear A B needs A and B to differ")
    else:
        raise ValueError("it is not one of choice, linear, at_least, at_most, bands")
    if any(not math.isfinite(p) for p in params):
        raise ValueError("its thresholds must be finite numbers")
    return Rule(kind, params, " ".join(words))  # type: ignore[arg-type]


def normalise_type(raw: str) -> tuple[str, str | None]:
    """``select one yn`` -> ``("select_one", "yn")``; ``int`` -> ``("integer", None)``."""
    text = " ".join(raw.strip().split()).lower()
    m = _SELECT.match(" ".join(raw.strip().split()))
    if m:
        kind = (
            "select_multiple" if "multiple" in m.group(1) or "all" in m.group(1) else "select_one"
        )
        return kind, m.group(2)
    return _TYPE_ALIASES.get(text, text), None


def read_form(r: Reading) -> tuple[list[Question], list[Group], dict[str, tuple[Choice, ...]]]:
    questions: list[Question] = []
    groups: list[Group] = []
    stack: list[Group] = []
    for row in r.book.sheets["survey"].rows if "survey" in r.book.sheets else ():
        raw_type = row.get("type")
        if raw_type is None:
            continue
        kind, list_name = normalise_type(raw_type)
        path = tuple(g.name for g in stack)
        if kind in ("begin_group", "begin_repeat"):
            group = Group(
                name=row.get("name") or "",
                labels=r.texts(row, "label"),
                relevant=row.get("relevant"),
                path=path,
                repeat=kind == "begin_repeat" or any(g.repeat for g in stack),
                row=row.number,
            )
            groups.append(group)
            stack.append(group)
        elif kind in ("end_group", "end_repeat"):
            if stack:
                stack.pop()
        elif row.get("name"):
            questions.append(
                Question(
                    name=row.get("name") or "",
                    type=kind,
                    list_name=list_name,
                    labels=r.texts(row, "label"),
                    hints=r.texts(row, "hint"),
                    relevant=row.get("relevant"),
                    constraint=row.get("constraint"),
                    calculation=row.get("calculation"),
                    required=(row.get("required") or "").lower() in TRUE_WORDS,
                    group=path,
                    in_repeat=any(g.repeat for g in stack),
                    row=row.number,
                    constraint_messages=r.texts(row, "constraint_message"),
                    appearance=row.get("appearance"),
                )
            )
    choices: dict[str, list[Choice]] = {}
    for row in r.book.sheets["choices"].rows if "choices" in r.book.sheets else ():
        list_name, name = row.get("list_name"), row.get("name")
        if not list_name or not name:
            continue
        labels = r.texts(row, "label")
        score = r.number("choices", row, "score", None, 0.0, 1.0, "method.choice_score_invalid")
        choices.setdefault(list_name, []).append(Choice(name, labels, score, row.number))
    return questions, groups, {k: tuple(v) for k, v in choices.items()}


@dataclass(frozen=True)
class Settings:
    form_id: str
    version: str
    title: str
    default_language: str
    min_coverage: float


def read_settings(r: Reading) -> Settings:
    sheet = r.book.sheets.get("settings")
    row = sheet.rows[0] if sheet and sheet.rows else Row(2, {})
    for name in ("form_id", "version"):
        if not row.get(name):
            r.add("method.setting_missing", "settings", 2, name, name=name)
    return Settings(
        form_id=row.get("form_id") or "",
        version=row.get("version") or "",
        title=row.get("form_title") or "",
        default_language=language_code(row.get("default_language")) or "en",
        min_coverage=r.number("settings", row, "min_coverage", 0.5, 0.0, 1.0) or 0.0,
    )


def rows_of(r: Reading, name: str) -> tuple[Row, ...]:
    """The rows of a scoring sheet, or nothing (with a problem) when it or its key columns lack."""
    sheet: Sheet | None = r.book.sheets.get(name)
    if sheet is None:
        if name in REQUIRED_SHEETS:
            r.add("method.sheet_missing", name, None, None, name=name)
        return ()
    missing = [c for c in REQUIRED_COLUMNS[name] if not sheet.has(c)]
    for column in missing:
        r.add("method.column_missing", name, 1, column, name=column)
    return () if missing else sheet.rows


def unique_rows(r: Reading, sheet: str, key: str, build: Callable[[Row, str], T | None]) -> list[T]:
    """Build one object per row with a non-blank, new ``key``; report blanks and repeats."""
    seen: dict[str, int] = {}
    out: list[T] = []
    for row in rows_of(r, sheet):
        ident = row.get(key)
        if ident is None:
            r.add("method.id_missing", sheet, row.number, key, field=key)
            continue
        if ident in seen:
            r.add("method.id_duplicate", sheet, row.number, key, id=ident, first=seen[ident])
            continue
        seen[ident] = row.number
        built = build(row, ident)
        if built is not None:
            out.append(built)
    return out


@dataclass(frozen=True)
class Parts:
    dimensions: list[Dimension]
    indicators: list[Indicator]
    levels: list[Level]
    definitions: list[Definition]
    glossary: list[GlossaryEntry]
    scoring: list[ScoringRow]
    recommendations: list[Recommendation]


def read_scoring_sheets(r: Reading) -> Parts:
    def dimension(row: Row, ident: str) -> Dimension:
        kind = (row.get("kind") or "").lower()
        if kind not in DIMENSION_KINDS:
            r.add(
                "method.kind_unknown", "dimensions", row.number, "kind", value=row.get("kind") or ""
            )
        weight = r.number("dimensions", row, "weight", 1.0, 0.0, math.inf)
        return Dimension(
            ident,
            kind,
            r.texts(row, "label"),
            r.texts(row, "description"),
            1.0 if weight is None else weight,
            row.number,
        )

    def indicator(row: Row, ident: str) -> Indicator:
        weight = r.number("indicators", row, "weight", 1.0, 0.0, math.inf)
        return Indicator(
            ident,
            row.get("dimension") or "",
            r.texts(row, "label"),
            1.0 if weight is None else weight,
            row.number,
        )

    def level(row: Row, ident: str) -> Level | None:
        low = r.number("levels", row, "min", None, 0.0, 100.0)
        if low is None:
            if row.get("min") is None:
                r.add("method.id_missing", "levels", row.number, "min", field="min")
            return None
        return Level(ident, low, r.texts(row, "label"), row.number)

    def definition(row: Row, ident: str) -> Definition:
        rule = row.get("rule") or ""
        try:
            clauses = tuple(parse(rule).and_clauses())
        except SolidataError:
            clauses = ()  # validate.py reports the expression with its location
        return Definition(
            ident, rule, clauses, r.texts(row, "label"), r.texts(row, "description"), row.number
        )

    def entry(row: Row, ident: str) -> GlossaryEntry:
        return GlossaryEntry(ident, r.texts(row, "term"), row.get("note"), row.number)

    return Parts(
        dimensions=unique_rows(r, "dimensions", "id", dimension),
        indicators=unique_rows(r, "indicators", "id", indicator),
        levels=unique_rows(r, "levels", "id", level),
        definitions=unique_rows(r, "definitions", "id", definition),
        glossary=unique_rows(r, "glossary", "id", entry),
        scoring=read_scoring(r),
        recommendations=read_recommendations(r),
    )


def read_scoring(r: Reading) -> list[ScoringRow]:
    out = []
    for row in rows_of(r, "scoring"):
        indicator, rule_text = row.get("indicator"), row.get("rule")
        if indicator is None:
            r.add("method.id_missing", "scoring", row.number, "indicator", field="indicator")
            continue
        if rule_text is None:
            r.add("method.id_missing", "scoring", row.number, "rule", field="rule")
            continue
        try:
            rule = parse_rule(rule_text)
        except ValueError as exc:
            r.add(
                "method.rule_invalid",
                "scoring",
                row.number,
                "rule",
                rule=rule_text,
                reason=str(exc),
            )
            continue
        weight = r.number("scoring", row, "weight", 1.0, 0.0, math.inf)
        out.append(
            ScoringRow(
                indicator,
                rule,
                row.get("question"),
                row.get("value"),
                1.0 if weight is None else weight,
                row.number,
            )
        )
    return out


def read_recommendations(r: Reading) -> list[Recommendation]:
    out = []
    for row in rows_of(r, "recommendations"):
        target = row.get("target")
        below = r.number("recommendations", row, "below", None, 0.0, 100.0)
        if target is None or below is None:
            column = "target" if target is None else "below"
            if row.get(column) is None:
                r.add("method.id_missing", "recommendations", row.number, column, field=column)
            continue
        out.append(
            Recommendation(
                target, below, r.texts(row, "text"), r.texts(row, "resource"), row.number
            )
        )
    return out


def build_method(book: Workbook) -> tuple[Method, list[Problem]]:
    """Every object of the workbook, and the problems found cell by cell."""
    r = Reading(book)
    settings = read_settings(r)
    questions, groups, choices = read_form(r)
    parts = read_scoring_sheets(r)
    method = Method(
        id=settings.form_id,
        version=settings.version,
        title=settings.title,
        default_language=settings.default_language,
        languages=tuple(r.languages),
        language_names=dict(r.languages),
        min_coverage=settings.min_coverage,
        questions=tuple(questions),
        groups=tuple(groups),
        choices=choices,
        dimensions=tuple(parts.dimensions),
        indicators=tuple(parts.indicators),
        scoring=tuple(parts.scoring),
        levels=tuple(sorted(parts.levels, key=lambda lv: lv.min)),
        definitions=tuple(parts.definitions),
        recommendations=tuple(parts.recommendations),
        glossary=tuple(parts.glossary),
    )
    return method, r.problems
