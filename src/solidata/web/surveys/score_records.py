"""Score records as stored in ``SubmissionScore``, encoded to JSON text a column at a time.

``ScoreTable.to_records`` builds one Python dict per submission, which is right for a page and far
too slow for a million imported submissions. Here every part of a record (a dimension's score,
level and coverage; a definition's result and clauses; the recommendations that apply) is encoded
once per distinct combination of its values, and a row's parts are then joined into its text. The
parts that do not depend on the language are encoded once for all languages. The JSON decodes to
exactly what ``to_records`` returns (a test holds the two together).

Example::

    >>> texts = results_json(table)  # doctest: +SKIP
    >>> json.loads(texts[0])["en"] == table.to_records("en")[0]  # doctest: +SKIP
    True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from solidata.core.scoring import ScoreTable

Column = np.ndarray  # an object array: one text per row


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    """NaN and NA as None; numpy scalars as Python values (as ``to_records`` gives them)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def _encoded(columns: Sequence[pd.Series], encode: Callable[..., str]) -> Column:
    """``encode(*values)`` of each row, computed once per distinct combination of values."""
    size = len(columns[0])
    key = np.zeros(size, dtype=np.int64)
    firsts = []
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        key = key * (len(uniques) + 1) + codes
        firsts.append(uniques)
    distinct, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    values = [[_plain(v) for v in c.to_numpy(dtype=object)[first]] for c in columns]
    texts = np.array([encode(*row) for row in zip(*values, strict=True)], dtype=object)
    return texts[inverse.reshape(-1)]


def _rows(parts: Sequence[Column], size: int, sep: str = ",") -> list[str]:
    if not parts:
        return [""] * size
    return list(map(sep.join, zip(*parts, strict=True)))


def _common(table: ScoreTable) -> tuple[list[str], list[str], list[str]]:
    """The language-independent sections: dimensions, indicators, definitions."""
    m = table.method
    n = len(table)
    dims = [
        _encoded(
            [table.dimensions[d], table.levels[d], table.coverage[d]],
            lambda s, lv, c, d=d: (
                f"{_dumps(d)}:" + _dumps({"score": s, "level": lv, "coverage": c})
            ),
        )
        for d in table.dimensions.columns
    ]
    inds = [
        _encoded(
            [table.indicators[i], table.levels[i]],
            lambda s, lv, i=i: f"{_dumps(i)}:" + _dumps({"score": s, "level": lv}),
        )
        for i in table.indicators.columns
    ]
    defs = []
    for d in m.definitions:
        clause_columns = [table.clauses[(d.id, k)] for k in range(1, len(d.clauses) + 1)]

        def definition(result: Any, *clauses: Any, d: Any = d) -> str:
            outcomes = [{"text": t, "result": c} for t, c in zip(d.clauses, clauses, strict=True)]
            return f"{_dumps(d.id)}:" + _dumps({"result": result, "clauses": outcomes})

        defs.append(_encoded([table.definitions[d.id], *clause_columns], definition))
    return _rows(dims, n), _rows(inds, n), _rows(defs, n)


def _advice(table: ScoreTable, lang: str | None) -> Column:
    m = table.method
    recs = [(r.target, m.text(r.texts, lang)) for r in m.recommendations]
    if not recs:
        return np.array(["[]"] * len(table), dtype=object)
    fired = table.recommendations.astype(bool)
    return _encoded(
        [fired[c] for c in fired.columns],
        lambda *flags: _dumps(
            [{"target": t, "text": x} for (t, x), f in zip(recs, flags, strict=True) if f]
        ),
    )


def results_json(table: ScoreTable) -> list[str]:
    """``SubmissionScore.results`` of each submission: the record in every language of the
    method, ``{"en": {...}, "mn": {...}}``, as JSON text."""
    languages = table.method.languages or ("en",)
    dims, inds, defs = _common(table)
    ids = [_dumps(_plain(i)) for i in table.instance_ids.tolist()]
    method = _dumps({"id": table.method_id, "version": table.method_version})
    head = f',"method":{method},"dimensions":{{'
    records = []
    for lang in languages:
        advice = _advice(table, lang)
        records.append(
            [
                f'{_dumps(lang)}:{{"instance_id":{i}{head}{d}}},"indicators":{{{n}}},'
                f'"definitions":{{{f}}},"recommendations":{a}}}'
                for i, d, n, f, a in zip(ids, dims, inds, defs, advice, strict=True)
            ]
        )
    return ["{" + ",".join(row) + "}" for row in zip(*records, strict=True)]


def dimension_scores_json(table: ScoreTable) -> list[str]:
    """``SubmissionScore.dimension_scores`` of each submission as JSON text."""
    parts = [
        _encoded([table.dimensions[d]], lambda s, d=d: f"{_dumps(d)}:{_dumps(s)}")
        for d in table.dimensions.columns
    ]
    return ["{" + row + "}" for row in _rows(parts, len(table))]
