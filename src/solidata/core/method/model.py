"""The typed form of a method workbook: what the reader produces and scoring consumes.

Every object remembers the spreadsheet row it came from (``row``, header = row 1) so later stages
can point users at the cell to fix. Translated texts are plain mappings from a language code
(``en``, ``mn``; ``""`` for an untranslated column such as a bare ``label``) to the text.

Example::

    >>> q = Question(name="age", type="integer", labels={"en": "Age"}, row=2)
    >>> q.is_numeric, q.is_select
    (True, False)
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

Texts = Mapping[str, str]
DimensionKind = Literal["purpose", "principle", "value", "aspiration"]
RuleKind = Literal["choice", "linear", "at_least", "at_most", "bands"]

DIMENSION_KINDS: tuple[str, ...] = ("purpose", "principle", "value", "aspiration")
NUMERIC_TYPES = frozenset({"integer", "decimal", "range"})
SELECT_TYPES = frozenset({"select_one", "select_multiple"})
# Survey rows that hold no answer of their own in a plain answers file.
NON_ANSWER_TYPES = frozenset({"note", "calculate", "begin_group", "end_group", "begin_repeat"})
METADATA_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "phonenumber",
        "simserial",
        "subscriberid",
        "email",
        "audit",
        "start-geopoint",
        "background-audio",
    }
)


@dataclass(frozen=True)
class Choice:
    """One answer of a choice list, with its score from 0 to 1 (``None``: not scored)."""

    name: str
    labels: Texts = field(default_factory=dict)
    score: float | None = None
    row: int = 0


@dataclass(frozen=True)
class Group:
    """A ``begin_group`` (or ``begin_repeat``) row; its ``relevant`` applies to all it contains."""

    name: str
    labels: Texts = field(default_factory=dict)
    relevant: str | None = None
    path: tuple[str, ...] = ()
    repeat: bool = False
    row: int = 0


@dataclass(frozen=True)
class Question:
    """A survey row that holds a value: a question, a note or a calculate.

    ``type`` is normalised (``select_one``, ``select_multiple``, ``integer``, ``decimal``, ``text``,
    ``calculate``, ``note`` ...); ``group`` is the path of enclosing group names, outermost first.
    """

    name: str
    type: str
    list_name: str | None = None
    labels: Texts = field(default_factory=dict)
    hints: Texts = field(default_factory=dict)
    relevant: str | None = None
    constraint: str | None = None
    calculation: str | None = None
    required: bool = False
    group: tuple[str, ...] = ()
    in_repeat: bool = False
    row: int = 0
    # Shown when ``constraint`` fails (``constraint_message::…``); ``appearance`` as in XLSForm
    # (``minimal`` for a drop-down, ``multiline`` for a text area).
    constraint_messages: Texts = field(default_factory=dict)
    appearance: str | None = None

    @property
    def is_select(self) -> bool:
        return self.type in SELECT_TYPES

    @property
    def is_numeric(self) -> bool:
        return self.type in NUMERIC_TYPES

    @property
    def is_answer(self) -> bool:
        """True when a plain answers file has a column for it (no note, calculate, metadata)."""
        return self.type not in NON_ANSWER_TYPES and self.type not in METADATA_TYPES


@dataclass(frozen=True)
class Dimension:
    id: str
    kind: str
    labels: Texts = field(default_factory=dict)
    descriptions: Texts = field(default_factory=dict)
    weight: float = 1.0
    row: int = 0


@dataclass(frozen=True)
class Indicator:
    id: str
    dimension: str
    labels: Texts = field(default_factory=dict)
    weight: float = 1.0
    row: int = 0


@dataclass(frozen=True)
class Rule:
    """A parsed ``rule`` cell: ``choice``, ``linear A B``, ``at_least T``, ``at_most T``, bands."""

    kind: RuleKind
    params: tuple[float, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class ScoringRow:
    """One contribution of an answer (or a ``value`` expression) to an indicator."""

    indicator: str
    rule: Rule
    question: str | None = None
    value: str | None = None
    weight: float = 1.0
    row: int = 0


@dataclass(frozen=True)
class Level:
    """A maturity band: scores from ``min`` up to the next band's ``min`` get this level."""

    id: str
    min: float
    labels: Texts = field(default_factory=dict)
    row: int = 0


@dataclass(frozen=True)
class Definition:
    """A candidate definition of an SSE entity; ``clauses`` are its top-level ``and`` parts."""

    id: str
    rule: str
    clauses: tuple[str, ...] = ()
    labels: Texts = field(default_factory=dict)
    descriptions: Texts = field(default_factory=dict)
    row: int = 0


@dataclass(frozen=True)
class Recommendation:
    target: str
    below: float
    texts: Texts = field(default_factory=dict)
    resources: Texts = field(default_factory=dict)  # a reference, e.g. a training module
    row: int = 0


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    terms: Texts = field(default_factory=dict)
    note: str | None = None
    row: int = 0


TITLE_ENTRY = "form_title"  # the glossary row that translates the method's title


@dataclass(frozen=True)
class Method:
    """A whole assessment method: the form, its scoring and its definitions.

    Example::

        >>> m = Method(id="demo", version="1", default_language="mn")
        >>> m.text({"en": "Purpose", "mn": "Зорилго"}, "fr")
        'Зорилго'
    """

    id: str
    version: str
    title: str = ""
    default_language: str = "en"
    languages: tuple[str, ...] = ()
    language_names: Mapping[str, str] = field(default_factory=dict)
    min_coverage: float = 0.5
    questions: tuple[Question, ...] = ()
    groups: tuple[Group, ...] = ()
    choices: Mapping[str, tuple[Choice, ...]] = field(default_factory=dict)
    dimensions: tuple[Dimension, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    scoring: tuple[ScoringRow, ...] = ()
    levels: tuple[Level, ...] = ()
    definitions: tuple[Definition, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()

    @cached_property
    def kept(self) -> dict[Hashable, object]:
        """What a reader works out from this method once and keeps for its next file, by a key
        the reader names (ingest keeps its header indexes here). Not a field: it is not compared,
        copied or printed, and it goes with the method."""
        return {}

    def title_in(self, lang: str | None = None) -> str:
        """The method's title in ``lang``: from the glossary entry ``form_title`` when the method
        translates it (XLSForm's settings sheet holds one title only), else the settings' title.

        >>> m = Method(id="m", version="1", title="Self-assessment",
        ...            glossary=(GlossaryEntry("form_title", {"mn": "Өөрийн үнэлгээ"}),))
        >>> m.title_in("mn"), m.title_in("en")
        ('Өөрийн үнэлгээ', 'Self-assessment')
        """
        entry = next((g for g in self.glossary if g.id == TITLE_ENTRY), None)
        if entry is not None and lang and entry.terms.get(lang):
            return entry.terms[lang]
        return self.title or self.id

    def text(self, texts: Texts, lang: str | None = None) -> str:
        """``texts`` in ``lang``, else the default language, else English, else any text."""
        for code in (lang, self.default_language, "en", ""):
            if code is not None and texts.get(code):
                return texts[code]
        return next((t for t in texts.values() if t), "")

    def question(self, name: str) -> Question | None:
        return next((q for q in self.questions if q.name == name), None)

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def choice_list(self, question: Question) -> tuple[Choice, ...]:
        return self.choices.get(question.list_name or "", ())

    def dimension(self, id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == id), None)

    def indicator(self, id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == id), None)

    def indicators_of(self, dimension: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.dimension == dimension)

    def rows_of(self, indicator: str) -> tuple[ScoringRow, ...]:
        return tuple(r for r in self.scoring if r.indicator == indicator)

    def answer_columns(self) -> list[str]:
        """The question names a plain answers file has, in form order."""
        return [q.name for q in self.questions if q.is_answer]

    def level_for(self, score: float | None) -> Level | None:
        """The level of one score (``None`` when the score is missing or below every band)."""
        if score is None or score != score:
            return None
        reached = [lv for lv in self.levels if score >= lv.min]
        return max(reached, key=lambda lv: lv.min) if reached else None
