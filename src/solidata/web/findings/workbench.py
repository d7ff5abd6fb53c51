"""The workbench as a reader sees it: counts that may be hidden, a map, who moves in or out.

The computations are :mod:`solidata.core.definitions`; this module asks the survey's guard which
counts a reader who may not see small groups may see (every count is the size of a set of
entities, decided as on every other findings page), and puts labels on them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from solidata.core.definitions import RuleResult, Summary, compare, evaluate_rule, summarise
from solidata.core.findings.guard import Guard
from solidata.core.reports.choropleth import Shade, choropleth
from solidata.core.reports.words import words as report_words
from solidata.core.scoring import RESULTS
from solidata.web.findings.presenters import Names
from solidata.web.findings.selectors import Dataset

NAMES_SHOWN = 200  # entities listed as moving in or out, for researchers


@dataclass(frozen=True)
class Count:
    value: int | None
    hidden: bool = False


@dataclass(frozen=True)
class GroupRow:
    code: str | None
    label: str
    counts: tuple[Count, Count, Count]  # meets, does not meet, undetermined
    share: float | None  # of those determined that meet
    share_hidden: bool


@dataclass(frozen=True)
class ClauseRow:
    text: str
    holds: Count
    fails: Count
    unknown: Count
    only_reason: Count
    most: bool


@dataclass(frozen=True)
class Candidate:
    label: str
    rule: str
    total: GroupRow
    by_type: tuple[GroupRow, ...]
    by_area: tuple[GroupRow, ...]
    clauses: tuple[ClauseRow, ...]
    map_svg: str = field(default="", repr=False)


@dataclass(frozen=True)
class Movement:
    matrix: tuple[tuple[str, tuple[Count, Count, Count]], ...]  # first's result -> second's
    moved_in: Count
    moved_out: Count
    names_in: tuple[str, ...] = ()
    names_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bench:
    first: Candidate
    second: Candidate | None
    movement: Movement | None


class Reader:
    """Counts as one reader may see them (``guard`` None: everything)."""

    def __init__(self, dataset: Dataset, guard: Guard | None, names: Names) -> None:
        self.dataset = dataset
        self.data = dataset.data
        self.guard = guard
        self.names = names

    def count(
        self, n: int, values: Any, category: str, conditions: dict[str, str] | None = None
    ) -> Count:
        if self.guard is None:
            return Count(n)
        if self.guard.shows(conditions or {}, measure=values, category=category):
            return Count(n)
        return Count(None, True)

    def group_row(
        self, code: str | None, label: str, tally: Any, results: Any, conditions: dict[str, str]
    ) -> GroupRow:
        meets, fails, unknown = (self.count(tally.of(r), results, r, conditions) for r in RESULTS)
        hidden = meets.hidden or fails.hidden
        determined = tally.meets + tally.does_not_meet
        share = tally.meets / determined if determined and not hidden else None
        return GroupRow(code, label, (meets, fails, unknown), share, hidden)

    def candidate(self, label: str, result: RuleResult, summary: Summary) -> Candidate:
        results = result.results()
        total = self.group_row(None, _("All entities"), summary.total, results, {})
        rows: dict[str, tuple[GroupRow, ...]] = {}
        for variable, groups in summary.breakdowns.items():
            order = {code: k for k, code in enumerate(self.names.order.get(variable, ()))}
            groups = tuple(sorted(groups, key=lambda g: (order.get(g[0], len(order)), g[0])))
            rows[variable] = tuple(
                self.group_row(code, self.names(variable, code), tally, results, {variable: code})
                for code, tally in groups
                if tally.total
            )
        most = summary.most_excluding
        clauses = []
        codes = np.array(RESULTS)
        for (text, outcome), impact in zip(result.clauses, summary.clauses, strict=True):
            values = codes[outcome]
            clauses.append(
                ClauseRow(
                    text=text,
                    holds=self.count(impact.holds, values, "meets"),
                    fails=self.count(impact.fails, values, "does_not_meet"),
                    unknown=self.count(impact.unknown, values, "undetermined"),
                    # Per clause, a further split of the entities: researchers only, so that a
                    # committee member's rule costs one suppression per clause, not two.
                    only_reason=(
                        Count(impact.only_reason) if self.guard is None else Count(None, True)
                    ),
                    most=most is not None and impact.text == most.text,
                )
            )
        if any(c.fails.hidden for c in clauses):
            # Which clause excludes the most would compare hidden counts: not said then.
            clauses = [dataclasses.replace(c, most=False) for c in clauses]
        by_area = rows.get("admin_area", ())
        return Candidate(
            label=label,
            rule=result.rule,
            total=total,
            by_type=rows.get("entity_type", ()),
            by_area=by_area,
            clauses=tuple(clauses),
            map_svg=self.map(label, by_area),
        )

    def map(self, label: str, rows: tuple[GroupRow, ...]) -> str:
        shades = {}
        for row in rows:
            if row.code is None:
                continue
            if row.share_hidden:
                title = _("%(area)s: hidden (too few entities)") % {"area": row.label}
            elif row.share is None:
                title = _("%(area)s: undetermined") % {"area": row.label}
            else:
                title = _("%(area)s: %(share)d%% meet") % {
                    "area": row.label,
                    "share": round(100 * row.share),
                }
            shades[row.code] = Shade(row.share, row.share_hidden, title)
        return choropleth(
            shades,
            title=_("Share of entities that meet %(definition)s, by aimag") % {"definition": label},
            legend=("0–20%", "20–40%", "40–60%", "60–80%", "80–100%"),
            hidden_label=_("hidden (too few entities)"),
            empty_label=_("no entities, or none determined"),
            credit=report_words(self.names.lang)["boundaries_credit"],
        )

    def movement(self, first: RuleResult, second: RuleResult) -> Movement:
        found = compare(self.data, first, second)
        a, b = first.results(), second.results()
        matrix: list[tuple[str, tuple[Count, Count, Count]]] = []
        cells: dict[tuple[str, str], Count] = {}
        for ra in RESULTS:
            for rb in RESULTS:
                n = found.moves[(ra, rb)]
                shown = self.guard is None or self.guard.shows_pair(a, b, ra, rb)
                cells[(ra, rb)] = Count(n) if shown else Count(None, True)
            to_meets, to_fails, to_unknown = (cells[(ra, rb)] for rb in RESULTS)
            matrix.append((self.names("result", ra), (to_meets, to_fails, to_unknown)))
        came = [cells[(r, "meets")] for r in RESULTS if r != "meets"]
        left = [cells[("meets", r)] for r in RESULTS if r != "meets"]
        names_in: tuple[str, ...] = ()
        names_out: tuple[str, ...] = ()
        if self.guard is None:
            labels = self.data.labels
            names_in = tuple(labels.get(i, i) for i in found.moved_in[:NAMES_SHOWN])
            names_out = tuple(labels.get(i, i) for i in found.moved_out[:NAMES_SHOWN])
        return Movement(
            matrix=tuple(matrix),
            moved_in=_sum(came),
            moved_out=_sum(left),
            names_in=names_in,
            names_out=names_out,
        )


def bench(
    reader: Reader,
    first: tuple[str, str],
    second: tuple[str, str] | None,
) -> Bench:
    """The workbench for ``first`` (label, rule) and, compared with it, ``second``."""
    data = reader.data
    a = evaluate_rule(data, first[1])
    one = reader.candidate(first[0], a, summarise(data, a))
    if second is None:
        return Bench(one, None, None)
    b = evaluate_rule(data, second[1])
    two = reader.candidate(second[0], b, summarise(data, b))
    return Bench(one, two, reader.movement(a, b))


def _sum(parts: list[Count]) -> Count:
    if any(p.hidden for p in parts):
        return Count(None, True)
    return Count(sum(p.value or 0 for p in parts))
