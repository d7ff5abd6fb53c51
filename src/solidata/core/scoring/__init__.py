"""Scoring: answers in, scores, levels, definition results and recommendations out.

The pipeline: ``answers`` (relevance, calculates) -> ``rules`` (each scoring row, 0-1) -> ``engine``
(indicators, dimensions, coverage, levels, definitions, recommendations) -> ``table`` (the result
and its JSON and CSV shapes). Everything is computed a column at a time over all submissions.

Example::

    >>> from solidata.core.method import read_method  # doctest: +SKIP
    >>> answers = read_plain_answers("answers.csv")  # doctest: +SKIP
    >>> table = score(read_method("method.xlsx"), answers)  # doctest: +SKIP
    >>> table.dimensions.describe()  # doctest: +SKIP
"""

from __future__ import annotations

from solidata.core.scoring.answers import INSTANCE_ID, Answers, read_plain_answers
from solidata.core.scoring.engine import score
from solidata.core.scoring.rules import numeric_rule
from solidata.core.scoring.table import RESULTS, ScoreTable

__all__ = [
    "INSTANCE_ID",
    "RESULTS",
    "Answers",
    "ScoreTable",
    "numeric_rule",
    "read_plain_answers",
    "score",
]
