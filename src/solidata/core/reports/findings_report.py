"""The findings report of one survey for one reader, as a :class:`~.document.Report`.

Built from the findings tables (:class:`~solidata.core.findings.crosstabs.Findings`) that the pages
show, for the same reader: a committee member's report hides the cells the pages hide. Sections:
summary; method and sample (limitations, the synthetic-data notice); respondents' profile; results
by purpose, principle and value; by entity type and aimag; definitions and the workbench
comparison; challenges and opportunities; annex tables. Figures and tables are numbered and
captioned in the report's language.

Example::

    >>> from solidata.core.findings.crosstabs import Findings
    >>> source = FindingsSource(Findings(data), lang="mn", survey="Demo", synthetic=True)
    >>> report = findings_report(source)
    >>> [s.id for s in report.sections][:3], report.cover[0].style
    (['summary', 'method', 'profile'], 'notice')
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from solidata import __version__
from solidata.core.casestudies.boxes import CaseStudyBox
from solidata.core.findings.crosstabs import Findings, Query
from solidata.core.findings.tables import Table
from solidata.core.reference import load_reference, name_in
from solidata.core.reports import findings_sections as more
from solidata.core.reports.charts import Bar, BarChart, Spread, SpreadChart
from solidata.core.reports.document import (
    Block,
    Figure,
    Items,
    Numbering,
    Paragraph,
    Report,
    Section,
    TextCell,
)
from solidata.core.reports.tables import report_table
from solidata.core.reports.words import IN_COUNTRY, date_text, number

CAPITAL = "MN-1"  # Ulaanbaatar: "N aimags and the capital"
KIND_GROUPS = (
    ("group_purpose", ("purpose", "principle")),
    ("group_value", ("value",)),
    ("group_aspiration", ("aspiration",)),
)


@dataclass(frozen=True)
class FindingsSource:
    """What a findings report is built from: the reader's tables and what the edge knows."""

    findings: Findings
    lang: str
    survey: str  # the survey's title
    country: str = "MN"
    synthetic: bool = False
    pending: int = 0
    frame_name: str = ""
    frame_problem: str | None = None
    day: datetime.date = field(default_factory=datetime.date.today)
    charts_width: float = 6.0
    boxes: tuple[CaseStudyBox, ...] = ()  # case studies to show beside the survey's choices


def findings_report(source: FindingsSource) -> Report:
    """The report of ``source`` in ``source.lang``."""
    n = Numbering(source.lang)
    f = source.findings
    w = n.words
    cover = []
    if source.synthetic:
        cover.append(Paragraph(w["synthetic"], "notice"))
    cover.append(
        Paragraph(
            w["edition_suppressed"].format(n=f.guard.min_count)
            if f.guard is not None
            else w["edition_full"],
            "notice",
        )
    )
    cover.append(
        Paragraph(
            w["generated"].format(date=date_text(source.day, source.lang), version=__version__),
            "note",
        )
    )
    # Built first so the summary can quote them; numbered in reading order below.
    dimensions = [(d.id, f.name("measure", d.id)) for d in f.data.method.dimensions]
    overview = f.overview(Query(), [d for d, _ in dimensions])
    sections = [
        _method(source, n),
        _profile(source, n),
        _results(source, n, overview),
        more.by_group(source, n, dimensions),
        more.definitions(source, n),
        more.challenges(source, n),
        more.annex(source, n),
    ]
    summary = Section("summary", w["summary"], tuple(_summary(source, overview)))
    return Report(
        lang=source.lang,
        title=w["report_title"],
        subtitle=source.survey,
        cover=tuple(cover),
        sections=(summary, *sections),
        words=w,
    )


def _summary(source: FindingsSource, overview: Table) -> list[Block]:
    f, lang = source.findings, source.lang
    from solidata.core.reports.words import words

    w = words(lang)
    areas = {a for a in f.groups["admin_area"] if a} - {CAPITAL}  # aimags, the capital apart
    method = f.data.method
    out: list[Block] = [
        Paragraph(
            w["summary_size"].format(
                n=number(f.data.size, "count", lang),
                areas=number(len(areas), "count", lang),
                survey=source.survey,
                method=method.title or method.id,
                version=method.version,
            )
        )
    ]
    types = f.counts(Query(rows="entity_type"))
    shown = [(r.cells[0].value, r.label) for r in types.rows[:-1] if not r.cells[0].hidden]
    if shown:
        top = max(shown, key=lambda x: x[0] or 0)
        out.append(
            Paragraph(w["summary_types"].format(label=top[1], count=number(top[0], "count", lang)))
        )
    medians = [(r.cells[2].value, r.label) for r in overview.rows if r.cells[2].value is not None]
    if len(medians) >= 2:
        high = max(medians, key=lambda x: x[0] or 0)
        low = min(medians, key=lambda x: x[0] or 0)
        out.append(
            Paragraph(
                w["summary_high"].format(
                    label=high[1],
                    value=number(high[0], "score", lang),
                    low=low[1],
                    low_value=number(low[0], "score", lang),
                )
            )
        )
    definitions = method.definitions
    if definitions and f.data.size:
        first = definitions[0]
        label = method.text(first.labels, lang) or first.id
        results = f.data.table.definitions[first.id].astype(str).to_numpy()
        total = f.results(results, Query(), title=label).rows[-1]
        share = total.cells[4]
        if share.value is not None and not share.hidden:
            out.append(
                Paragraph(
                    w["summary_definition"].format(
                        share=number(share.value, "share", lang), label=label
                    )
                )
            )
    weighted = f.weighting is not None
    out.append(Paragraph(w["summary_weighted" if weighted else "summary_unweighted"]))
    if source.synthetic:
        out.append(Paragraph(w["synthetic"], "notice"))
    return out


def _method(source: FindingsSource, n: Numbering) -> Section:
    f, w, lang = source.findings, n.words, source.lang
    method = f.data.method
    levels = ", ".join(method.text(lv.labels, lang) or lv.id for lv in method.levels)
    blocks: list[Block] = [
        Paragraph(
            w["method_text"].format(
                method=method.title or method.id, version=method.version, levels=levels
            )
        ),
        Paragraph(
            w["sample_text"].format(
                n=number(f.data.size, "count", lang), pending=number(source.pending, "count", lang)
            )
        ),
    ]
    if f.weighting is not None:
        blocks.append(Paragraph(w["weighting_text"].format(frame=source.frame_name)))
    else:
        blocks.append(Paragraph(w["no_frame_text"]))
    if source.frame_problem:
        blocks.append(Paragraph(w["frame_problem"].format(problem=source.frame_problem), "note"))
    limits = [w["limit_self"], w["limit_sample"]]
    if f.guard is not None:
        limits.append(w["limit_small"].format(n=f.guard.min_count))
    if source.synthetic:
        limits.append(w["limit_synthetic"])
        blocks.append(Paragraph(w["synthetic"], "notice"))
    blocks += [Paragraph(w["limitations"], "subheading"), Items(tuple(limits))]
    return Section("method", w["method"], tuple(blocks))


def absent_types(source: FindingsSource) -> list[tuple[str, str]]:
    """``(code, label)`` of the entity types that do not exist in the country and no entity has."""
    ref = load_reference()
    present = set(source.findings.groups["entity_type"])
    return [
        (p.entity_type, source.findings.name("entity_type", p.entity_type))
        for p in ref.presence
        if p.country == source.country and p.exists == "no" and p.entity_type not in present
    ]


def country_name(source: FindingsSource) -> str:
    """The country as "absent in ..." needs it in the report's language."""
    found_in = IN_COUNTRY.get(source.lang, {}).get(source.country)
    if found_in:
        return found_in
    ref = load_reference()
    found = next((c for c in ref.countries if c.code == source.country), None)
    return name_in(found.names, source.lang) if found else source.country


def _profile(source: FindingsSource, n: Numbering) -> Section:
    f, w = source.findings, n.words
    country = country_name(source)
    absent = [
        [TextCell(label, numeric=False), TextCell(w["absent"].format(country=country), None)]
        for _, label in absent_types(source)
    ]
    types = f.counts(Query(rows="entity_type"))
    chart = BarChart(
        tuple(Bar(r.label, r.cells[0].value, r.cells[0].hidden) for r in types.rows[:-1]),
        w["count_entities"],
        width=source.charts_width,
    )
    table = report_table(
        n,
        types,
        caption=w["by_type"],
        keep=("n", "estimate_total", "se"),
        extra_rows=absent,
        notes=(w["absent_note"].format(country=country),) if absent else (),
    )
    figure = n.figure("fig-types", w["chart_by_type"], chart, _bar_alt(chart, source), table.label)
    blocks: list[Block] = [figure, table]
    for variable, caption in (("legal_form", "by_legal_form"), ("sector", "by_sector")):
        blocks.append(
            report_table(n, f.counts(Query(rows=variable)), caption=w[caption], keep=("n",))
        )
    return Section("profile", w["profile"], tuple(blocks))


def _bar_alt(chart: BarChart, source: FindingsSource) -> str:
    from solidata.core.reports.words import words

    w = words(source.lang)
    kind = "share" if chart.percent else "count"
    return " ".join(
        w["hidden_alt"].format(label=b.label)
        if b.hidden
        else w["bar_alt"].format(label=b.label, value=number(b.value, kind, source.lang))
        for b in chart.bars
    )


def spread_alt(rows: Sequence[Spread], lang: str) -> str:
    from solidata.core.reports.words import words

    w = words(lang)
    return " ".join(
        w["hidden_alt"].format(label=r.label)
        if r.hidden or r.median is None
        else w["spread_alt"].format(
            label=r.label,
            median=number(r.median, "score", lang),
            p25=number(r.p25, "score", lang),
            p75=number(r.p75, "score", lang),
        )
        for r in rows
    )


def spreads(overview: Table, ids: Sequence[str]) -> tuple[Spread, ...]:
    """Rows of a score chart from the overview table's median and quartile cells."""
    keys = [c.key for c in overview.columns]
    out = []
    for row in overview.rows:
        if row.key not in ids:
            continue
        cell = {k: row.cells[i] for i, k in enumerate(keys)}
        hidden = cell["median"].hidden
        out.append(
            Spread(
                row.label,
                cell["p25"].value,
                cell["median"].value,
                cell["p75"].value,
                hidden,
            )
        )
    return tuple(out)


def _results(source: FindingsSource, n: Numbering, overview: Table) -> Section:
    f, w = source.findings, n.words
    method = f.data.method
    blocks: list[Block] = []
    figures: list[Figure] = []
    for group, kinds in KIND_GROUPS:
        ids = [d.id for d in method.dimensions if d.kind in kinds]
        rows = spreads(overview, ids)
        if not rows:
            continue
        chart = SpreadChart(rows, w["spread_axis"], width=source.charts_width)
        figures.append(
            n.figure(
                f"fig-{group}",
                w["spread_caption"].format(group=w[group]),
                chart,
                spread_alt(rows, source.lang),
            )
        )
    table = report_table(n, overview, caption=w["overview_table"], total_last=False)
    blocks += [
        Figure(fig.id, fig.number, fig.label, fig.caption, fig.chart, fig.alt, table.label)
        for fig in figures
    ]
    blocks.append(table)
    return Section("results", w["results"], tuple(blocks))
