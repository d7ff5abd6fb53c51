"""The XLSForm expression language: parse once, evaluate over whole columns.

Used by ``relevant``, ``constraint`` and ``calculation`` in the survey, by the ``value``
column of the scoring sheet and by definition rules.

Example::

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"a": ["yes", "no", None]})
    >>> evaluate_frame("${a} = 'yes' or ${a} = 'maybe'", frame).tolist()
    [True, False, <NA>]
"""

from __future__ import annotations

from solidata.core.expressions.evaluate import Environment, evaluate, evaluate_frame
from solidata.core.expressions.syntax import FUNCTIONS, Expression, parse
from solidata.core.expressions.values import Bool, Num, Text, Value

__all__ = [
    "FUNCTIONS",
    "Bool",
    "Environment",
    "Expression",
    "Num",
    "Text",
    "Value",
    "evaluate",
    "evaluate_frame",
    "parse",
]
