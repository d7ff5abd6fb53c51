"""Turn a stored scoring record into a page: labels, levels and reasons, in one language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from solidata.core.method import Method
from solidata.web.surveys.wording import ClauseExplainer


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
class DefinitionRow:
    id: str
    label: str
    description: str
    result: str
    clauses: list[dict[str, Any]]


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


def _level_label(method: Method, level: str | None, lang: str) -> str:
    found = next((lv for lv in method.levels if lv.id == level), None)
    return method.text(found.labels, lang) if found else ""


def profile_of(method: Method, record: dict[str, Any], lang: str) -> Profile:
    """The profile of one scored submission, in the order the method lists its dimensions."""
    dims = []
    for d in method.dimensions:
        got = record.get("dimensions", {}).get(d.id, {})
        indicators = [
            (method.text(i.labels, lang), record.get("indicators", {}).get(i.id, {}).get("score"))
            for i in method.indicators_of(d.id)
        ]
        dims.append(
            DimensionRow(
                id=d.id,
                kind=d.kind,
                label=method.text(d.labels, lang),
                description=method.text(d.descriptions, lang),
                score=got.get("score"),
                level=_level_label(method, got.get("level"), lang),
                coverage=got.get("coverage"),
                indicators=indicators,
            )
        )
    # The rule in words without the answers behind it: this profile may be public.
    explainer = ClauseExplainer(method, None, None, lang)
    definitions = []
    for definition in method.definitions:
        got = record.get("definitions", {}).get(definition.id, {})
        definitions.append(
            DefinitionRow(
                id=definition.id,
                label=method.text(definition.labels, lang) or definition.id,
                description=method.text(definition.descriptions, lang),
                result=got.get("result", "undetermined"),
                clauses=[
                    {**c, "words": explainer.explain(c["text"])} for c in got.get("clauses", [])
                ],
            )
        )
    resources = {
        (r.target, method.text(r.texts, lang)): method.text(r.resources, lang)
        for r in method.recommendations
    }
    recommendations = []
    for rec in record.get("recommendations", []):
        target = method.dimension(rec["target"]) or method.indicator(rec["target"])
        text = rec.get("text", "")
        recommendations.append(
            RecommendationRow(
                target=rec["target"],
                target_label=method.text(target.labels, lang) if target else rec["target"],
                text=text,
                resource=resources.get((rec["target"], text)) or "",
            )
        )
    return Profile(
        method_title=method.title_in(lang),
        method_version=method.version,
        dimensions=dims,
        definitions=definitions,
        recommendations=recommendations,
    )
