"""Turn a stored scoring record into a page: labels, levels and reasons, in one language.

This module is the one presenter of a score record: the public profile (:func:`profile_of`, on
an organisation's page and in the review) and the private result page
(:mod:`solidata.web.assessments.result_view`, which adds the words, the peers and the change)
both take their dimensions, definitions and recommendations from :func:`dimension_rows`,
:func:`definition_rows` and :func:`recommendation_rows`, so the two never word a record apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from solidata.core.method import Method
from solidata.web.surveys.wording import ClauseExplainer

UNDETERMINED = "undetermined"


@dataclass(frozen=True)
class DimensionRow:
    id: str
    kind: str
    label: str
    description: str
    score: float | None
    level: str
    coverage: float | None
    indicators: list[tuple[str, float | None]] = field(default_factory=list)

    @property
    def width(self) -> int:
        """Bar width in percent (0 when missing)."""
        return round(self.score) if self.score is not None else 0


@dataclass(frozen=True)
class ClauseRow:
    words: str  # the clause in words (with the entity's values on the private page)
    result: str  # meets, does_not_meet or undetermined
    code: str  # the clause as the method writes it


@dataclass(frozen=True)
class DefinitionRow:
    id: str
    label: str
    description: str
    result: str
    clauses: list[ClauseRow]


@dataclass(frozen=True)
class RecommendationRow:
    target: str
    target_label: str
    text: str
    resource: str


@dataclass(frozen=True)
class Profile:
    method_title: str
    method_version: str
    dimensions: list[DimensionRow]
    definitions: list[DefinitionRow]
    recommendations: list[RecommendationRow]


def level_label(method: Method, level: str | None, lang: str) -> str:
    """The label of the level ``level`` in ``lang`` (empty when there is none)."""
    found = next((lv for lv in method.levels if lv.id == level), None)
    return method.text(found.labels, lang) if found else ""


def dimension_rows(method: Method, record: Mapping[str, Any], lang: str) -> list[DimensionRow]:
    """The dimensions of ``record`` in the order the method lists them, with their indicators."""
    rows = []
    for d in method.dimensions:
        got = record.get("dimensions", {}).get(d.id, {})
        indicators = [
            (
                method.text(i.labels, lang) or i.id,
                record.get("indicators", {}).get(i.id, {}).get("score"),
            )
            for i in method.indicators_of(d.id)
        ]
        rows.append(
            DimensionRow(
                id=d.id,
                kind=d.kind,
                label=method.text(d.labels, lang) or d.id,
                description=method.text(d.descriptions, lang),
                score=got.get("score"),
                level=level_label(method, got.get("level"), lang),
                coverage=got.get("coverage"),
                indicators=indicators,
            )
        )
    return rows


def definition_rows(
    method: Method, record: Mapping[str, Any], lang: str, explainer: ClauseExplainer
) -> list[DefinitionRow]:
    """Each definition's result and its clauses in words (as ``explainer`` words them: with the
    entity's values, or without them on a public page)."""
    rows = []
    for definition in method.definitions:
        got = record.get("definitions", {}).get(definition.id, {})
        rows.append(
            DefinitionRow(
                id=definition.id,
                label=method.text(definition.labels, lang) or definition.id,
                description=method.text(definition.descriptions, lang),
                result=got.get("result") or UNDETERMINED,
                clauses=[
                    ClauseRow(
                        explainer.explain(c["text"]), c.get("result") or UNDETERMINED, c["text"]
                    )
                    for c in got.get("clauses", [])
                ],
            )
        )
    return rows


def recommendation_rows(
    method: Method, record: Mapping[str, Any], lang: str
) -> list[RecommendationRow]:
    """The recommendations that apply, each with its target's label and the method's resource."""
    resources = {
        (r.target, method.text(r.texts, lang)): method.text(r.resources, lang)
        for r in method.recommendations
    }
    rows = []
    for rec in record.get("recommendations", []):
        target = method.dimension(rec["target"]) or method.indicator(rec["target"])
        text = rec.get("text", "")
        rows.append(
            RecommendationRow(
                target=rec["target"],
                target_label=method.text(target.labels, lang) if target else rec["target"],
                text=text,
                resource=resources.get((rec["target"], text)) or "",
            )
        )
    return rows


def profile_of(method: Method, record: Mapping[str, Any], lang: str) -> Profile:
    """The profile of one scored submission, in the order the method lists its dimensions."""
    # The rule in words without the answers behind it: this profile may be public.
    explainer = ClauseExplainer(method, None, None, lang)
    return Profile(
        method_title=method.title_in(lang),
        method_version=method.version,
        dimensions=dimension_rows(method, record, lang),
        definitions=definition_rows(method, record, lang, explainer),
        recommendations=recommendation_rows(method, record, lang),
    )
