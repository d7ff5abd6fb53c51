"""Scoring: answers in, scores, levels, definition results and recommendations out.

The pipeline: ``answers`` (relevance, calculates) -> ``rules`` (each scoring row, 0-1) -> ``engine``
(indicators, dimensions, coverage, levels, definitions, recommendations) -> ``table`` (the result
and its JSON and CSV shapes). Everything is computed a column at a time over all submissions.

Example::

    >>> from solidata.core.method import bundled_method_path, read_method
    >>> from solidata.core.scoring import read_plain_answers, score
    >>> table = score(read_method(bundled_method_path()), read_plain_answers(answers_csv))
    >>> int(table.dimensions["P2"].count()), round(float(table.dimensions["P2"].mean()), 1)
    (155, 62.2)
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
