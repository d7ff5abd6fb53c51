"""Stage 2: which question, choice or metadata field each column of an export holds.

Exports name a question by its XML name or by its label in any language of the form, bare or with
the path of its groups (``group/sub/name``) joined by ``/`` or ``.`` (KoboToolbox) or ``-`` (ODK
Central). A select_multiple may also have one 0/1 column per choice (``<header>/<choice>``), a
geopoint four columns for its parts (``_<name>_latitude`` in Kobo, ``<name>-Latitude`` in ODK).
Every spelling of every question is listed once per method, so matching a header is a dictionary
look-up; a label shared by two questions goes to the first one not yet matched, in form order, as
exports list columns in form order.

Example::

    >>> from solidata.core.method.model import Method, Question
    >>> age = Question("age", "integer", labels={"en": "Age"})
    >>> m = Method(id="m", version="1", questions=(age,))
    >>> headers = ["Age", "_uuid", "colour"]
    >>> plan = plan_columns(HeaderIndex(m, m.questions), headers, {"_uuid": "uuid"})
    >>> plan.answers, plan.meta, [c.header for c in plan.unknown]
    ({'age': 0}, {'uuid': 1}, ['colour'])
    >>> split_indexes("kids/kids_details[2]/name")
    ('kids/kids_details/name', (('kids_details', 2),))
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from solidata.core.method.model import Group, Method, Question

GROUP_SEPARATORS = ("/", ".", "-")
OPTION_SEPARATORS = ("/", ".")
GEO_PARTS = ("latitude", "longitude", "altitude", "precision")
_GEO_ALIASES = {"accuracy": "precision"}
_INDEX = re.compile(r"\[(\d+)\]")


def normal(text: str) -> str:
    """A header or label as compared: Unicode NFC, spaces collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


@dataclass(frozen=True)
class Target:
    """What a header can stand for."""

    kind: str  # "answer", "option", "geo"
    question: str
    choice: str | None = None
    part: str | None = None
    language: str = ""  # "" when the header uses XML names


@dataclass
class Plan:
    """The columns of one table, by what they hold (values are column positions)."""

    answers: dict[str, int] = field(default_factory=dict)
    options: dict[str, dict[str, int]] = field(default_factory=dict)
    geo: dict[str, dict[str, int]] = field(default_factory=dict)
    meta: dict[str, int] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    flat: dict[tuple[tuple[str, int], ...], Plan] = field(default_factory=dict)
    unknown: list[UnknownColumn] = field(default_factory=list)
    headers: tuple[str, ...] = ()

    def mapped_questions(self) -> set[str]:
        return set(self.answers) | set(self.options) | set(self.geo)


@dataclass(frozen=True)
class UnknownColumn:
    position: int
    header: str


def texts_of(labels: Mapping[str, str], name: str) -> dict[str, str]:
    """The spellings of an element: ``{"": name, "en": label, ...}``."""
    out = {"": name}
    for lang, label in labels.items():
        if label:
            out[lang or "label"] = label
    return out


def group_chain(method: Method, question: Question) -> list[Group]:
    groups = [method.group(name) for name in question.group]
    return [g for g in groups if g is not None]


class HeaderIndex:
    """Every spelling of the columns of ``questions`` (one table of an export).

    Building one lists every spelling of every question and choice (tens of milliseconds for the
    bundled method); :meth:`of` builds it once per method and table and keeps it with the method
    object, so it goes when the method goes. An index is not changed once built.
    """

    @classmethod
    def of(cls, method: Method, questions: Iterable[Question]) -> HeaderIndex:
        """The index of ``questions`` of ``method``, built on the first call for them and kept
        with the method (:attr:`Method.kept`)."""
        questions = list(questions)
        key = ("ingest.HeaderIndex", tuple(q.name for q in questions))
        found = method.kept.get(key)
        if not isinstance(found, HeaderIndex):
            found = method.kept.setdefault(key, cls(method, questions))
        assert isinstance(found, HeaderIndex)
        return found

    def __init__(self, method: Method, questions: Iterable[Question]) -> None:
        self.method = method
        self.questions = [q for q in questions if q.is_answer]
        self.order = {q.name: i for i, q in enumerate(self.questions)}
        self._index: dict[str, list[Target]] = {}
        for q in self.questions:
            self._add_question(q)

    def _put(self, key: str, target: Target) -> None:
        bucket = self._index.setdefault(normal(key), [])
        if target not in bucket:
            bucket.append(target)

    def _add_question(self, q: Question) -> None:
        chain = group_chain(self.method, q)
        for lang, text in texts_of(q.labels, q.name).items():
            group_texts = [texts_of(g.labels, g.name).get(lang, g.name) for g in chain]
            for spelled in spellings(group_texts, text, lang):
                self._put(spelled, Target("answer", q.name, language=lang))
                if q.type == "select_multiple":
                    self._add_options(q, spelled, lang)
                if q.type == "geopoint":
                    for part in (*GEO_PARTS, *_GEO_ALIASES):
                        real = _GEO_ALIASES.get(part, part)
                        geo = Target("geo", q.name, part=real, language=lang)
                        self._put(f"_{spelled}_{part}", geo)
                        self._put(f"{spelled}-{part}", geo)
                        if "/" in spelled:
                            head, _, tail = spelled.rpartition("/")
                            self._put(f"{head}/_{tail}_{part}", geo)

    def _add_options(self, q: Question, spelled: str, lang: str) -> None:
        for choice in self.method.choice_list(q):
            for choice_text in texts_of(choice.labels, choice.name).values():
                for sep in OPTION_SEPARATORS:
                    self._put(
                        f"{spelled}{sep}{choice_text}",
                        Target("option", q.name, choice=choice.name, language=lang),
                    )

    def match(self, header: str) -> list[Target]:
        return self._index.get(normal(header), [])


def spellings(group_texts: Sequence[str], text: str, lang: str) -> set[str]:
    """A question's header bare and with every tail of its group path, with each separator."""
    out = {text}
    separators = GROUP_SEPARATORS if lang == "" else OPTION_SEPARATORS
    for start in range(len(group_texts)):
        for sep in separators:
            out.add(sep.join([*group_texts[start:], text]))
    return out


def split_indexes(header: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """``kids/kids_details[2]/name`` -> ``("kids/kids_details/name", (("kids_details", 2),))``."""
    found = tuple(
        (m.group(1), int(m.group(2))) for m in re.finditer(r"([^/.\[\]]+)\[(\d+)\]", header)
    )
    return _INDEX.sub("", header), found


def plan_columns(
    index: HeaderIndex,
    headers: Sequence[str],
    meta: Mapping[str, str],
    *,
    ignored: Iterable[str] = (),
    flat_repeats: bool = False,
) -> Plan:
    """Decide what each of ``headers`` holds.

    ``meta`` maps (case-insensitive) metadata headers of the layout to their role; ``ignored``
    lists headers known to carry nothing Solidata keeps. With ``flat_repeats``, headers such as
    ``group[1]/q`` are repeat answers (the legacy KoBoCAT layout) collected in ``plan.flat``.
    """
    plan = Plan(headers=tuple(headers))
    meta_keys = {normal(k): v for k, v in meta.items()}
    ignored_keys = {normal(k) for k in ignored} | _metadata_question_names(index.method)
    for position, header in enumerate(headers):
        key = normal(header)
        if key in meta_keys:
            plan.meta.setdefault(meta_keys[key], position)
            continue
        if flat_repeats and "[" in header:
            bare, indexes = split_indexes(header)
            targets = index.match(bare)
            if indexes and targets:
                _assign(
                    plan.flat.setdefault(indexes, Plan(headers=plan.headers)), targets, position
                )
                continue
        targets = index.match(header)
        if targets:
            _assign(plan, targets, position)
        elif key not in ignored_keys and not key.startswith(("_submission_", "__version__")):
            plan.unknown.append(UnknownColumn(position, header))
    return plan


def _assign(plan: Plan, targets: list[Target], position: int) -> None:
    answers = [t for t in targets if t.kind == "answer"]
    if answers:
        # a label shared by several questions: the first one not matched yet, in form order
        chosen = next((t for t in answers if t.question not in plan.answers), None)
        if chosen is None:
            return
        plan.answers[chosen.question] = position
        plan.languages.setdefault(chosen.question, chosen.language)
        return
    target = targets[0]
    if target.kind == "option" and target.choice is not None:
        plan.options.setdefault(target.question, {}).setdefault(target.choice, position)
        plan.languages.setdefault(target.question, target.language)
    elif target.kind == "geo" and target.part is not None:
        plan.geo.setdefault(target.question, {}).setdefault(target.part, position)


def _metadata_question_names(method: Method) -> set[str]:
    """Columns of metadata questions (start, end, deviceid, ...) and notes: known, not kept."""
    return {normal(q.name) for q in method.questions if not q.is_answer}
