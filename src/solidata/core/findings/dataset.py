"""One survey's data as the findings and the definition workbench read it: a wide table per survey.

A :class:`SurveyData` holds, for every scored submission, the entity's classification (aimag, ILO
entity type, legal form, sector), its scores (the method's
:class:`~solidata.core.scoring.ScoreTable`) and the answers as definition rules see them (relevance
applied, calculates computed, coded so that a rule is evaluated over all submissions at once).
Building it is the slow part; it is built once per survey and kept until the scores change. The
scores come from where they were stored when given (the site's stored scores, the one source of
the numbers every page shows), else from scoring the answers.

Example::

    >>> data = survey_data(method, answers, groups)
    >>> data.size, data.groups.columns.tolist()
    (156, ['admin_area', 'entity_type', 'legal_form', 'sector'])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from solidata.core.errors import SolidataError
from solidata.core.expressions import Value
from solidata.core.expressions.values import FloatArray, to_text
from solidata.core.method import Method, Question
from solidata.core.scoring import INSTANCE_ID, ScoreTable, score
from solidata.core.scoring.answers import Answers

# The classification of entities that tables are cut by, in the order pages list them.
CLASSIFIERS = ("admin_area", "entity_type", "legal_form", "sector")
NOT_STATED = ""  # the category of a missing value
StrArray = npt.NDArray[np.str_]


@dataclass(frozen=True)
class SurveyData:
    """The scored submissions of one survey, one row each (in ``table.instance_ids`` order)."""

    method: Method
    table: ScoreTable
    groups: pd.DataFrame  # CLASSIFIERS as text, NOT_STATED where unknown; index: instance ids
    values: Mapping[str, Value]  # question name -> its answers, as rules see them
    labels: Mapping[str, str] = field(default_factory=dict)  # instance id -> entity's name
    score_arrays: Mapping[str, FloatArray] = field(default_factory=dict)
    group_codes: Mapping[str, tuple[npt.NDArray[np.intp], list[str]]] = field(
        default_factory=dict
    )  # classifier -> (code per entity, the values), for counting fast

    @property
    def size(self) -> int:
        return len(self.table)

    @property
    def ids(self) -> pd.Index[Any]:
        return self.table.instance_ids

    def scores(self) -> Mapping[str, FloatArray]:
        """Every dimension and indicator score (0-100, NaN when missing), for ``score('ID')``."""
        return self.score_arrays or _score_arrays(self.table)

    def dimensions(self) -> list[str]:
        return [str(d) for d in self.table.dimensions.columns]

    def indicators(self) -> list[str]:
        return [str(i) for i in self.table.indicators.columns]

    def score(self, measure: str) -> FloatArray:
        """The scores of one dimension or indicator."""
        found = self.scores().get(measure)
        if found is None:
            raise SolidataError.of("expression.unknown_score", id=measure)
        return found

    def level(self, measure: str) -> StrArray:
        """The level id of each score of ``measure`` (NOT_STATED when the score is missing)."""
        self.score(measure)  # unknown ids raise
        codes = self.table.levels[measure]
        return np.asarray(codes.astype(object).where(codes.notna(), NOT_STATED), dtype=str)

    def lookup(self, name: str) -> Value:
        """The answers to question ``name`` as rules see them; ``expression.unknown_name`` else."""
        if name not in self.values:
            raise SolidataError.of("expression.unknown_name", name=name)
        return self.values[name]

    def multiples(self) -> list[Question]:
        """The select_multiple questions that no score uses (challenges, opportunities ...)."""
        return unscored_multiples(self.method)

    def ticked(self, question: str, choice: str) -> npt.NDArray[np.bool_]:
        """Where ``choice`` is among the answers to the select_multiple ``question``."""
        text = to_text(self.lookup(question))
        chosen = np.array([choice in str(u).split() for u in text.uniques] + [False], dtype=bool)
        return chosen[text.codes]

    def answered(self, question: str) -> npt.NDArray[np.bool_]:
        value = self.lookup(question)
        return np.asarray(to_text(value).codes >= 0, dtype=bool)


def unscored_multiples(method: Method) -> list[Question]:
    """select_multiple questions that no scoring row reads (as ``question`` or in ``value``)."""
    from solidata.core.expressions import parse

    used = {r.question for r in method.scoring if r.question}
    for row in method.scoring:
        if row.value:
            used |= parse(row.value).references()
    return [
        q
        for q in method.questions
        if q.type == "select_multiple" and q.name not in used and not q.in_repeat
    ]


def survey_data(
    method: Method,
    answers: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    scores: ScoreTable | None = None,
) -> SurveyData:
    """The scores of ``answers`` (``instance_id`` + one text column per question) under
    ``method``, with the classification ``groups`` (``instance_id`` + CLASSIFIERS) and the answers
    as rules see them.

    ``scores`` are the scores already computed for ``answers`` (the site passes those it stored,
    one row per answer row, in the same order); without them the answers are scored here. Scoring
    is deterministic, so the two are equal when the scores were stored under the same method
    version (a test holds it).
    """
    if scores is None:
        table = score(method, answers)
    elif not scores.instance_ids.equals(pd.Index(answers[INSTANCE_ID])):
        raise ValueError("the scores are not those of the answers (instance ids differ)")
    else:
        table = scores
    index = table.instance_ids
    by_id = groups.set_index(INSTANCE_ID) if INSTANCE_ID in groups.columns else groups
    classes = pd.DataFrame(index=index)
    for column in CLASSIFIERS:
        given = by_id[column] if column in by_id.columns else pd.Series(dtype=object)
        found = given.reindex(index)
        classes[column] = found.astype(object).where(found.notna(), NOT_STATED).astype(str)
    frame = answers.reset_index(drop=True)
    state = Answers(method, frame)
    state.prefetch({q.name for q in method.questions}, threads=1)
    values: dict[str, Value] = {}
    for question in method.questions:
        if question.type in ("note", "begin_group", "end_group") or question.in_repeat:
            continue
        try:
            values[question.name] = state.value(question.name)
        except SolidataError:
            continue  # a broken calculate: rules that use it will say unknown_name
    codes = {}
    for column in CLASSIFIERS:
        found_codes, uniques = pd.factorize(classes[column], sort=True)
        codes[column] = (np.asarray(found_codes, dtype=np.intp), [str(u) for u in uniques])
    return SurveyData(
        method=method,
        table=table,
        groups=classes,
        values=values,
        labels=dict(labels or {}),
        score_arrays=_score_arrays(table),
        group_codes=codes,
    )


def _score_arrays(table: ScoreTable) -> dict[str, FloatArray]:
    out = {str(d): table.dimensions[d].to_numpy(dtype=np.float64) for d in table.dimensions}
    for i in table.indicators.columns:
        out[str(i)] = table.indicators[i].to_numpy(dtype=np.float64)
    return out
