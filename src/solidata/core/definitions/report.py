"""Two definitions compared on a survey, as JSON-ready data and as text (``solidata definitions
compare``).

With a guard, every count that a reader who may not see small groups would not see is ``None``
(shown as ``x``) and no entity is named, so the output can be published.

Example::

    >>> core = "score('P1') >= 50 and score('P2') >= 50"
    >>> report = comparison_report(data, ("core", core), ("broad", "score('P2') >= 50"))
    >>> report["a"]["total"], len(report["moved_in"])
    ({'meets': 102, 'does_not_meet': 53, 'undetermined': 1}, 9)
    >>> print(comparison_text(report).splitlines()[-5])
    From A to B: 9 move in, 0 move out.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from solidata.core.definitions.workbench import (
    BREAKDOWNS,
    RuleResult,
    Summary,
    Tally,
    compare,
    evaluate_rule,
    summarise,
)
from solidata.core.findings.dataset import SurveyData
from solidata.core.findings.guard import Guard
from solidata.core.scoring import RESULTS

HIDDEN = "x"


def comparison_report(
    data: SurveyData,
    first: tuple[str, str],
    second: tuple[str, str],
    *,
    guard: Guard | None = None,
) -> dict[str, Any]:
    """Both definitions (``(label, rule)``) on ``data``, and who moves from the first to the
    second. ``guard``: hide what readers who may not see small groups may not see."""
    a = evaluate_rule(data, first[1])
    b = evaluate_rule(data, second[1])
    found = compare(data, a, b)
    a_text, b_text = a.results(), b.results()
    moves: dict[str, dict[str, int | None]] = {}
    for ra in RESULTS:
        moves[ra] = {}
        for rb in RESULTS:
            shown = guard is None or guard.shows_pair(a_text, b_text, ra, rb)
            moves[ra][rb] = found.moves[(ra, rb)] if shown else None
    return {
        "submissions": data.size,
        "small_cells_hidden": guard is not None,
        "min_cell": guard.min_count if guard is not None else None,
        "a": _side(data, first, a, summarise(data, a), guard),
        "b": _side(data, second, b, summarise(data, b), guard),
        "moves": moves,
        "moved_in": list(found.moved_in) if guard is None else None,
        "moved_out": list(found.moved_out) if guard is None else None,
    }


def _side(
    data: SurveyData,
    given: tuple[str, str],
    result: RuleResult,
    summary: Summary,
    guard: Guard | None,
) -> dict[str, Any]:
    values = result.results()

    def tally(t: Tally, conditions: dict[str, str]) -> dict[str, int | None]:
        return {
            r: t.of(r)
            if guard is None or guard.shows(conditions, measure=values, category=r)
            else None
            for r in RESULTS
        }

    clauses = [
        {
            "text": c.text,
            "fails": c.fails if guard is None else _clause(guard, outcome, c.fails),
            "only_reason": c.only_reason if guard is None else None,
        }
        for c, (_, outcome) in zip(summary.clauses, result.clauses, strict=True)
    ]
    most = summary.most_excluding
    if any(c["fails"] is None for c in clauses):
        most = None  # it would compare hidden counts
    return {
        "definition": given[0],
        "rule": result.rule,
        "total": tally(summary.total, {}),
        **{
            f"by_{variable}": {
                code: tally(t, {variable: code})
                for code, t in summary.breakdowns[variable]
                if t.total
            }
            for variable in BREAKDOWNS
        },
        "clauses": clauses,
        "most_excluding": most.text if most is not None else None,
    }


def _clause(guard: Guard, outcome: Any, fails: int) -> int | None:
    values = np.array(RESULTS)[outcome]
    return fails if guard.shows({}, measure=values, category="does_not_meet") else None


def comparison_text(report: dict[str, Any]) -> str:
    """The report for people: both definitions' counts, by group, and the moves."""
    lines = []
    for side in ("a", "b"):
        found = report[side]
        total = found["total"]
        lines += [
            f"{side.upper()}  {found['definition']}",
            f"   rule: {found['rule']}",
            f"   meets {_n(total['meets'])}, does not meet {_n(total['does_not_meet'])}, "
            f"undetermined {_n(total['undetermined'])}",
        ]
        if found["most_excluding"]:
            lines.append(f"   the condition that excludes the most: {found['most_excluding']}")
    lines.append("")
    for variable in BREAKDOWNS:
        a, b = report["a"][f"by_{variable}"], report["b"][f"by_{variable}"]
        width = max([len(variable), *(len(k) for k in a)]) + 2
        lines.append(f"{'meets, by ' + variable:<{width + 8}}{'A':>8}{'B':>8}")
        for code in a:
            lines.append(f"  {code:<{width + 6}}{_n(a[code]['meets']):>8}{_n(b[code]['meets']):>8}")
        lines.append("")
    moves = report["moves"]
    came = [moves[r]["meets"] for r in RESULTS if r != "meets"]
    left = [moves["meets"][r] for r in RESULTS if r != "meets"]
    lines.append(f"From A to B: {_sum(came)} move in, {_sum(left)} move out.")
    corner = "A / B"
    lines.append(f"{corner:<16}" + "".join(f"{r:>16}" for r in RESULTS))
    for ra in RESULTS:
        lines.append(f"{ra:<16}" + "".join(f"{_n(moves[ra][rb]):>16}" for rb in RESULTS))
    if report["small_cells_hidden"]:
        lines.append(f"x: hidden, fewer than {report['min_cell']} entities or revealing one.")
    return "\n".join(lines)


def _n(value: int | None) -> str:
    return HIDDEN if value is None else str(value)


def _sum(values: list[int | None]) -> str:
    return HIDDEN if any(v is None for v in values) else str(sum(v or 0 for v in values))
