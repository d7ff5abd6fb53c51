"""Definitions of an SSE entity on a survey's data: test, compare and save candidate definitions.

The workbench (:mod:`~solidata.core.definitions.workbench`) evaluates a rule over every
submission at once and counts who meets it; :mod:`~solidata.core.definitions.workbook` writes a
chosen rule into a new version of the method workbook.

Example::

    >>> from solidata.core.definitions import evaluate_rule, summarise
    >>> summarise(data, evaluate_rule(data, "score('P2') >= 50")).total
    Tally(meets=111, does_not_meet=44, undetermined=1)
"""

from __future__ import annotations

from solidata.core.definitions.report import comparison_report, comparison_text
from solidata.core.definitions.workbench import (
    BREAKDOWNS,
    ClauseImpact,
    Comparison,
    RuleCheck,
    RuleResult,
    Summary,
    Tally,
    check_definition_id,
    check_rule,
    compare,
    evaluate_rule,
    resolve,
    summarise,
)
from solidata.core.definitions.workbook import NewDefinition, next_version, with_definition

__all__ = [
    "BREAKDOWNS",
    "ClauseImpact",
    "Comparison",
    "NewDefinition",
    "RuleCheck",
    "RuleResult",
    "Summary",
    "Tally",
    "check_definition_id",
    "check_rule",
    "compare",
    "comparison_report",
    "comparison_text",
    "evaluate_rule",
    "next_version",
    "resolve",
    "summarise",
    "with_definition",
]
