"""What the result page teaches: each dimension's score and level in plain words, why each
definition is met or not (clause by clause, with the entity's own values), recommendations, peer
benchmarks and the change since the organisation's previous assessment.

The record itself (dimensions, definitions, recommendations and their resources) is presented by
:mod:`solidata.web.surveys.presenters`, as on the public profile; this page adds to it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from django.utils.translation import gettext as _

from solidata.core.findings.benchmarks import PeerBenchmark
from solidata.core.method import Method
from solidata.web.registry.models import AdminArea, Country, EntityType
from solidata.web.surveys.presenters import (
    DefinitionRow,
    DimensionRow,
    RecommendationRow,
    definition_rows,
    dimension_rows,
    recommendation_rows,
)
from solidata.web.surveys.wording import ClauseExplainer, number_text

_n = number_text


@dataclass(frozen=True)
class Band:
    label: str
    low: int
    high: int


@dataclass(frozen=True)
class DimensionResult(DimensionRow):
    """A dimension as the result page shows it: the profile's row, in words, beside its peers."""

    words: str = ""
    marker: float | None = None  # the whole country's mean, drawn on the bar
    peers: list[float | None] = field(default_factory=list)  # one mean per peer column


@dataclass(frozen=True)
class PeerColumn:
    group: str  # entity_type, admin_area or country
    title: str
    n: int
    means: dict[str, float | None]


@dataclass(frozen=True)
class ChangeRow:
    label: str
    before: float | None
    now: float | None
    words: str


@dataclass
class ResultView:
    method_title: str
    method_version: str
    bands: list[Band]
    dimensions: list[DimensionResult]
    definitions: list[DefinitionRow]
    recommendations: list[RecommendationRow]
    peers: list[PeerColumn] = field(default_factory=list)
    change: list[ChangeRow] = field(default_factory=list)


def level_bands(method: Method, lang: str) -> list[Band]:
    ordered = sorted(method.levels, key=lambda lv: lv.min)
    out = []
    for i, level in enumerate(ordered):
        high = int(ordered[i + 1].min) - 1 if i + 1 < len(ordered) else 100
        out.append(Band(method.text(level.labels, lang) or level.id, int(level.min), high))
    return out


def peer_columns(benchmarks: Sequence[PeerBenchmark], country: str) -> list[PeerColumn]:
    """Benchmarks as columns titled with the group's name in the page's language."""
    out = []
    for b in benchmarks:
        if b.group == "entity_type":
            found = EntityType.objects.filter(code=b.value).first()
            title = _("Same type: %(name)s") % {"name": found.name if found else b.value}
        elif b.group == "admin_area":
            area = AdminArea.objects.filter(code=b.value).first()
            title = _("Same area: %(name)s") % {"name": area.name if area else b.value}
        else:
            title = _("Whole country: %(name)s") % {"name": country_name(country)}
        out.append(PeerColumn(group=b.group, title=title, n=b.n, means=dict(b.means)))
    return out


def _dimension_words(method: Method, row: DimensionRow, peers: Sequence[PeerColumn]) -> str:
    value = row.score
    if value is None:
        return _(
            "No score: too few of its questions were answered (a score needs answers for at "
            "least %(share)s%% of its indicators). Answer more of them to get one."
        ) % {"share": _n(method.min_coverage * 100)}
    parts = [
        _("%(score)s out of 100: level “%(level)s”.") % {"score": _n(value), "level": row.level}
    ]
    scored = [(name, s) for name, s in row.indicators if s is not None]
    if len(scored) >= 2:
        best = max(scored, key=lambda x: x[1])
        worst = min(scored, key=lambda x: x[1])
        if best[1] != worst[1]:
            parts.append(
                _("Strongest part: %(best)s (%(b)s). Weakest part: %(worst)s (%(w)s).")
                % {"best": best[0], "b": _n(best[1]), "worst": worst[0], "w": _n(worst[1])}
            )
    coverage = row.coverage
    if coverage is not None and coverage < 1:
        parts.append(
            _("Based on %(share)s%% of its indicators; the others had no answer.")
            % {"share": _n(coverage * 100)}
        )
    national = next((p for p in peers if p.group == "country"), None)
    if national is not None:
        mean = national.means.get(row.id)
        if mean is not None:
            diff = value - mean
            if abs(diff) < 2.5:
                text = _("About the same as the national average (%(mean)s).")
            elif diff > 0:
                text = _("%(diff)s points above the national average (%(mean)s).")
            else:
                text = _("%(diff)s points below the national average (%(mean)s).")
            parts.append(text % {"diff": _n(abs(diff)), "mean": _n(mean)})
    return " ".join(parts)


def result_view(
    method: Method,
    record: Mapping[str, Any],
    answers: Mapping[str, str],
    lang: str,
    *,
    benchmarks: Sequence[PeerBenchmark] = (),
    country: str = "",
    earlier: Mapping[str, Any] | None = None,
) -> ResultView:
    """Everything the result page and its printout show, in ``lang``."""
    peers = peer_columns(benchmarks, country)
    national = next((p for p in peers if p.group == "country"), None)
    dims = [
        DimensionResult(
            **{f.name: getattr(row, f.name) for f in fields(DimensionRow)},
            words=_dimension_words(method, row, peers),
            marker=national.means.get(row.id) if national else None,
            peers=[p.means.get(row.id) for p in peers],
        )
        for row in dimension_rows(method, record, lang)
    ]
    explainer = ClauseExplainer(method, record, answers, lang)
    return ResultView(
        method_title=method.title_in(lang),
        method_version=method.version,
        bands=level_bands(method, lang),
        dimensions=dims,
        definitions=definition_rows(method, record, lang, explainer),
        recommendations=recommendation_rows(method, record, lang),
        peers=peers,
        change=change_rows(method, record, earlier, lang) if earlier else [],
    )


def change_rows(
    method: Method, record: Mapping[str, Any], earlier: Mapping[str, Any], lang: str
) -> list[ChangeRow]:
    out = []
    for d in method.dimensions:
        now = record.get("dimensions", {}).get(d.id, {}).get("score")
        before = earlier.get("dimensions", {}).get(d.id, {}).get("score")
        if now is None or before is None:
            words = _("cannot be compared: a score is missing")
        elif round(now) == round(before):
            words = _("no change")
        elif now > before:
            words = _("up %(n)s points") % {"n": _n(now - before)}
        else:
            words = _("down %(n)s points") % {"n": _n(before - now)}
        out.append(ChangeRow(method.text(d.labels, lang) or d.id, before, now, words))
    return out


def country_name(code: str) -> str:
    found = Country.objects.filter(code=code).first()
    return found.name if found else code
