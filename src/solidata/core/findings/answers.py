"""Tables of one select_one question's answers by rows: how many entities gave each answer.

Used for the awareness questions of the bundled method (whether the term "social and solidarity
economy" was known, whether the organisation sees itself as part of it), by entity type and aimag.
Counts pass through the same guard as every findings table, with the answers as the measure, so a
small group's answer is hidden and so is any number it could be worked out from.
"""

from __future__ import annotations

import numpy as np

from solidata.core.errors import SolidataError
from solidata.core.expressions.values import to_text
from solidata.core.findings.crosstabs import Findings, Query
from solidata.core.findings.tables import Cell, Column, Row, Table

NO_ANSWER = "(no answer)"


def answer_table(findings: Findings, question: str, query: Query) -> Table:
    """Entities by their answer to the select_one ``question`` (counts, then shares of those who
    answered), one row per category of ``query.rows`` and a total.

    >>> # see tests/core/test_findings_answers.py for tables built on small data
    """
    data = findings.data
    found = data.method.question(question)
    if found is None or found.type != "select_one":
        raise SolidataError.of("expression.unknown_name", name=question)
    text = to_text(data.lookup(question))
    uniques = [str(u) for u in text.uniques] + [NO_ANSWER]
    answers = np.asarray(uniques, dtype=object)[text.codes]
    names = [c.name for c in data.method.choice_list(found)]
    label = findings.name
    heads = [Column("n", findings.words["entities"], "count")]
    heads += [Column(f"count:{c}", label(f"choice:{question}", c), "count") for c in names]
    heads += [
        Column(
            f"share:{c}",
            findings.words["share"].format(label=label(f"choice:{question}", c)),
            "share",
        )
        for c in names
    ]
    rows = []
    for s in findings.sets(query):
        n_hidden = findings.hidden(s.conditions)
        within = answers[s.mask]
        answered = int((within != NO_ANSWER).sum())
        counts, shares = [], []
        for c in names:
            conditions = {**s.conditions, f"answer:{question}": c}
            k = int((within == c).sum())
            hide = n_hidden or findings.hidden(s.conditions, answers, c)
            counts.append(Cell(None if hide else float(k), hide, conditions))
            shares.append(Cell(None if hide or not answered else k / answered, hide, conditions))
        cells = (Cell(float(s.mask.sum()), n_hidden, s.conditions), *counts, *shares)
        rows.append(Row(s.key, s.label, cells, s.conditions))
    return Table(
        f"answers-{question}",
        label("question", question),
        label("variable", query.rows or ""),
        tuple(heads),
        tuple(rows),
        findings.notes(),
    )
