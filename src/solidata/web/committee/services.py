"""Writes of the committee's workspace: drafts, clauses, proposals, comments, decisions, adoption
and glossary terms. Rights are checked by the views (solidata.web.accounts.rights); these check
the rules of the document itself: clauses are valid rules of the method that keep an ILO
principle or value, only drafts change, and adopted versions are frozen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from solidata.core.definitions import check_rule
from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.method import Method
from solidata.web.committee.attachments import checked_attachment
from solidata.web.committee.models import (
    Clause,
    Comment,
    Decision,
    DefinitionVersion,
    Proposal,
    TermVersion,
    WorkingDefinition,
)
from solidata.web.surveys.selectors import method_of

KEPT_KINDS = ("purpose", "principle", "value")


def method_for(version: DefinitionVersion) -> Method:
    return method_of(version.definition.survey.method)


def kept_dimensions(method: Method) -> list[str]:
    """The ids a clause may keep: the purpose, the principles and the values of the method."""
    return [d.id for d in method.dimensions if d.kind in KEPT_KINDS]


def _must_be_draft(version: DefinitionVersion) -> None:
    """Lock the version's row until the transaction ends, so that a change and an adoption made
    at the same time cannot both pass: the second sees the first's status."""
    version.status = (
        DefinitionVersion.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=version.pk)
    )
    if not version.is_draft:
        raise SolidataError.of(
            "committee.version_frozen", number=version.number, status=version.status
        )


def clause_check(
    *,
    method: Method,
    rule: str,
    keeps: str,
    text_en: str,
    text_mn: str,
    answers_allowed: bool = True,
) -> str:
    """The rule as checked (stripped), or every problem of the clause at once."""
    problems: list[Problem] = []
    check = check_rule(method, rule, answers_allowed=answers_allowed)
    problems += [p for p in check.problems if p.severity == "error"]
    known = kept_dimensions(method)
    if keeps not in known:
        problems.append(problem("committee.keeps_unknown", keeps=keeps, known=", ".join(known)))
    for field, text in (("text_en", text_en), ("text_mn", text_mn)):
        if not text.strip():
            problems.append(problem("committee.wording_missing", column=field))
    if problems:
        raise SolidataError(problems)
    return check.rule


@transaction.atomic
def version_texts_update(
    *, version: DefinitionVersion, text_en: str, text_mn: str
) -> DefinitionVersion:
    _must_be_draft(version)
    version.text_en, version.text_mn = text_en.strip(), text_mn.strip()
    version.save(update_fields=["text_en", "text_mn"])
    return version


@transaction.atomic
def clause_save(
    *,
    version: DefinitionVersion,
    rule: str,
    keeps: str,
    text_en: str,
    text_mn: str,
    clause: Clause | None = None,
) -> Clause:
    """Change ``clause`` of the draft, or add a clause at its end."""
    _must_be_draft(version)
    checked = clause_check(
        method=method_for(version), rule=rule, keeps=keeps, text_en=text_en, text_mn=text_mn
    )
    if clause is None:
        last = version.clauses.order_by("-order").first()
        clause = Clause(version=version, order=(last.order + 1) if last else 1)
    clause.rule, clause.keeps = checked, keeps
    clause.text_en, clause.text_mn = text_en.strip(), text_mn.strip()
    clause.save()
    return clause


@transaction.atomic
def clause_delete(*, clause: Clause) -> None:
    version = clause.version
    _must_be_draft(version)
    clause.delete()
    for n, rest in enumerate(version.clauses.order_by("order"), start=1):
        if rest.order != n:
            rest.order = n
            rest.save(update_fields=["order"])


@transaction.atomic
def proposal_create(
    *,
    version: DefinitionVersion,
    author: Any,
    kind: str,
    rationale: str,
    clause: Clause | None = None,
    rule: str = "",
    keeps: str = "",
    text_en: str = "",
    text_mn: str = "",
    answers_allowed: bool = True,
) -> Proposal:
    """A member's proposed change to a draft: checked now, applied when a researcher accepts it.

    ``answers_allowed`` False (members who may not see small groups) limits the rule to scores
    and choice questions, as in the workbench."""
    _must_be_draft(version)
    about_clause = kind in (Proposal.Kind.CHANGE, Proposal.Kind.REMOVE)
    if about_clause and (clause is None or clause.version_id != version.pk):
        raise SolidataError.of("committee.clause_missing")
    if not rationale.strip():
        raise SolidataError.of("committee.wording_missing", column="rationale")
    if kind == Proposal.Kind.PREAMBLE:
        for field, text in (("text_en", text_en), ("text_mn", text_mn)):
            if not text.strip():
                raise SolidataError.of("committee.wording_missing", column=field)
        rule, keeps, clause = "", "", None
    elif kind != Proposal.Kind.REMOVE:
        rule = clause_check(
            method=method_for(version),
            rule=rule,
            keeps=keeps,
            text_en=text_en,
            text_mn=text_mn,
            answers_allowed=answers_allowed,
        )
    return Proposal.objects.create(
        version=version,
        kind=kind,
        clause=clause if about_clause else None,
        clause_order=clause.order if clause is not None and about_clause else None,
        rule=rule,
        keeps=keeps,
        text_en=text_en.strip(),
        text_mn=text_mn.strip(),
        rationale=rationale.strip(),
        author=author,
    )


@transaction.atomic
def proposal_decide(*, proposal: Proposal, by: Any, accept: bool) -> Proposal:
    """Accept (the change is made to the draft) or reject an open proposal."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _must_be_draft(proposal.version)
    if proposal.status != Proposal.Status.OPEN:
        raise SolidataError.of("committee.already_decided", status=proposal.status)
    if accept:
        if proposal.kind == Proposal.Kind.PREAMBLE:
            version_texts_update(
                version=proposal.version, text_en=proposal.text_en, text_mn=proposal.text_mn
            )
        elif proposal.kind == Proposal.Kind.REMOVE:
            if proposal.clause is None:
                raise SolidataError.of("committee.clause_missing")
            clause_delete(clause=proposal.clause)
        else:
            if proposal.kind == Proposal.Kind.CHANGE and proposal.clause is None:
                raise SolidataError.of("committee.clause_missing")
            clause_save(
                version=proposal.version,
                clause=proposal.clause if proposal.kind == Proposal.Kind.CHANGE else None,
                rule=proposal.rule,
                keeps=proposal.keeps,
                text_en=proposal.text_en,
                text_mn=proposal.text_mn,
            )
    proposal.status = Proposal.Status.ACCEPTED if accept else Proposal.Status.REJECTED
    proposal.decided_by, proposal.decided_at = by, timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    return proposal


@transaction.atomic
def comment_add(
    *,
    author: Any,
    body: str,
    version: DefinitionVersion | None = None,
    proposal: Proposal | None = None,
    term: TermVersion | None = None,
) -> Comment:
    if not body.strip():
        raise SolidataError.of("committee.wording_missing", column="body")
    return Comment.objects.create(
        author=author, body=body.strip(), version=version, proposal=proposal, term=term
    )


@transaction.atomic
def decision_record(
    *,
    version: DefinitionVersion,
    recorded_by: Any,
    outcome: str,
    decided_by: str,
    decided_on: dt.date,
    minutes: str = "",
    attachment: UploadedFile[bytes] | None = None,
    proposal: Proposal | None = None,
) -> Decision:
    """Record who decided what and when, with the minutes as text and/or an attached file."""
    if not decided_by.strip():
        raise SolidataError.of("committee.wording_missing", column="decided_by")
    decision = Decision(
        version=version,
        proposal=proposal,
        outcome=outcome,
        decided_by=decided_by.strip(),
        decided_on=decided_on,
        minutes=minutes.strip(),
        recorded_by=recorded_by,
    )
    if attachment is not None:
        name, content = checked_attachment(attachment)
        decision.attachment_name = name
        decision.attachment.save(name, content, save=False)
    decision.save()
    return decision


@transaction.atomic
def version_adopt(
    *,
    version: DefinitionVersion,
    by: User,
    decided_by: str,
    decided_on: dt.date,
    minutes: str = "",
    attachment: UploadedFile[bytes] | None = None,
) -> DefinitionVersion:
    """Adopt a draft: it is frozen, the version adopted before it is superseded, and the
    decision is recorded with its minutes."""
    version = DefinitionVersion.objects.select_for_update().get(pk=version.pk)
    _must_be_draft(version)
    if not version.clauses.exists():
        raise SolidataError.of("committee.adopt_empty")
    for c in version.clauses.all():  # the method may have changed since the clause was written
        clause_check(
            method=method_for(version), rule=c.rule, keeps=c.keeps, text_en=c.text_en,
            text_mn=c.text_mn,
        )  # fmt: skip
    decision_record(
        version=version,
        recorded_by=by,
        outcome=Decision.Outcome.ADOPTED,
        decided_by=decided_by,
        decided_on=decided_on,
        minutes=minutes,
        attachment=attachment,
    )
    DefinitionVersion.objects.filter(
        definition=version.definition, status=DefinitionVersion.Status.ADOPTED
    ).update(status=DefinitionVersion.Status.SUPERSEDED)
    version.status = DefinitionVersion.Status.ADOPTED
    version.adopted_by, version.adopted_at = by, timezone.now()
    version.save(update_fields=["status", "adopted_by", "adopted_at"])
    version.proposals.filter(status=Proposal.Status.OPEN).update(
        status=Proposal.Status.REJECTED, decided_by=by, decided_at=timezone.now()
    )
    return version


@transaction.atomic
def version_new_draft(*, source: DefinitionVersion, by: Any) -> DefinitionVersion:
    """A new draft with the texts and clauses of ``source`` (one open draft at a time)."""
    definition = WorkingDefinition.objects.select_for_update().get(pk=source.definition_id)
    open_draft = definition.versions.filter(status=DefinitionVersion.Status.DRAFT).first()
    if open_draft is not None:
        return open_draft
    last = definition.versions.order_by("-number").first()
    draft = DefinitionVersion.objects.create(
        definition=definition,
        number=(last.number if last else 0) + 1,
        text_en=source.text_en,
        text_mn=source.text_mn,
        based_on=source,
        created_by=by,
    )
    Clause.objects.bulk_create(
        Clause(
            version=draft,
            order=c.order,
            rule=c.rule,
            keeps=c.keeps,
            text_en=c.text_en,
            text_mn=c.text_mn,
        )
        for c in source.clauses.all()
    )
    return draft


@transaction.atomic
def definition_create(
    *,
    country_id: str,
    survey: Any,
    title_en: str,
    title_mn: str,
    by: Any = None,
    synthetic: bool = False,
) -> DefinitionVersion:
    """A working definition with an empty first draft."""
    definition = WorkingDefinition.objects.create(
        country_id=country_id,
        survey=survey,
        title_en=title_en,
        title_mn=title_mn,
        is_synthetic=synthetic,
    )
    return DefinitionVersion.objects.create(definition=definition, number=1, created_by=by)


# --- the glossary ---------------------------------------------------------------------------------


@transaction.atomic
def term_propose(
    *,
    country_id: str,
    method: Method,
    term: str,
    text_en: str,
    text_mn: str,
    working: bool,
    rationale: str,
    by: Any,
) -> TermVersion:
    if term not in {g.id for g in method.glossary}:
        raise SolidataError.of("committee.term_unknown", term=term)
    for field, text in (("text_en", text_en), ("text_mn", text_mn)):
        if not text.strip():
            raise SolidataError.of("committee.wording_missing", column=field)
    return TermVersion.objects.create(
        country_id=country_id,
        term=term,
        text_en=text_en.strip(),
        text_mn=text_mn.strip(),
        working=working,
        rationale=rationale.strip(),
        proposed_by=by,
    )


@transaction.atomic
def term_decide(*, term: TermVersion, by: Any, adopt: bool) -> TermVersion:
    """Adopt (the term's earlier adopted wording is superseded) or reject a proposed wording."""
    term = TermVersion.objects.select_for_update().get(pk=term.pk)
    if term.status != TermVersion.Status.PROPOSED:
        raise SolidataError.of("committee.already_decided", status=term.status)
    if adopt:
        TermVersion.objects.filter(
            country_id=term.country_id, term=term.term, status=TermVersion.Status.ADOPTED
        ).update(status=TermVersion.Status.SUPERSEDED)
    term.status = TermVersion.Status.ADOPTED if adopt else TermVersion.Status.REJECTED
    term.decided_by, term.decided_at = by, timezone.now()
    term.save(update_fields=["status", "decided_by", "decided_at"])
    return term
