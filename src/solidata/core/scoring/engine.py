"""Score submissions under a method: indicators, dimensions, levels, definitions, recommendations.

Aggregation follows the method contract:

* indicator = 100 x (sum of weight x row score) / (sum of weight), over its non-missing rows;
* dimension = weighted mean of its non-missing indicators; its coverage = weight of non-missing
  indicators / weight of all; below the method's ``min_coverage`` the dimension is missing;
* every score gets the level whose ``min`` it reaches; definitions are true, false or undetermined
  (three-valued logic) with the outcome of each top-level ``and`` clause; a recommendation applies
  when its target's score is below its threshold (a missing score triggers nothing).

Scores are rounded to 9 decimals so that floating-point noise never moves a score across a level or
threshold (``59.99999999999999`` is 60). Submissions are scored in chunks of rows, on several
threads: every temporary array stays small, and numpy and pyarrow release the GIL.

Example::

    >>> table = score(method, answers)
    >>> float(table.dimensions.loc[answers["instance_id"][0], "P2"])
    31.666666667
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.expressions import Bool, Environment, Expression, evaluate, parse
from solidata.core.expressions.values import FloatArray, to_bool
from solidata.core.method.model import Method, ScoringRow
from solidata.core.scoring.answers import INSTANCE_ID, Answers, needed_questions
from solidata.core.scoring.rules import RowScorer
from solidata.core.scoring.table import RESULTS, ScoreTable, clause_texts

DECIMALS = 9
CHUNK_ROWS = 65_536
Int8Array = npt.NDArray[np.int8]
BoolArray = npt.NDArray[np.bool_]


def weighted_mean(parts: list[tuple[float, FloatArray]], out: FloatArray) -> FloatArray:
    """Row by row, the weighted mean of the non-missing ``parts`` into ``out``; returns the weight
    it rests on (0 where every part is missing, and then ``out`` is NaN)."""
    if len(parts) == 1 and parts[0][0] > 0:  # the common case: a single part
        w, values = parts[0]
        out[:] = values
        return np.where(np.isnan(values), 0.0, w)
    out.fill(0.0)
    weight = np.zeros(out.shape, dtype=np.float64)
    for w, values in parts:
        present = ~np.isnan(values)
        out += np.where(present, values * w if w != 1 else values, 0.0)
        weight += present * w if w != 1 else present
    with np.errstate(invalid="ignore", divide="ignore"):
        np.divide(out, weight, out=out)
    return weight


@dataclass(frozen=True)
class Results:
    """The output arrays, one row per dimension, indicator, definition... one column per submission.

    Chunks write their columns in place, so the frames are built without copying.
    """

    indicators: FloatArray
    dimensions: FloatArray
    coverage: FloatArray
    levels: Int8Array
    definitions: Int8Array
    clauses: Int8Array
    recommendations: BoolArray

    @classmethod
    def allocate(cls, method: Method, size: int) -> Results:
        clauses = sum(len(clause_texts(d)) for d in method.definitions)
        scored = len(method.dimensions) + len(method.indicators)
        return cls(
            indicators=np.empty((len(method.indicators), size), dtype=np.float64),
            dimensions=np.empty((len(method.dimensions), size), dtype=np.float64),
            coverage=np.zeros((len(method.dimensions), size), dtype=np.float64),
            levels=np.empty((scored, size), dtype=np.int8),
            definitions=np.empty((len(method.definitions), size), dtype=np.int8),
            clauses=np.empty((clauses, size), dtype=np.int8),
            recommendations=np.zeros((len(method.recommendations), size), dtype=bool),
        )


def indicator_scores(method: Method, answers: Answers, out: FloatArray) -> None:
    """Indicator scores 0-100 into ``out`` (one row per indicator, in sheet order)."""
    rows: dict[str, list[ScoringRow]] = defaultdict(list)
    for row in method.scoring:
        rows[row.indicator].append(row)
    scorer = RowScorer(method, answers)
    for k, indicator in enumerate(method.indicators):
        parts = [(row.weight, scorer.score(row)) for row in rows[indicator.id]]
        if len(parts) == 1 and parts[0][0] > 0:  # most indicators: one row, any weight
            np.multiply(parts[0][1], 100.0, out=out[k])
        else:
            weighted_mean(parts, out[k])
            np.multiply(out[k], 100.0, out=out[k])
        np.round(out[k], DECIMALS, out=out[k])


def dimension_scores(
    method: Method, indicators: FloatArray, scores: FloatArray, coverage: FloatArray
) -> None:
    """Dimension scores and coverage into ``scores`` and ``coverage``; below min_coverage: NaN."""
    position = {i.id: k for k, i in enumerate(method.indicators)}
    for k, d in enumerate(method.dimensions):
        members = method.indicators_of(d.id)
        weight = weighted_mean([(i.weight, indicators[position[i.id]]) for i in members], scores[k])
        possible = sum(i.weight for i in members)
        if possible > 0:
            np.round(weight / possible, DECIMALS, out=coverage[k])
        scores[k][coverage[k] < method.min_coverage] = np.nan
        np.round(scores[k], DECIMALS, out=scores[k])


def level_codes(method: Method, values: FloatArray, out: Int8Array) -> None:
    """The index of the level each score reaches (-1: missing or below every level)."""
    mins = [lv.min for lv in method.levels]  # sorted, distinct
    out.fill(0)
    if not mins:
        out.fill(-1)
        return
    with np.errstate(invalid="ignore"):
        for low in mins[1:]:
            out += values >= low
        out[~(values >= mins[0])] = -1


def result_codes(value: Bool, out: Int8Array) -> None:
    """0 meets, 1 does_not_meet, 2 undetermined."""
    out[:] = ~value.values
    out[value.unknown] = 2


def score_chunk(
    method: Method, chunk: pd.DataFrame, out: Results, start: int, needed: set[str]
) -> list[Problem]:
    """Score the submissions of ``chunk``, writing columns ``start`` onwards of ``out``."""
    cols = slice(start, start + len(chunk))
    state = Answers(method, chunk)
    state.prefetch(needed, threads=1)
    indicators, dimensions = out.indicators[:, cols], out.dimensions[:, cols]
    indicator_scores(method, state, indicators)
    dimension_scores(method, indicators, dimensions, out.coverage[:, cols])
    every = {d.id: dimensions[k] for k, d in enumerate(method.dimensions)}
    every.update({i.id: indicators[k] for k, i in enumerate(method.indicators)})
    for k, values in enumerate(every.values()):
        level_codes(method, values, out.levels[k, cols])
    env = Environment(size=state.size, lookup=state.value, scores=every)
    clause = 0
    for k, d in enumerate(method.definitions):
        expr = parse(d.rule)
        result_codes(to_bool(evaluate(expr, env)), out.definitions[k, cols])
        for node in expr.clause_nodes():
            outcome = to_bool(evaluate(Expression(expr.source, node), env))
            result_codes(outcome, out.clauses[clause, cols])
            clause += 1
    with np.errstate(invalid="ignore"):
        for k, rec in enumerate(method.recommendations):
            np.less(every[rec.target], rec.below, out=out.recommendations[k, cols])
    return state.problems


def merge_problems(found: Sequence[list[Problem]]) -> tuple[Problem, ...]:
    """One warning per code and question, with the counts of all chunks added up."""
    merged: dict[tuple[str, str | None], Problem] = {}
    for p in (p for chunk in found for p in chunk):
        key = (p.code, p.column)
        if key in merged and "count" in p.params:
            first = merged[key]
            params = {**first.params, "count": first.params["count"] + p.params["count"]}
            merged[key] = problem(p.code, severity=p.severity, column=p.column, **params)
        merged.setdefault(key, p)
    return tuple(merged.values())


def categorical(codes: Int8Array, categories: Sequence[str]) -> pd.Categorical:
    dtype = pd.CategoricalDtype(pd.Index(list(categories), dtype=object))
    return pd.Categorical.from_codes(codes, dtype=dtype)


def wide(matrix: Any, index: pd.Index[Any], columns: Sequence[Any]) -> pd.DataFrame:
    """A frame over a (columns x rows) matrix without copying it."""
    return pd.DataFrame(matrix.T, index=index, columns=list(columns), copy=False)


def table_of(
    method: Method, out: Results, index: pd.Index[Any], problems: tuple[Problem, ...]
) -> ScoreTable:
    dimension_ids = [d.id for d in method.dimensions]
    indicator_ids = [i.id for i in method.indicators]
    level_ids = [lv.id for lv in method.levels]
    levels = pd.DataFrame(
        {
            key: categorical(out.levels[k], level_ids)
            for k, key in enumerate(dimension_ids + indicator_ids)
        },
        index=index,
    )
    definitions = pd.DataFrame(
        {d.id: categorical(out.definitions[k], RESULTS) for k, d in enumerate(method.definitions)},
        index=index,
    )
    keys = [(d.id, k) for d in method.definitions for k in range(1, len(clause_texts(d)) + 1)]
    clauses = pd.DataFrame(
        {n: categorical(out.clauses[n], RESULTS) for n in range(len(keys))}, index=index
    )
    clauses.columns = pd.MultiIndex.from_tuples(keys, names=["definition", "clause"])
    return ScoreTable(
        method=method,
        method_id=method.id,
        method_version=method.version,
        instance_ids=index,
        dimensions=wide(out.dimensions, index, dimension_ids),
        coverage=wide(out.coverage, index, dimension_ids),
        indicators=wide(out.indicators, index, indicator_ids),
        levels=levels,
        definitions=definitions,
        clauses=clauses,
        recommendations=wide(out.recommendations, index, range(len(method.recommendations))),
        problems=problems,
    )


def score(method: Method, answers: pd.DataFrame, *, threads: int | None = None) -> ScoreTable:
    """Score every submission in ``answers`` (``instance_id`` + one column per question).

    Select answers are choice names (a select_multiple's separated by spaces); an empty cell or NA
    is missing. Columns may hold strings, numbers or categoricals. Everything is computed a column
    at a time; ``threads`` (default: the number of CPUs, at most 4) score chunks of rows at once.

    Example::

        >>> from solidata.core.scoring import read_plain_answers
        >>> table = score(method, read_plain_answers(answers_csv))
        >>> table.to_records("en")[0]["dimensions"]["P2"]
        {'score': 31.666666667, 'level': 'emerging', 'coverage': 1.0}
    """
    if INSTANCE_ID not in answers.columns:
        raise SolidataError.of(
            "scoring.instance_id_missing", columns=", ".join(map(str, answers.columns[:10]))
        )
    ids = answers[INSTANCE_ID]
    index = pd.Index(
        ids if pd.api.types.is_string_dtype(ids) else ids.astype(str), name=INSTANCE_ID
    )
    size = len(answers)
    out = Results.allocate(method, size)
    starts = list(range(0, size, CHUNK_ROWS)) or [0]
    chunks = [answers.iloc[start : start + CHUNK_ROWS] for start in starts]
    workers = threads or min(4, os.cpu_count() or 1)
    needed = needed_questions(method)

    def run(chunk: pd.DataFrame, start: int) -> list[Problem]:
        return score_chunk(method, chunk, out, start, needed)

    if workers == 1 or len(chunks) == 1:
        found = [run(chunk, start) for chunk, start in zip(chunks, starts, strict=True)]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            found = list(pool.map(run, chunks, starts))
    return table_of(method, out, index, merge_problems(found))
