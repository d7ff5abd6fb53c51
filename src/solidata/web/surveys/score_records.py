"""Score records as stored in ``SubmissionScore.record``: compact, language-neutral JSON, encoded a
column at a time, and rendered back into the record the pages read.

The stored record holds only what scoring decided, in the order the method lists its dimensions,
indicators, definitions and recommendations; levels and results are positions in the method's
levels and in ``RESULTS`` (meets, does_not_meet, undetermined)::

    {"dimensions": [[75.0, 2, 1.0], ...],       # score, level, coverage of each dimension
     "indicators": [[75.0, 2], ...],            # score, level of each indicator
     "definitions": [[0, [0, 0, 1]], ...],      # result, clause results of each definition
     "recommendations": [0, 4]}                 # the recommendations that apply

No text and no id: the method version the score points to has them (it never changes), so
:func:`record_of` renders the record of ``ScoreTable.to_records(lang)`` from the stored record and
the parsed method (a test holds the two together, in every language), and :func:`score_table_of`
turns many stored records back into the :class:`~solidata.core.scoring.ScoreTable` that scoring
gave (the findings read the stored scores this way instead of scoring the answers again). For the
bundled method a record is 0.8 KB, where the record in each language with its texts was 11 KB:
most of what an import of a million submissions wrote.

``ScoreTable.to_records`` builds one Python dict per submission, which is right for a page and far
too slow for a million imported submissions: :func:`records_json` encodes every part of a record (a
dimension's score, level and coverage; a definition's result and clauses; the recommendations that
apply) once per distinct combination of its values, and joins a row's parts with Arrow.

Example::

    >>> from solidata.core.scoring import score
    >>> table = score(method, answers)
    >>> texts = records_json(table)
    >>> json.loads(texts[0])["dimensions"][2]  # P2: score, level (emerging), coverage
    [31.666666667, 0, 1.0]
    >>> instance_id = answers["instance_id"][0]
    >>> record_of(method, json.loads(texts[0]), "mn", instance_id=instance_id) == (
    ...     table.to_records("mn")[0])
    True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from solidata.core.method import Method
from solidata.core.scoring import INSTANCE_ID, RESULTS, ScoreTable
from solidata.core.scoring.engine import Results, table_of
from solidata.core.scoring.table import clause_texts
from solidata.web.surveys.bulk import combination_codes

if TYPE_CHECKING:
    from solidata.web.surveys.models import SubmissionScore

_EMPTY = pa.scalar("", type=pa.large_string())


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    """NaN and NA as None; numpy scalars as Python values (as ``to_records`` gives them)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def _encoded(columns: Sequence[pd.Series], encode: Callable[..., str]) -> pa.Array:
    """``encode(*values)`` of each row, computed once per distinct combination of values."""
    size = len(columns[0])
    rows = combination_codes(columns)
    some = np.empty(int(rows.max()) + 1 if size else 0, dtype=np.int64)
    some[rows] = np.arange(size)  # a row of each combination (which one does not matter)
    values = [[_plain(v) for v in c.iloc[some].to_numpy(dtype=object)] for c in columns]
    texts = pa.array([encode(*row) for row in zip(*values, strict=True)], type=pa.large_string())
    return texts.take(pa.array(rows))


def _joined(parts: Sequence[pa.Array]) -> pa.Array | pa.Scalar:
    """The parts of each row separated by commas."""
    if not parts:
        return _EMPTY
    if len(parts) == 1:
        return parts[0]
    return pc.binary_join_element_wise(*parts, pa.scalar(",", type=pa.large_string()))


def _position(values: Sequence[str]) -> Callable[[Any], Any]:
    """A value as its position in ``values`` (None stays None; one not listed stays as it is)."""
    positions = {v: k for k, v in enumerate(values)}
    return lambda value: positions.get(value, value) if value is not None else None


def _sections(table: ScoreTable) -> dict[str, pa.Array | pa.Scalar]:
    m = table.method
    n = len(table)
    level = _position([lv.id for lv in m.levels])
    result = _position(RESULTS)
    dims = [
        _encoded(
            [table.dimensions[d.id], table.levels[d.id], table.coverage[d.id]],
            lambda s, lv, c: _dumps([s, level(lv), c]),
        )
        for d in m.dimensions
    ]
    inds = [
        _encoded([table.indicators[i.id], table.levels[i.id]], lambda s, lv: _dumps([s, level(lv)]))
        for i in m.indicators
    ]
    defs = []
    for d in m.definitions:
        count = len(clause_texts(d))
        clauses = [table.clauses[(d.id, k)] for k in range(1, count + 1)]
        defs.append(
            _encoded(
                [table.definitions[d.id], *clauses],
                lambda r, *cs: _dumps([result(r), [result(c) for c in cs]]),
            )
        )
    if m.recommendations:
        fired = table.recommendations.astype(bool)
        advice = _encoded(
            [fired[c] for c in fired.columns],
            lambda *flags: _dumps([k for k, f in enumerate(flags) if f]),
        )
    else:
        advice = pa.array(["[]"] * n, type=pa.large_string())
    return {
        "dimensions": _joined(dims),
        "indicators": _joined(inds),
        "definitions": _joined(defs),
        "recommendations": advice,
    }


def records_json(table: ScoreTable) -> list[str]:
    """``SubmissionScore.record`` of each submission of ``table``, as JSON text."""
    if len(table) == 0:
        return []
    s = _sections(table)

    def text(value: str) -> pa.Scalar:
        return pa.scalar(value, type=pa.large_string())

    joined = pc.binary_join_element_wise(
        text('{"dimensions":['),
        s["dimensions"],
        text('],"indicators":['),
        s["indicators"],
        text('],"definitions":['),
        s["definitions"],
        text('],"recommendations":'),
        s["recommendations"],
        text("}"),
        _EMPTY,
    )
    if isinstance(joined, pa.Scalar):  # every part was a constant
        return [joined.as_py()] * len(table)
    texts: list[str] = joined.to_pylist()
    return texts


def dimension_scores_json(table: ScoreTable) -> list[str]:
    """``SubmissionScore.dimension_scores`` of each submission as JSON text."""
    if len(table) == 0:
        return []
    parts = [
        _encoded([table.dimensions[d]], lambda s, d=d: f"{_dumps(d)}:{_dumps(s)}")
        for d in table.dimensions.columns
    ]
    joined = _joined(parts)
    if isinstance(joined, pa.Scalar):
        return ["{}"] * len(table)
    return [f"{{{t}}}" for t in joined.to_pylist()]


def dimension_scores_of(method: Method, record: Mapping[str, Any]) -> dict[str, Any]:
    """``SubmissionScore.dimension_scores`` of a stored record."""
    scores = record.get("dimensions", [])
    return {d.id: values[0] for d, values in zip(method.dimensions, scores, strict=False)}


def _named(values: Sequence[str]) -> Callable[[Any], Any]:
    """A position in ``values`` as the value there (None, or a value stored as is, unchanged)."""
    return lambda k: values[k] if isinstance(k, int) and 0 <= k < len(values) else k


def record_of(
    method: Method, record: Mapping[str, Any], lang: str | None, *, instance_id: Any
) -> dict[str, Any]:
    """The scoring record in ``lang``, as ``ScoreTable.to_records(lang)`` gives it, of a stored
    record scored under ``method``."""
    level = _named([lv.id for lv in method.levels])
    result = _named(RESULTS)
    recs = method.recommendations
    dims = zip(method.dimensions, record.get("dimensions", []), strict=False)
    inds = zip(method.indicators, record.get("indicators", []), strict=False)
    defs = zip(method.definitions, record.get("definitions", []), strict=False)
    return {
        "instance_id": instance_id,
        "method": {"id": method.id, "version": method.version},
        "dimensions": {
            d.id: {"score": s, "level": level(lv), "coverage": c} for d, (s, lv, c) in dims
        },
        "indicators": {i.id: {"score": s, "level": level(lv)} for i, (s, lv) in inds},
        "definitions": {
            d.id: {
                "result": result(r),
                "clauses": [
                    {"text": t, "result": result(c)}
                    for t, c in zip(clause_texts(d), clauses, strict=False)
                ],
            }
            for d, (r, clauses) in defs
        },
        "recommendations": [
            {"target": recs[k].target, "text": method.text(recs[k].texts, lang)}
            for k in record.get("recommendations", [])
            if k < len(recs)
        ],
    }


def score_record(found: SubmissionScore, lang: str) -> dict[str, Any]:
    """The record of a stored score in ``lang`` (a language the method lacks: its first one), as
    the pages and the API show it."""
    from solidata.web.surveys.selectors import method_of

    method = method_of(found.method)
    languages = method.languages or ("en",)
    return record_of(
        method,
        found.record,
        lang if lang in languages else languages[0],
        instance_id=found.submission.instance_id,
    )


SECTIONS = ("dimensions", "indicators", "definitions", "recommendations")


def _stored_sections(records: Sequence[str | None]) -> dict[str, pa.Array]:
    """The JSON text of each section of each stored record (null when a record lacks it), in
    whatever key order and spacing the database gives the record back (PostgreSQL's ``jsonb``
    reorders keys and adds spaces). A section holds only arrays of numbers, so it runs from its
    key to the last ``]`` before the next quote."""
    texts = pa.array(records, type=pa.large_string())
    return {
        k: pc.struct_field(pc.extract_regex(texts, pattern=rf'"{k}":\s*(?P<v>\[[^"]*\])'), "v")
        for k in SECTIONS
    }


def _numbers(texts: pa.Array) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp]]:
    """Every number of every JSON text of nested arrays (null as NaN), with the text it is in.

    Arrow does it a column at a time: brackets and spaces removed, the rest split at commas."""
    cleaned = texts
    for old, new in (("[", ""), ("]", ""), (" ", ""), ("null", "nan")):
        cleaned = pc.replace_substring(cleaned, pattern=old, replacement=new)
    parts = pc.split_pattern(cleaned, pattern=",")
    rows = np.asarray(pc.list_parent_indices(parts).to_numpy(), dtype=np.intp)
    tokens = pc.list_flatten(parts)
    keep = pc.not_equal(tokens, "")
    values = tokens.filter(keep).cast(pa.float64()).to_numpy(zero_copy_only=False)
    return np.asarray(values, dtype=np.float64), rows[keep.to_numpy(zero_copy_only=False)]


def _grid(texts: pa.Array, width: int, section: str) -> npt.NDArray[np.float64]:
    """The numbers of each text as one row of ``width`` (ValueError when a text has more or
    fewer)."""
    values, rows = _numbers(texts)
    counts = np.bincount(rows, minlength=len(texts))
    if (counts != width).any():
        bad = int(np.flatnonzero(counts != width)[0])
        raise ValueError(f"stored {section} of row {bad} hold {counts[bad]} numbers, not {width}")
    return values.reshape(len(texts), width)


def _codes(values: npt.NDArray[np.float64]) -> npt.NDArray[np.int8]:
    """Stored positions as codes, null as -1 (missing, as scoring codes it)."""
    return np.where(np.isnan(values), -1, values).astype(np.int8)


def score_table_of(
    method: Method, records: Sequence[str | None], instance_ids: Sequence[Any] | pd.Series
) -> ScoreTable:
    """The :class:`~solidata.core.scoring.ScoreTable` of stored records scored under ``method``:
    the table ``score`` gave when they were stored (a test holds the two equal), without scoring
    again.

    ``records`` are the JSON texts of the stored records (as the database gives them back), in
    the order of ``instance_ids``; the ids keep their dtype (a ``string`` column of answers gives
    the index ``score`` gives for it). Raises ValueError when a record does not have the method's
    shape (a record of another method version, or a broken one).
    """
    n = len(instance_ids)
    if len(records) != n:
        raise ValueError(f"{len(records)} records for {n} instance ids")
    out = Results.allocate(method, n)
    index = pd.Index(instance_ids, name=INSTANCE_ID)
    if n == 0:
        return table_of(method, out, index, ())
    sections = _stored_sections(records)
    dims, inds = len(method.dimensions), len(method.indicators)
    d = _grid(sections["dimensions"], 3 * dims, "dimensions").reshape(n, dims, 3)
    i = _grid(sections["indicators"], 2 * inds, "indicators").reshape(n, inds, 2)
    out.dimensions[:] = d[:, :, 0].T
    out.coverage[:] = d[:, :, 2].T
    out.indicators[:] = i[:, :, 0].T
    out.levels[:] = np.concatenate([_codes(d[:, :, 1].T), _codes(i[:, :, 1].T)])
    # each definition: its result, then its clauses' results
    sizes = [1 + len(clause_texts(x)) for x in method.definitions]
    defs = _grid(sections["definitions"], sum(sizes), "definitions")
    starts = np.cumsum([0, *sizes])[:-1].astype(np.intp)
    clauses = np.setdiff1d(np.arange(sum(sizes)), starts)
    out.definitions[:] = _codes(defs[:, starts].T)
    out.clauses[:] = _codes(defs[:, clauses].T)
    fired, rows = _numbers(sections["recommendations"])
    if np.isnan(fired).any() or ((fired < 0) | (fired >= len(method.recommendations))).any():
        raise ValueError("a stored recommendation is not one of the method's")
    out.recommendations[fired.astype(np.intp), rows] = True
    return table_of(method, out, index, ())
