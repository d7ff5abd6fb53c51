"""The result of scoring: wide frames (one row per submission) and their JSON and CSV shapes.

Example::

    >>> from solidata.core.scoring import score
    >>> record = score(method, answers).to_records("en")[0]
    >>> record["method"]["id"], list(record)  # doctest: +NORMALIZE_WHITESPACE
    ('sse_ilo_2022',
     ['instance_id', 'method', 'dimensions', 'indicators', 'definitions', 'recommendations'])
    >>> record["dimensions"]["P2"]
    {'score': 31.666666667, 'level': 'emerging', 'coverage': 1.0}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from solidata.core.errors import Problem
from solidata.core.expressions import parse
from solidata.core.method.model import Definition, Method

RESULTS = ("meets", "does_not_meet", "undetermined")


def clause_texts(definition: Definition) -> list[str]:
    """The top-level ``and`` clauses of a definition's rule, as written (at least one)."""
    return parse(definition.rule).and_clauses()


def _column(values: Any) -> list[Any]:
    """A column as Python values with None for missing (NaN, NA)."""
    array = np.array(values, dtype=object)
    array[pd.isna(array)] = None
    return list(array)


def _joined(flags: pd.DataFrame, words: list[str], sep: str) -> list[str]:
    """Per row, the ``words`` whose flag is set, joined by ``sep`` (once per distinct pattern)."""
    if flags.shape[1] == 0:
        return [""] * len(flags)
    patterns, codes = np.unique(flags.to_numpy(dtype=bool), axis=0, return_inverse=True)
    table = np.array([sep.join(w for w, f in zip(words, p, strict=True) if f) for p in patterns])
    return list(table[codes.reshape(-1)])


@dataclass(frozen=True)
class ScoreTable:
    """Scores of many submissions under one method version.

    Every frame is indexed by ``instance_id``. ``dimensions``, ``coverage`` and ``indicators`` hold
    floats (NaN = missing; scores 0-100, coverage 0-1); ``levels`` the level id of every dimension
    and indicator score; ``definitions`` and ``clauses`` (columns: definition id, clause number from
    1) ``meets`` / ``does_not_meet`` / ``undetermined``; ``recommendations`` one boolean column per
    recommendation, in sheet order. ``problems`` are warnings about the answers.
    """

    method: Method
    method_id: str
    method_version: str
    instance_ids: pd.Index[Any]
    dimensions: pd.DataFrame
    coverage: pd.DataFrame
    indicators: pd.DataFrame
    levels: pd.DataFrame
    definitions: pd.DataFrame
    clauses: pd.DataFrame
    recommendations: pd.DataFrame
    problems: tuple[Problem, ...] = ()

    def __len__(self) -> int:
        return len(self.instance_ids)

    def to_records(self, lang: str | None = None) -> list[dict[str, Any]]:
        """One JSON-ready dict per submission; texts in ``lang`` (default: the method's)."""
        m = self.method
        n = len(self)
        ids = _column(self.instance_ids)
        method = {"id": self.method_id, "version": self.method_version}
        dims = {
            d: (_column(self.dimensions[d]), _column(self.levels[d]), _column(self.coverage[d]))
            for d in self.dimensions.columns
        }
        inds = {
            i: (_column(self.indicators[i]), _column(self.levels[i]))
            for i in self.indicators.columns
        }
        defs = {
            d.id: (
                _column(self.definitions[d.id]),
                [
                    (text, _column(self.clauses[(d.id, k)]))
                    for k, text in enumerate(clause_texts(d), 1)
                ],
            )
            for d in m.definitions
        }
        recs = [(r.target, m.text(r.texts, lang)) for r in m.recommendations]
        fires = self.recommendations.to_numpy(dtype=bool)
        out = []
        for row in range(n):
            out.append(
                {
                    "instance_id": ids[row],
                    "method": dict(method),
                    "dimensions": {
                        d: {"score": s[row], "level": lv[row], "coverage": c[row]}
                        for d, (s, lv, c) in dims.items()
                    },
                    "indicators": {
                        i: {"score": s[row], "level": lv[row]} for i, (s, lv) in inds.items()
                    },
                    "definitions": {
                        d: {
                            "result": result[row],
                            "clauses": [{"text": t, "result": c[row]} for t, c in clauses],
                        }
                        for d, (result, clauses) in defs.items()
                    },
                    "recommendations": [
                        {"target": t, "text": text}
                        for (t, text), fire in zip(recs, fires[row], strict=True)
                        if fire
                    ],
                }
            )
        return out

    def to_frame(self, lang: str | None = None) -> pd.DataFrame:
        """A flat frame for CSV: ``P2.score``, ``P2.level``, ``P2.coverage``, ``strict.result``,
        ``strict.clause1`` ..., ``recommendations`` (targets) and ``recommendations.text``."""
        m = self.method
        columns: dict[str, Any] = {
            "instance_id": self.instance_ids.to_numpy(),
            "method_id": self.method_id,
            "method_version": self.method_version,
        }
        for d in self.dimensions.columns:
            columns[f"{d}.score"] = self.dimensions[d].to_numpy()
            columns[f"{d}.level"] = self.levels[d].to_numpy()
            columns[f"{d}.coverage"] = self.coverage[d].to_numpy()
        for i in self.indicators.columns:
            columns[f"{i}.score"] = self.indicators[i].to_numpy()
            columns[f"{i}.level"] = self.levels[i].to_numpy()
        for definition in m.definitions:
            key = definition.id
            columns[f"{key}.result"] = self.definitions[key].to_numpy()
            for k in range(1, len(clause_texts(definition)) + 1):
                columns[f"{key}.clause{k}"] = self.clauses[(key, k)].to_numpy()
        targets = [r.target for r in m.recommendations]
        texts = [m.text(r.texts, lang) for r in m.recommendations]
        columns["recommendations"] = _joined(self.recommendations, targets, " ")
        columns["recommendations.text"] = _joined(self.recommendations, texts, " | ")
        return pd.DataFrame(columns, index=pd.RangeIndex(len(self)))
