"""Findings tables: counts, scores, ticked choices and definition results, by any two variables.

A :class:`Findings` reads one survey's :class:`~solidata.core.findings.dataset.SurveyData` for one
reader. Tables are cut by the classification (``CLASSIFIERS``: aimag, ILO entity type, legal form,
sector): rows by one variable, optionally columns by another, restricted by filters on any of
them. With a :class:`~solidata.core.findings.guard.Guard` (readers who may not see small groups)
every cell whose set of entities the guard hides is hidden, and so are the statistics about it: a
mean is shown only when its group's count and the count of missing scores in it are both shown.
With a :class:`~solidata.core.stats.frames.Weighting` the tables add design-based estimates
(means, proportions and totals with standard errors and 95% confidence intervals); without one
they describe the sample and say so.

Example::

    >>> from solidata.core.findings.dataset import CLASSIFIERS
    >>> from solidata.core.findings.guard import Guard
    >>> guard = Guard(data.groups, variables=CLASSIFIERS, min_count=5)
    >>> table = Findings(data, guard=guard).counts(Query(rows="entity_type"))
    >>> [(row.key, None if row.cells[0].hidden else row.cells[0].value) for row in table.rows]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('association', 27.0), ('cooperative', 81.0), ('foundation', None), ('other', None),
     ('self_help_group', 17.0), ('social_enterprise', 14.0), (None, 156.0)]

    The 5 foundations are hidden, and so are the 12 "other" entities: the total would give them
    away.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from solidata.core.errors import SolidataError
from solidata.core.findings.benchmarks import summary
from solidata.core.findings.dataset import CLASSIFIERS, NOT_STATED, SurveyData
from solidata.core.findings.guard import Guard
from solidata.core.findings.tables import Cell, Column, Row, Table
from solidata.core.stats.estimates import Estimate, estimate
from solidata.core.stats.frames import Weighting

BoolArray = npt.NDArray[np.bool_]
Categories = Sequence[Any] | npt.NDArray[Any]  # one category per entity
Namer = Callable[[str, str], str]  # (variable, code) -> the label a reader sees
ALL = "all"
Y, BY = "sd_findings_y", "sd_findings_by"

# A table's words in English; the web passes them translated (TRANSLATED_TABLE_WORDS).
TABLE_WORDS = {
    "total": "Total",
    "overall": "All entities",
    "entities": "Entities",
    "entities_by": "Entities by {variable}",
    "scored": "With a score",
    "mean": "Mean",
    "median": "Median",
    "p25": "Lower quartile",
    "p75": "Upper quartile",
    "share": "Share: {label}",
    "count": "{label}",
    "missing": "Not enough answers",
    "weighted_mean": "Mean (weighted)",
    "weighted_share": "{label} (weighted share)",
    "se": "Standard error",
    "ci_low": "95% CI, low",
    "ci_high": "95% CI, high",
    "df": "Degrees of freedom",
    "estimate_total": "Estimated number",
    "measure": "Dimension or indicator",
    "unweighted": "Unweighted: the figures describe the entities that answered, not a population.",
    "hidden": "x: hidden, fewer than {n} entities (or a cell from which one could be worked out).",
    "answered_share": "Shares are of all entities in the group.",
}


@dataclass(frozen=True)
class Query:
    """Rows by one variable (None: one row), columns by another, filters ``{variable: value}``."""

    rows: str | None = None
    columns: str | None = None
    filters: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in [self.rows, self.columns, *self.filters]:
            if name is not None and name not in CLASSIFIERS:
                raise ValueError(f"not a classification variable: {name}")
        if {self.rows, self.columns} & set(self.filters):
            raise ValueError("a variable cannot both cut the table and filter it")


def _code(variable: str, code: str) -> str:
    return code or "(not stated)"


@dataclass(frozen=True)
class _Set:
    key: str | None
    label: str
    conditions: dict[str, str]
    mask: BoolArray


class Findings:
    """Tables of one survey for one reader (``guard`` None: every cell is shown)."""

    def __init__(
        self,
        data: SurveyData,
        *,
        guard: Guard | None = None,
        weighting: Weighting | None = None,
        name: Namer = _code,
        words: Mapping[str, str] | None = None,
        order: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.data = data
        self.guard = guard
        self.weighting = weighting
        self.name = name
        self.words = {**TABLE_WORDS, **(words or {})}
        self.order = order or {}
        self.groups = data.groups.reset_index(drop=True)
        self._columns: dict[str, npt.NDArray[Any]] = {}

    # --- sets of entities ----------------------------------------------------------------------

    def categories(self, variable: str) -> list[str]:
        """The values of ``variable`` in the survey, in the given order, "not stated" last."""
        present = set(pd.unique(self._column(variable)).tolist())
        ordered = [v for v in self.order.get(variable, ()) if v in present]
        rest = sorted(present - set(ordered) - {NOT_STATED})
        return ordered + rest + ([NOT_STATED] if NOT_STATED in present else [])

    def _column(self, variable: str) -> npt.NDArray[Any]:
        """The values of a classification variable as an array, converted once: a report asks
        for hundreds of sets, and converting the column each time took a tenth of its time."""
        found = self._columns.get(variable)
        if found is None:
            found = self.groups[variable].to_numpy()
            self._columns[variable] = found
        return found

    def mask(self, conditions: Mapping[str, str]) -> BoolArray:
        out = np.ones(self.data.size, dtype=bool)
        for variable, value in conditions.items():
            out &= self._column(variable) == value
        return out

    def sets(self, query: Query, variable: str | None = None) -> list[_Set]:
        """One set per category of ``variable`` (default: the rows) within the filters, then the
        total."""
        variable = query.rows if variable is None else variable
        base = dict(query.filters)
        out = []
        if variable is not None and variable not in base:
            for value in self.categories(variable):
                conditions = {**base, variable: value}
                out.append(
                    _Set(value, self.name(variable, value), conditions, self.mask(conditions))
                )
        out.append(_Set(None, self.words["total"], base, self.mask(base)))
        return out

    def hidden(
        self,
        conditions: Mapping[str, str],
        measure: Categories | None = None,
        category: str | None = None,
        known: Sequence[str] = (),
    ) -> bool:
        if self.guard is None:
            return False
        return not self.guard.shows(conditions, measure=measure, category=category, known=known)

    def notes(self, table_notes: Sequence[str] = ()) -> tuple[str, ...]:
        out = list(table_notes)
        if self.weighting is None:
            out.append(self.words["unweighted"])
        if self.guard is not None:
            out.append(self.words["hidden"].format(n=self.guard.min_count))
        return tuple(out)

    def _by_rows(
        self,
        table_id: str,
        title: str,
        query: Query,
        heads: Sequence[Column],
        rows: Sequence[Row],
        table_notes: Sequence[str] = (),
    ) -> Table:
        """A table of the row sets of ``query``, with the notes every table carries."""
        return Table(
            table_id,
            title,
            self.name("variable", query.rows or ""),
            tuple(heads),
            tuple(rows),
            self.notes(table_notes),
            self.weighting is not None,
        )

    # --- counts --------------------------------------------------------------------------------

    def counts(self, query: Query) -> Table:
        """Entities by rows (and columns), with totals; weighted: estimated numbers by rows."""
        heads = [Column("n", self.words["entities"], "count")]
        if query.columns:
            heads = [
                Column(c.key or "total", c.label, "count", {query.columns: c.key} if c.key else {})
                for c in self.sets(Query(query.columns))
            ]
        rows = []
        for s in self.sets(query):
            cells = []
            for head in heads:
                conditions = {**s.conditions, **head.conditions}
                n = int(self.mask(conditions).sum())
                cells.append(Cell(float(n), self.hidden(conditions), conditions))
            rows.append(Row(s.key, s.label, tuple(cells), s.conditions))
        by = self.name("variable", query.rows) if query.rows else ""
        table = Table(
            "counts",
            self.words["entities_by"].format(variable=by) if by else self.words["entities"],
            self.name("variable", query.rows or ""),
            tuple(heads),
            tuple(rows),
            self.notes(),
        )
        if self.weighting is not None and not query.columns:
            table = self._with_totals(table, query)
        return table

    def _with_totals(self, table: Table, query: Query) -> Table:
        ones = np.ones(self.data.size)
        found, note = self.estimates(ones, "total", query)
        extra = (
            Column("estimate_total", self.words["estimate_total"], "total"),
            Column("se", self.words["se"], "total"),
            Column("ci_low", self.words["ci_low"], "total"),
            Column("ci_high", self.words["ci_high"], "total"),
            Column("df", self.words["df"], "df"),
        )
        rows = []
        for row in table.rows:
            e = found.get(row.key)
            hide = row.cells[-1].hidden
            rows.append(
                Row(
                    row.key,
                    row.label,
                    row.cells + _estimate_cells(e, hide, row.conditions),
                    row.conditions,
                )
            )
        notes = table.notes + ((note,) if note else ())
        return Table(
            table.id, table.title, table.row_label, table.columns + extra, tuple(rows), notes, True
        )

    # --- weighted estimates --------------------------------------------------------------------

    def estimates(
        self, values: Any, statistic: str, query: Query
    ) -> tuple[dict[str | None, Any], str | None]:
        """Design-based estimates of ``values`` for each row set and the total (key None).

        For proportions the result maps a row key to ``{category: Estimate}``. Returns the
        problem text instead of estimates when the frame does not fit the data.
        """
        w = self.weighting
        inside = self.mask(query.filters)
        if w is None or not inside.any():
            return {}, None
        everyone = np.full(self.data.size, None, dtype=object)
        everyone[inside] = ALL
        runs: list[tuple[bool, Any]] = [(True, everyone)]
        if query.rows is not None and query.rows not in query.filters:
            groups = np.full(self.data.size, None, dtype=object)
            groups[inside] = self._column(query.rows)[inside]
            runs.append((False, groups))
        # The same estimates for every reader and every page that shows them (the weighting
        # keeps them): found by what they are computed from, in full.
        found = (statistic, content_digest(values), *(content_digest(r) for _, r in runs))
        kept = w.memo.get(found)
        if kept is not None:
            return kept, None
        out: dict[str | None, Any] = {}
        try:
            for total, labels in runs:
                frame = w.columns.copy()
                frame[Y] = pd.Series(values).reset_index(drop=True)
                frame[BY] = pd.Series(labels, dtype=object)
                result = estimate(frame, Y, statistic=statistic, design=w.design, by=BY)  # type: ignore[arg-type]
                for e in result.estimates:
                    key = None if total else e.by
                    if statistic == "proportion":
                        out.setdefault(key, {})[e.category] = e
                    else:
                        out[key] = e
        except SolidataError as error:
            return {}, error.problems[0].text()
        w.memo.put(found, out)
        return out, None

    # --- scores --------------------------------------------------------------------------------

    def scores(self, measure: str, query: Query, *, estimates: bool = True) -> Table:
        """One dimension or indicator by rows: entities, scored, mean, median, quartiles and the
        share at each level; by rows and columns: the mean in each cell. ``estimates=False``
        leaves out the weighted columns (the sample's own statistics are the same either way)."""
        if query.columns and query.columns != query.rows:
            return self._score_grid(measure, query)
        values = self.data.score(measure)
        levels = self.data.level(measure)
        level_ids = [lv.id for lv in self.data.method.levels]
        heads = [Column("n", self.words["entities"], "count"), *self._summary_columns()]
        heads += [
            Column(f"share:{lv}", self.words["share"].format(label=self.name("level", lv)), "share")
            for lv in level_ids
        ]
        weighted_means: dict[str | None, Any] = {}
        weighted_shares: dict[str | None, Any] = {}
        note = None
        weighted = self.weighting is not None and estimates
        if weighted:
            weighted_means, note = self.estimates(values, "mean", query)
            level_values = pd.Series(levels, dtype=object).replace(NOT_STATED, None)
            weighted_shares, _ = self.estimates(level_values, "proportion", query)
            heads += [
                Column("weighted_mean", self.words["weighted_mean"], "score"),
                Column("se", self.words["se"], "score"),
                Column("ci_low", self.words["ci_low"], "score"),
                Column("ci_high", self.words["ci_high"], "score"),
                Column("df", self.words["df"], "df"),
            ]
            heads += [
                Column(
                    f"weighted_share:{lv}",
                    self.words["weighted_share"].format(label=self.name("level", lv)),
                    "share",
                )
                for lv in level_ids
            ]
        rows = []
        for s in self.sets(query):
            cells = self._score_cells(s, values, levels, level_ids, measure)
            if weighted:
                shown = not cells[2].hidden
                cells += _estimate_cells(weighted_means.get(s.key), not shown, s.conditions)
                shares = weighted_shares.get(s.key, {})
                for lv, share_cell in zip(level_ids, cells[6 : 6 + len(level_ids)], strict=True):
                    e = shares.get(lv)
                    value = e.estimate if e is not None else None
                    cells.append(
                        Cell(
                            None if share_cell.hidden else value,
                            share_cell.hidden,
                            share_cell.conditions,
                        )
                    )
            rows.append(Row(s.key, s.label, tuple(cells), s.conditions))
        return self._by_rows(
            "scores", self.name("measure", measure), query, heads, rows, (note,) if note else ()
        )

    def _score_cells(
        self, s: _Set, values: Any, levels: Any, level_ids: Sequence[str], measure: str
    ) -> list[Cell]:
        n = int(s.mask.sum())
        n_hidden = self.hidden(s.conditions)
        stats = summary(values[s.mask])
        scored = stats.n
        guarded = self.guard is not None
        # How many have no score is shown with the group (it says nothing about any score). The
        # statistics rest on the entities with a score: their group must be shown among them too,
        # or two groups' means could be subtracted to give one entity's score.
        private = guarded and (
            n_hidden or scored < self._limit() or self._scores_hidden(s.conditions, values)
        )
        level_key = f"level:{measure}"
        cells = [
            Cell(float(n), n_hidden, s.conditions),
            Cell(float(scored), n_hidden, {**s.conditions, level_key: "scored"}),
        ]
        for got in (stats.mean, stats.median, stats.p25, stats.p75):
            cells.append(Cell(None if private else got, private, s.conditions))
        for lv in level_ids:
            conditions = {**s.conditions, level_key: lv}
            count = int((levels[s.mask] == lv).sum())
            hide = private or self.hidden(s.conditions, levels, lv, known=(NOT_STATED,))
            share = count / scored if scored and not hide else None
            cells.append(Cell(share, hide, conditions))
        return cells

    def _scores_hidden(self, conditions: Mapping[str, str], values: Any) -> bool:
        """Whether the group is hidden among the entities that have a score in ``values``."""
        if self.guard is None:
            return False
        within = self.guard.within(np.isfinite(values))
        return not within.shows(dict(conditions))

    def _limit(self) -> int:
        return self.guard.min_count if self.guard is not None else 1

    def _score_grid(self, measure: str, query: Query) -> Table:
        assert query.columns is not None
        values = self.data.score(measure)
        column_sets = self.sets(Query(query.columns))
        heads = tuple(
            Column(c.key or "total", c.label, "score", {query.columns: c.key} if c.key else {})
            for c in column_sets
        )
        rows = []
        for s in self.sets(query):
            cells = []
            for head in heads:
                conditions = {**s.conditions, **head.conditions}
                inside = self.mask(conditions)
                got = values[inside]
                scored = int(np.isfinite(got).sum())
                hide = self.guard is not None and (
                    self.hidden(conditions)
                    or scored < self._limit()
                    or self._scores_hidden(conditions, values)
                )
                mean = summary(got, mean_only=True).mean
                cells.append(Cell(None if hide else mean, hide, conditions))
            rows.append(Row(s.key, s.label, tuple(cells), s.conditions))
        return Table(
            "scores",
            self.name("measure", measure),
            self.name("variable", query.rows or ""),
            heads,
            tuple(rows),
            self.notes(),
        )

    def _summary_columns(self) -> list[Column]:
        """Entities with a score, and the mean, median and quartiles of their scores."""
        return [
            Column("scored", self.words["scored"], "count"),
            Column("mean", self.words["mean"], "score"),
            Column("median", self.words["median"], "score"),
            Column("p25", self.words["p25"], "score"),
            Column("p75", self.words["p75"], "score"),
        ]

    def overview(self, query: Query, measures: Sequence[str]) -> Table:
        """Every measure (one row each) over the entities that meet the filters."""
        level_ids = [lv.id for lv in self.data.method.levels]
        heads = self._summary_columns() + [
            Column(f"share:{lv}", self.words["share"].format(label=self.name("level", lv)), "share")
            for lv in level_ids
        ]
        base = self.sets(Query(None, None, query.filters))[0]
        rows = []
        for measure in measures:
            cells = self._score_cells(
                base, self.data.score(measure), self.data.level(measure), level_ids, measure
            )
            rows.append(
                Row(measure, self.name("measure", measure), tuple(cells[1:]), base.conditions)
            )
        return Table(
            "overview",
            self.words["overall"],
            self.words["measure"],
            tuple(heads),
            tuple(rows),
            self.notes(),
        )

    # --- choices ticked ------------------------------------------------------------------------

    def choices(self, question: str, query: Query) -> Table:
        """How many entities ticked each choice of a select_multiple question, by rows."""
        found = self.data.method.question(question)
        if found is None or found not in self.data.multiples():
            raise SolidataError.of("expression.unknown_name", name=question)
        names = [c.name for c in self.data.method.choice_list(found)]
        flags = {c: np.where(self.data.ticked(question, c), "yes", "no") for c in names}
        heads = [Column("n", self.words["entities"], "count")]
        for c in names:
            heads.append(Column(f"count:{c}", self.name(f"choice:{question}", c), "count"))
        for c in names:
            label = self.words["share"].format(label=self.name(f"choice:{question}", c))
            heads.append(Column(f"share:{c}", label, "share"))
        weighted: dict[str, dict[str | None, Any]] = {}
        if self.weighting is not None:
            for c in names:
                weighted[c], _ = self.estimates(flags[c] == "yes", "mean", query)
                heads.append(
                    Column(
                        f"weighted_share:{c}",
                        self.words["weighted_share"].format(
                            label=self.name(f"choice:{question}", c)
                        ),
                        "share",
                    )
                )
        rows = []
        for s in self.sets(query):
            n = int(s.mask.sum())
            n_hidden = self.hidden(s.conditions)
            counts, shares, extra = [], [], []
            for c in names:
                conditions = {**s.conditions, f"ticked:{question}:{c}": "yes"}
                k = int((flags[c][s.mask] == "yes").sum())
                hide = n_hidden or self.hidden(s.conditions, flags[c], "yes")
                counts.append(Cell(None if hide else float(k), hide, conditions))
                shares.append(Cell(None if hide or not n else k / n, hide, conditions))
                if self.weighting is not None:
                    e = weighted[c].get(s.key)
                    extra.append(Cell(None if hide or e is None else e.estimate, hide, conditions))
            cells = (Cell(float(n), n_hidden, s.conditions), *counts, *shares, *extra)
            rows.append(Row(s.key, s.label, cells, s.conditions))
        return self._by_rows(
            "choices",
            self.name("question", question),
            query,
            heads,
            rows,
            (self.words["answered_share"],),
        )

    # --- definitions ---------------------------------------------------------------------------

    def results(
        self, results: Categories, query: Query, *, title: str, table_id: str = "definition"
    ) -> Table:
        """Entities that meet, do not meet a definition (``results``: one result per entity) or
        are undetermined, by rows; the share that meets, of those determined."""
        outcomes = np.asarray(results, dtype=object)
        kinds = ("meets", "does_not_meet", "undetermined")
        heads = [Column("n", self.words["entities"], "count")]
        heads += [Column(k, self.name("result", k), "count") for k in kinds]
        heads.append(
            Column(
                "share:meets",
                self.words["share"].format(label=self.name("result", "meets")),
                "share",
            )
        )
        weighted: dict[str | None, Any] = {}
        note = None
        if self.weighting is not None:
            indicator = pd.Series(
                np.where(
                    outcomes == "meets", 1.0, np.where(outcomes == "does_not_meet", 0.0, np.nan)
                )
            )
            weighted, note = self.estimates(indicator, "mean", query)
            totals, _ = self.estimates(indicator.fillna(0.0), "total", query)
            heads += [
                Column(
                    "weighted_share",
                    self.words["weighted_share"].format(label=self.name("result", "meets")),
                    "share",
                ),
                Column("se", self.words["se"], "share"),
                Column("ci_low", self.words["ci_low"], "share"),
                Column("ci_high", self.words["ci_high"], "share"),
                Column("df", self.words["df"], "df"),
                Column("estimate_total", self.words["estimate_total"], "total"),
            ]
        rows = []
        for s in self.sets(query):
            n_hidden = self.hidden(s.conditions)
            cells = [Cell(float(s.mask.sum()), n_hidden, s.conditions)]
            counts = {}
            for k in kinds:
                conditions = {**s.conditions, f"result:{table_id}": k}
                counts[k] = int((outcomes[s.mask] == k).sum())
                hide = n_hidden or self.hidden(s.conditions, results, k)
                cells.append(Cell(None if hide else float(counts[k]), hide, conditions))
            determined = counts["meets"] + counts["does_not_meet"]
            share_hidden = cells[1].hidden or cells[2].hidden
            share = counts["meets"] / determined if determined else None
            cells.append(Cell(None if share_hidden else share, share_hidden, s.conditions))
            if self.weighting is not None:
                e = weighted.get(s.key)
                cells += _estimate_cells(e, share_hidden, s.conditions)
                t = totals.get(s.key)
                cells.append(
                    Cell(
                        None if share_hidden or t is None else t.estimate,
                        share_hidden,
                        s.conditions,
                    )
                )
            rows.append(Row(s.key, s.label, tuple(cells), s.conditions))
        return self._by_rows(table_id, title, query, heads, rows, (note,) if note else ())


def content_digest(values: Any) -> str:
    """A digest of an array's (or series') values and type, the whole of them: two arrays with
    the same digest hold the same values.

    >>> content_digest(np.array([1.0, np.nan])) == content_digest(pd.Series([1.0, None]))
    True
    >>> content_digest(np.array([None, "a"], dtype=object)) == content_digest(["None", "a"])
    False
    """
    array = np.asarray(values)
    if array.dtype.kind in "biuf":
        data = np.ascontiguousarray(array).tobytes()
    else:  # texts, None: as Python writes them, so None and "None" differ
        data = "\x1f".join(map(repr, array.tolist())).encode()
    return hashlib.sha256(f"{array.dtype.str}/{array.shape}|".encode() + data).hexdigest()


def _estimate_cells(
    e: Estimate | None, hidden: bool, conditions: Mapping[str, str]
) -> tuple[Cell, ...]:
    """Estimate, SE, the interval's ends and df as cells (hidden with the count they rest on)."""
    values: list[float | None] = (
        [None] * 5 if e is None or hidden else [e.estimate, e.se, e.ci_low, e.ci_high, e.df]
    )
    return tuple(Cell(v, hidden, conditions) for v in values)
