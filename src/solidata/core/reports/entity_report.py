"""An entity's own result as a short report (one or two pages), headed with its name, in its
language: its score and level in every dimension beside its peers' median and middle half, the
definitions it meets, and the method's recommendations for it.

The peers' statistics come from the survey's overview table for a reader who may not see small
groups, so an entity's report never reveals another entity's score.

Example::

    >>> line = DimensionLine("P1", 80.0, "Тэргүүлэгч", p25=50.0, median=60.0, p75=70.0)
    >>> result = EntityResult(name="Өлзий Үүр хоршоо", lang="mn", survey="Demo", method="SSE",
    ...                       version="1", dimensions=(line,))
    >>> report = entity_report(result)
    >>> report.title, report.compact, [cell.text for cell in report.tables[0].rows[0]]
    ('Өлзий Үүр хоршоо', True, ['P1', '80.0', 'Тэргүүлэгч', '60.0', '50.0–70.0'])
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from solidata.core.reports.charts import Spread, SpreadChart
from solidata.core.reports.document import (
    Block,
    Items,
    Numbering,
    Paragraph,
    Report,
    Section,
    TextCell,
    count,
    text,
)
from solidata.core.reports.findings_report import spread_alt
from solidata.core.reports.words import date_text

RECOMMENDATIONS = 4  # recommendations printed


@dataclass(frozen=True)
class DimensionLine:
    """One dimension of the entity: its score and level, and the peers' quartiles and median."""

    label: str
    score: float | None
    level: str
    p25: float | None = None
    median: float | None = None
    p75: float | None = None
    peers_hidden: bool = False


@dataclass(frozen=True)
class EntityResult:
    name: str
    lang: str
    survey: str
    method: str
    version: str
    dimensions: tuple[DimensionLine, ...]
    definitions: tuple[tuple[str, str], ...] = ()  # (definition, result in words)
    recommendations: tuple[str, ...] = ()
    peers: int = 0
    synthetic: bool = False
    day: datetime.date | None = None


def entity_report(result: EntityResult) -> Report:
    """The entity's report in ``result.lang``."""
    n = Numbering(result.lang)
    w, lang = n.words, result.lang
    cover: list[Paragraph] = []
    if result.synthetic:
        cover.append(Paragraph(w["synthetic"], "notice"))
    day = result.day or datetime.date.today()
    cover.append(
        Paragraph(w["generated"].format(date=date_text(day, lang), version=_version()), "note")
    )
    blocks: list[Block] = [
        Paragraph(
            w["entity_intro"].format(
                name=result.name, survey=result.survey, method=result.method, version=result.version
            )
        )
    ]
    rows = tuple(
        Spread(d.label, d.p25, d.median, d.p75, d.peers_hidden, d.score) for d in result.dimensions
    )
    header = (
        w["dimension"],
        w["entity_own"],
        w["entity_level"],
        w["entity_peer_median"],
        w["entity_peer_range"],
    )
    table_rows: list[list[TextCell]] = []
    for d in result.dimensions:
        hidden = d.peers_hidden
        middle = (
            "x"
            if hidden
            else f"{count(d.p25, lang, 'score').text}–{count(d.p75, lang, 'score').text}"
        )
        table_rows.append(
            [
                text(d.label),
                count(d.score, lang, "score")
                if d.score is not None
                else text(w["entity_no_score"]),
                text(d.level),
                count(d.median, lang, "score", hidden),
                TextCell(middle, None, hidden),
            ]
        )
    table = n.table(
        "entity-scores",
        w["entity_scores"].format(name=result.name),
        header,
        table_rows,
        (w["entity_peers"].format(n=count(result.peers, lang).text),),
        total_last=False,
    )
    chart = SpreadChart(rows, w["spread_axis"], width=6.5, row_height=0.26)
    blocks.append(
        n.figure(
            "fig-entity",
            w["entity_chart"].format(name=result.name),
            chart,
            _own_alt(result.dimensions, lang) + " " + spread_alt(rows, lang),
            table.label,
        )
    )
    blocks.append(table)
    if result.definitions:
        blocks.append(
            n.table(
                "entity-definitions",
                w["entity_definitions"],
                (w["definition"], w["entity_result"]),
                [[text(label), text(outcome)] for label, outcome in result.definitions],
                total_last=False,
            )
        )
    if result.recommendations:
        # The first ones, in the method's order (weakest dimensions first), so the result keeps
        # to two pages; the result page on the site lists them all.
        shown = result.recommendations[:RECOMMENDATIONS]
        blocks += [Paragraph(w["entity_recommendations"], "subheading"), Items(shown)]
        if len(result.recommendations) > len(shown):
            more = len(result.recommendations) - len(shown)
            blocks.append(Paragraph(w["entity_more"].format(n=more), "note"))
    section = Section("result", w["entity_title"], tuple(blocks))
    return Report(
        lang=lang,
        title=result.name,
        subtitle=f"{w['entity_title']} · {result.survey}",
        cover=tuple(cover),
        sections=(section,),
        words=w,
        compact=True,
    )


def _own_alt(dimensions: Sequence[DimensionLine], lang: str) -> str:
    return " ".join(
        f"{d.label}: {count(d.score, lang, 'score').text}."
        for d in dimensions
        if d.score is not None
    )


def _version() -> str:
    from solidata import __version__

    return __version__
