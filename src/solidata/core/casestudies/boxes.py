"""What a findings report prints of each case study: one box per published case study.

The report (``solidata.core.reports``) takes these boxes as they are; the web side loads the
records (``solidata.web.casestudies.selectors.report_boxes``), this module decides what goes in
a box: the title and summary in the report's language, the organisation's type and aimag (never
its name unless it agreed to be listed), at most two quotes the speakers agreed to, and the codes
with their labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from solidata.core.method import Method

CODE_LISTS = ("challenges", "opportunities")  # the method's select_multiple questions reused
MAX_QUOTES = 2


@dataclass(frozen=True)
class QuoteRecord:
    text: str
    language: str
    speaker_role: str  # e.g. "herder, member for 10 years": never a name
    consented: bool


@dataclass(frozen=True)
class CaseStudyRecord:
    """A stored case study as the core sees it (plain values, both languages)."""

    titles: Mapping[str, str]  # language -> title
    summaries: Mapping[str, str]
    organisation: str  # shown only when ``organisation_public``
    organisation_public: bool
    entity_type: str  # label in the report's language
    admin_area: str  # label in the report's language
    locality: str
    codes: Mapping[str, Sequence[str]]  # question (challenges/opportunities) -> choice names
    quotes: Sequence[QuoteRecord] = ()
    is_synthetic: bool = False


@dataclass(frozen=True)
class CaseStudyBox:
    """One box of the report: everything is text in the report's language."""

    title: str
    organisation: str  # "" when the organisation did not agree to be named
    entity_type: str
    admin_area: str
    locality: str
    summary: str
    quotes: tuple[str, ...]
    challenges: tuple[str, ...]
    opportunities: tuple[str, ...]
    is_synthetic: bool = False
    codes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # raw choice names


def case_study_boxes(
    records: Sequence[CaseStudyRecord], method: Method, lang: str
) -> list[CaseStudyBox]:
    """The boxes of published case studies in ``lang`` (falling back to English, then any).

    Quotes are those the speaker agreed to, in the report's language first, at most two, each
    followed by its speaker's role; codes are the method's choice labels in ``lang``.

    >>> from solidata.core.method import bundled_method_path, read_method
    >>> record = CaseStudyRecord({"en": "Wool"}, {"en": "A herder cooperative."}, "X", False,
    ...     "Cooperative", "Arkhangai", "Tsetserleg", {"challenges": ["finance"]})
    >>> box = case_study_boxes([record], read_method(bundled_method_path()), "en")[0]
    >>> box.title, box.organisation, box.challenges
    ('Wool', '', ('Getting loans or finance',))
    """
    return [_box(r, method, lang) for r in records]


def _box(record: CaseStudyRecord, method: Method, lang: str) -> CaseStudyBox:
    quotes = sorted(
        (q for q in record.quotes if q.consented and q.text.strip()),
        key=lambda q: q.language != lang,
    )[:MAX_QUOTES]
    labels = {
        name: code_labels(method, name, record.codes.get(name, ()), lang) for name in CODE_LISTS
    }
    return CaseStudyBox(
        title=_in(record.titles, lang),
        organisation=record.organisation if record.organisation_public else "",
        entity_type=record.entity_type,
        admin_area=record.admin_area,
        locality=record.locality,
        summary=_in(record.summaries, lang),
        quotes=tuple(
            f"“{q.text.strip()}” ({q.speaker_role})" if q.speaker_role else f"“{q.text.strip()}”"
            for q in quotes
        ),
        challenges=labels["challenges"],
        opportunities=labels["opportunities"],
        is_synthetic=record.is_synthetic,
        codes={name: tuple(record.codes.get(name, ())) for name in CODE_LISTS},
    )


def code_labels(method: Method, question: str, codes: Sequence[str], lang: str) -> tuple[str, ...]:
    """The labels of ``codes`` of a select_multiple ``question`` in ``lang``, in list order."""
    found = method.question(question)
    if found is None:
        return tuple(codes)
    choices = method.choice_list(found)
    wanted = set(codes)
    return tuple(method.text(c.labels, lang) or c.name for c in choices if c.name in wanted)


def _in(texts: Mapping[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("en") or next((t for t in texts.values() if t), "")
