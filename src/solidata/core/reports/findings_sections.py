"""The later sections of the findings report: by entity type and aimag, definitions and the
workbench comparison, challenges and opportunities, annex tables (see
:mod:`solidata.core.reports.findings_report`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from solidata.core.definitions import comparison_report
from solidata.core.findings.crosstabs import Query
from solidata.core.reports.charts import Bar, BarChart, MapChart
from solidata.core.reports.choropleth import Shade
from solidata.core.reports.document import (
    Block,
    Heading,
    Items,
    Numbering,
    Paragraph,
    Section,
    count,
    text,
)
from solidata.core.reports.tables import means_grid, report_table
from solidata.core.scoring import RESULTS

if TYPE_CHECKING:
    from solidata.core.reports.findings_report import FindingsSource

CHOICE_QUESTIONS = ("challenges", "opportunities")


def _definition_results(source: FindingsSource) -> list[tuple[str, str, str, object]]:
    """``(id, label, rule, results)`` of each definition of the method."""
    f, lang = source.findings, source.lang
    method = f.data.method
    return [
        (
            d.id,
            method.text(d.labels, lang) or d.id,
            d.rule,
            f.data.table.definitions[d.id].astype(str).to_numpy(),
        )
        for d in method.definitions
        if d.id in f.data.table.definitions
    ]


def by_group(
    source: FindingsSource, n: Numbering, dimensions: Sequence[tuple[str, str]]
) -> Section:
    f, w = source.findings, n.words
    blocks: list[Block] = []
    from solidata.core.reports.findings_report import absent_types, country_name

    absent = [
        [text(label), text(w["absent"].format(country=country_name(source)))]
        for _, label in absent_types(source)
    ]
    for variable in ("entity_type", "admin_area"):
        title = w["means_by"].format(variable=f.name("variable", variable))
        extra = absent if variable == "entity_type" else []
        blocks.append(report_table(n, means_grid(f, dimensions, variable, title), extra_rows=extra))
    definitions = _definition_results(source)
    if definitions and f.data.size:
        _, label, _, results = definitions[0]
        table = f.results(results, Query(rows="admin_area"), title=label)  # type: ignore[arg-type]
        k = next(i for i, c in enumerate(table.columns) if c.key == "share:meets")
        shades = {}
        for row in table.rows[:-1]:
            cell = row.cells[k]
            shown = count(cell.value, source.lang, "share", cell.hidden).text
            shades[str(row.key)] = Shade(cell.value, cell.hidden, f"{row.label}: {shown}")
        block = report_table(
            n,
            table,
            caption=w["map_caption"].format(label=label),
            keep=("n", *RESULTS, "share:meets"),
        )
        chart = MapChart(
            shades,
            title=w["map_caption"].format(label=label),
            hidden_label=w["hidden"],
            empty_label="–",
            credit=w["boundaries_credit"],
        )
        figure = n.figure(
            "fig-map",
            w["map_caption"].format(label=label),
            chart,
            w["map_alt"].format(n=block.number),
            block.label,
        )
        blocks += [figure, block]
    return Section("by_group", w["by_group"], tuple(blocks))


def definitions(source: FindingsSource, n: Numbering) -> Section:
    f, w, lang = source.findings, n.words, source.lang
    found = _definition_results(source)
    if not found:
        return Section("definitions", w["definitions"], (Paragraph(w["no_definitions"]),))
    blocks: list[Block] = [
        Paragraph(w["definitions_text"].format(rules="")),
        Items(tuple(f"{label}: {rule}" for _, label, rule, _ in found)),
    ]
    rows = []
    for _, label, _, results in found:
        total = f.results(results, Query(), title=label).rows[-1]  # type: ignore[arg-type]
        kinds = ("count", "count", "count", "count", "share")
        rows.append(
            [text(label)]
            + [count(c.value, lang, k, c.hidden) for c, k in zip(total.cells, kinds, strict=False)]
        )
    header = [w["definition"], w["count_entities"], w["meets"], w["does_not_meet"]]
    header += [w["undetermined"], w["share_meets"]]
    notes = f.notes()
    blocks.append(
        n.table("definitions", w["definitions_table"], header, rows, notes, total_last=False)
    )
    if len(found) >= 2:
        (_, a_label, a_rule, _), (_, b_label, b_rule, _) = found[0], found[1]
        report = comparison_report(f.data, (a_label, a_rule), (b_label, b_rule), guard=f.guard)
        moves = report["moves"]
        grid = []
        for ra in RESULTS:
            cells = [text(w[ra])]
            for rb in RESULTS:
                value = moves[ra][rb]
                cells.append(count(value, lang, hidden=value is None))
            grid.append(cells)
        came = [moves[r]["meets"] for r in RESULTS if r != "meets"]
        left = [moves["meets"][r] for r in RESULTS if r != "meets"]
        blocks.append(
            Paragraph(
                w["moves_text"].format(
                    moved_in="x" if None in came else count(sum(came), lang).text,
                    moved_out="x" if None in left else count(sum(left), lang).text,
                )
            )
        )
        blocks.append(
            n.table(
                "moves",
                w["moves_table"].format(a=a_label, b=b_label),
                ["", *(w[r] for r in RESULTS)],
                grid,
                notes,
                total_last=False,
            )
        )
    return Section("definitions", w["definitions"], tuple(blocks))


def challenges(source: FindingsSource, n: Numbering) -> Section:
    f, w, lang = source.findings, n.words, source.lang
    names = {q.name for q in f.data.multiples()}
    asked = [q for q in CHOICE_QUESTIONS if q in names]
    if not asked:
        return Section("challenges", w["challenges"], (Paragraph(w["no_choices"]),))
    blocks: list[Block] = []
    for question in asked:
        table = f.choices(question, Query())
        total = table.rows[-1]
        title = f.name("question", question)
        bars, rows = [], []
        counts = [(i, c) for i, c in enumerate(table.columns) if c.key.startswith("count:")]
        for i, column in counts:
            choice = column.key.removeprefix("count:")
            j = next(k for k, c in enumerate(table.columns) if c.key == f"share:{choice}")
            k_cell, s_cell = total.cells[i], total.cells[j]
            bars.append(Bar(column.label, s_cell.value, s_cell.hidden))
            rows.append(
                [
                    text(column.label),
                    count(k_cell.value, lang, hidden=k_cell.hidden),
                    count(s_cell.value, lang, "share", s_cell.hidden),
                ]
            )
        order = sorted(range(len(bars)), key=lambda k: -(bars[k].value or 0))
        chart = BarChart(
            tuple(bars[k] for k in order), w["share_axis"], True, width=source.charts_width
        )
        block = n.table(
            f"choices-{question}",
            w["choices_table"].format(question=title),
            ["", w["count_entities"], w["share_axis"]],
            [rows[k] for k in order],
            table.notes,
            total_last=False,
        )
        alt = " ".join(
            w["hidden_alt"].format(label=b.label)
            if b.hidden
            else w["bar_alt"].format(label=b.label, value=count(b.value, lang, "share").text)
            for b in chart.bars
        )
        blocks.append(
            n.figure(
                f"fig-{question}",
                w["choices_caption"].format(question=title),
                chart,
                alt,
                block.label,
            )
        )
        blocks.append(block)
    return Section("challenges", w["challenges"], (*blocks, *case_study_blocks(source, n)))


def case_study_blocks(source: FindingsSource, n: Numbering) -> list[Block]:
    """Each case study as a box: where, what it is about, what people said, its codes."""
    w = n.words
    if not source.boxes:
        return []
    blocks: list[Block] = [Paragraph(w["boxes_intro"])]
    for number, box in enumerate(source.boxes, 1):
        title = box.title if not box.organisation else f"{box.title} ({box.organisation})"
        place = ", ".join(p for p in (box.locality, box.admin_area) if p)
        lines = [w["box_where"].format(entity_type=box.entity_type, place=place), box.summary]
        if box.is_synthetic:
            lines.insert(0, w["box_synthetic"])
        blocks.append(Heading(w["box_title"].format(n=number, title=title)))
        blocks.append(Paragraph(" ".join(line for line in lines if line), "notice"))
        if box.quotes:
            blocks.append(Items(tuple(f"«{q}»" for q in box.quotes)))
        codes = [
            w["box_challenges"].format(codes=", ".join(box.challenges)) if box.challenges else "",
            w["box_opportunities"].format(codes=", ".join(box.opportunities))
            if box.opportunities
            else "",
        ]
        if any(codes):
            blocks.append(Paragraph(" ".join(c for c in codes if c), "note"))
    return blocks


def annex(source: FindingsSource, n: Numbering) -> Section:
    f, w = source.findings, n.words
    blocks: list[Block] = [Paragraph(w["annex_text"])]
    grid = f.counts(Query(rows="admin_area", columns="entity_type"))
    blocks.append(report_table(n, grid, caption=w["by_type_area"]))
    names = {q.name for q in f.data.multiples()}
    for question in (q for q in CHOICE_QUESTIONS if q in names):
        table = f.choices(question, Query(rows="entity_type"))
        # One row per choice, one column per entity type: a table that fits a page.
        labels = {c.key.removeprefix("count:"): c.label for c in table.columns}
        rows = []
        for k, column in enumerate(table.columns):
            if not column.key.startswith("share:"):
                continue
            label = labels.get(column.key.removeprefix("share:"), column.label)
            rows.append(
                [text(label)]
                + [
                    count(r.cells[k].value, source.lang, "share", r.cells[k].hidden)
                    for r in table.rows
                ]
            )
        header = ["", *(r.label for r in table.rows)]
        blocks.append(
            n.table(
                f"choices-{question}-by-type",
                f"{table.title}: {f.name('variable', 'entity_type')}",
                header,
                rows,
                table.notes,
                total_last=False,
            )
        )
    for _, label, _, results in _definition_results(source):
        table = f.results(results, Query(rows="entity_type"), title=label)  # type: ignore[arg-type]
        blocks.append(report_table(n, table, keep=("n", *RESULTS, "share:meets")))
    return Section("annex", w["annex"], tuple(blocks))
