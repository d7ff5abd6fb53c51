"""Awareness of the SSE: how many entities knew the term and see themselves as part of it, by
entity type and by aimag (the bundled method's unscored questions sse_known and sse_part).

The page reads whatever select_one questions of the survey's method are named in ``QUESTIONS``;
a method without them says so rather than showing empty tables.
"""

from __future__ import annotations

from django.http import HttpResponse

from solidata.core.findings.answers import answer_table
from solidata.core.findings.crosstabs import Query
from solidata.web.findings.forms import query_from
from solidata.web.findings.views import Page, _named, findings_page, respond

QUESTIONS = ("sse_known", "sse_part")
BY = ("entity_type", "admin_area")


@findings_page
def awareness(page: Page) -> HttpResponse:
    base = query_from(page.request.GET, rows=None, columns=False)
    method = page.dataset.data.method
    questions = [
        q for q in QUESTIONS if (found := method.question(q)) and found.type == "select_one"
    ]
    findings = page.findings()
    tables = []
    for question in questions:
        for variable in BY:
            filters = {k: v for k, v in base.filters.items() if k != variable}
            query = Query(rows=variable, filters=filters)
            table = page.with_absent(answer_table(findings, question, query), variable)
            tables.append(_named(table, f"{question}-{variable}"))
    return respond(
        page,
        tables,
        "findings/awareness.html",
        query=base,
        questions=questions,
        section="awareness",
    )
