"""Reads of the committee's workspace, and who meets a version on the survey data.

The results are the definition workbench's (solidata.web.findings.workbench): the same counts by
entity type and aimag, hidden for readers who may not see small groups exactly as on the findings
pages (the survey's guard)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from solidata.core.errors import SolidataError
from solidata.web.accounts import rights
from solidata.web.accounts.models import Role
from solidata.web.committee.models import DefinitionVersion, TermVersion, WorkingDefinition
from solidata.web.findings.presenters import Names
from solidata.web.findings.selectors import survey_dataset
from solidata.web.findings.workbench import Bench, Reader, bench


def definitions_for(user: Any) -> QuerySet[WorkingDefinition]:
    """Working definitions whose drafts the user may see (all, for administrators)."""
    role = rights.role_of(user)
    found = WorkingDefinition.objects.select_related("country", "survey").order_by("pk")
    if role == Role.ADMIN:
        return found
    membership = rights.membership_of(user)
    if membership is None or not rights.can_see_committee(user):
        return found.none()
    return found.filter(country__in=membership.countries.all())


def adopted_versions() -> QuerySet[DefinitionVersion]:
    """The adopted versions: public documents."""
    return DefinitionVersion.objects.filter(status=DefinitionVersion.Status.ADOPTED).select_related(
        "definition"
    )


def version_results(version: DefinitionVersion, user: Any, lang: str) -> Bench | None:
    """Who meets the version on its survey's data, as the user may see it (None without data
    or for a rule the method no longer accepts)."""
    dataset = survey_dataset(version.definition.survey)
    if not dataset.data.size:
        return None
    guard = None if rights.sees_small_cells(user) else dataset.guard
    reader = Reader(dataset, guard, Names(dataset.data.method, lang))
    label = version.definition.title(lang)
    earlier = None
    if version.based_on is not None:
        earlier = (f"v{version.based_on.number}", version.based_on.rule())
    this = (f"{label} v{version.number}", version.rule())
    try:
        if earlier is not None:  # what the changes since the version it is based on do
            return bench(reader, earlier, this)
        return bench(reader, this, None)
    except SolidataError:
        return None


@dataclass(frozen=True)
class ClauseChange:
    order: int
    kind: str  # added, removed, changed
    before: str  # rule and wording in the reader's language
    after: str


def changes_since_base(version: DefinitionVersion, lang: str) -> list[ClauseChange]:
    """What changed in the clauses since the version this one is based on, clause by number."""
    base = version.based_on
    if base is None:
        return []

    def said(c: Any) -> str:
        return f"{c.text(lang)} [{c.keeps}: {c.rule}]"

    old = {c.order: c for c in base.clauses.all()}
    new = {c.order: c for c in version.clauses.all()}
    found = []
    for order in sorted(old.keys() | new.keys()):
        a, b = old.get(order), new.get(order)
        if a is None:
            found.append(ClauseChange(order, "added", "", said(b)))
        elif b is None:
            found.append(ClauseChange(order, "removed", said(a), ""))
        elif (a.rule, a.keeps, a.text_en, a.text_mn) != (b.rule, b.keeps, b.text_en, b.text_mn):
            found.append(ClauseChange(order, "changed", said(a), said(b)))
    return found


def open_draft_for(survey: Any, user: Any) -> DefinitionVersion | None:
    """The draft of a working definition tested on ``survey`` that the user may propose to."""
    draft = (
        DefinitionVersion.objects.filter(
            definition__survey=survey, status=DefinitionVersion.Status.DRAFT
        )
        .select_related("definition")
        .order_by("definition_id")
        .first()
    )
    if draft is None or not rights.can_take_part(user, draft.definition.country_id):
        return None
    return draft


def adopted_terms(country_id: str = "MN") -> dict[str, TermVersion]:
    """The committee's adopted wording of each glossary term, by term id."""
    found = TermVersion.objects.filter(
        country_id=country_id, status=TermVersion.Status.ADOPTED
    ).order_by("term", "-decided_at")
    terms: dict[str, TermVersion] = {}
    for t in found:
        terms.setdefault(t.term, t)
    return terms
