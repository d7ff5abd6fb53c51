"""The case studies' codes beside the survey's answers to the same lists.

For each choice of the method's challenge and opportunity lists: how many of the case studies
the reader may see were coded with it (and their share), and how many surveyed entities ticked it
(and their share), taken from the findings' own choices table, so the survey's side carries the
same small-cell suppression as every findings table.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _

from solidata.core.casestudies import CODE_LISTS
from solidata.core.findings.crosstabs import Query
from solidata.core.findings.tables import Cell, Column, Row, Table
from solidata.web.casestudies.selectors import case_studies_for
from solidata.web.findings.views import Page, findings_page, respond


def comparison_tables(page: Page) -> tuple[list[Table], int]:
    """One table per code list, and the number of case studies counted."""
    studies = list(case_studies_for(page.request.user, page.survey))
    multiples = {q.name for q in page.dataset.data.multiples()}
    findings = page.findings()
    tables = []
    for question in CODE_LISTS:
        if question not in multiples:
            continue
        survey_side = findings.choices(question, Query())
        total = survey_side.rows[-1]
        by_key = {c.key: cell for c, cell in zip(survey_side.columns, total.cells, strict=True)}
        method = page.dataset.data.method
        found = method.question(question)
        names = [c.name for c in method.choice_list(found)] if found else []
        heads = (
            Column("case_studies", _("Case studies coded"), "count"),
            Column("case_studies_share", _("Share of case studies"), "share"),
            Column("survey", _("Surveyed entities ticking it"), "count"),
            Column("survey_share", _("Share of surveyed entities"), "share"),
        )
        rows = []
        for name in names:
            coded = sum(name in getattr(s, question) for s in studies)
            rows.append(
                Row(
                    name,
                    page.names(f"choice:{question}", name),
                    (
                        Cell(float(coded)),
                        Cell(coded / len(studies) if studies else None),
                        by_key.get(f"count:{name}", Cell(None)),
                        by_key.get(f"share:{name}", Cell(None)),
                    ),
                )
            )
        rows.append(
            Row(
                None,
                _("Total"),
                (Cell(float(len(studies))), Cell(None), total.cells[0], Cell(None)),
            )
        )
        title = page.names("question", question)
        notes = (
            _(
                "Case studies are chosen on purpose, not at random: their codes show what the "
                "interviews raised, not how common it is."
            ),
            *survey_side.notes,
        )
        tables.append(Table(f"compare-{question}", title, _("Code"), heads, tuple(rows), notes))
    return tables, len(studies)


@findings_page
def compare(page: Page) -> HttpResponse:
    tables, n = comparison_tables(page)
    return respond(
        page,
        tables,
        "casestudies/compare.html",
        section="casestudies",
        studies=case_studies_for(page.request.user, page.survey),
        n_studies=n,
    )
