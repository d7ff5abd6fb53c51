"""Who may open what: every page and API endpoint of the site, for every persona, against its own
and a foreign organisation.

The endpoints are read from the URLconf, so a new URL without a row below fails the test; a row
for a URL that no longer exists fails it too. Codes: ``login`` is a redirect to a sign-in page; 400
on a POST means "allowed, but the (deliberately invalid) input was refused", which shows the rights
check passed without changing anything.

Targets: ``own`` is the entity representative's organisation (in Arkhangai, the enumerator's area),
its demo submission and an assessment the entity started for it (sent, with a result); ``foreign``
is another Mongolian organisation, its demo submission and an assessment a researcher started for
it (not sent); ``anon`` is an assessment started by an anonymous visitor, opened by its link.

Downloads that render a document (the findings report, an organisation's result, a committee
version's export) are asked for in a format or language that does not exist: 400 (404 for an
export format, which is part of its URL) shows the rights check passed, without paying for a PDF
per role. The documents themselves, for each role, are tested in tests/web/findings/test_report.py,
test_entity_report.py and tests/web/committee/test_workspace.py.

The rows are checked area by area (the part of the URL name before the colon), so the areas run
in parallel under pytest-xdist; each builds the same targets on the demo data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from personas import Personas, personas
from web.assessments.filling import complete_answers

pytestmark = pytest.mark.django_db

ROLES = (
    "admin",
    "researcher",
    "foreign_researcher",
    "committee",
    "enumerator",
    "entity",
    "anonymous",
)
# Not in the table, with the reason.
EXEMPT = {"admin": "Django's admin decides by is_staff and model permissions, tested by Django."}

# adm: admin, res: researcher (MN), fres: researcher for Thailand only, com: committee member (MN),
# enu: enumerator (Arkhangai), ent: entity representative (own organisation), anon: anonymous.
MATRIX = """
| method | url name                       | target  | adm | res | fres | com | enu | ent | anon  |
|--------|--------------------------------|---------|-----|-----|------|-----|-----|-----|-------|
| GET    | home                           | -       | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | glossary                       | -       | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | organisation_list              | -       | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | organisation_detail            | own     | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | organisation_detail            | foreign | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| POST   | set_language                   | -       | 302 | 302 | 302  | 302 | 302 | 302 | 302   |
| GET    | imports:upload                 | -       | 200 | 200 | 403  | 403 | 403 | 403 | login |
| POST   | imports:confirm                | missing | 404 | 404 | 404  | 404 | 404 | 404 | login |
| GET    | imports:run                    | own     | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | imports:run_problems           | own     | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | assessments:start              | -       | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| POST   | assessments:start              | -       | 303 | 303 | 303  | 303 | 303 | 303 | 303   |
| POST   | assessments:start              | own     | 303 | 303 | 400  | 400 | 303 | 303 | 400   |
| POST   | assessments:start              | foreign | 303 | 303 | 400  | 400 | 400 | 400 | 400   |
| GET    | assessments:resume             | own     | 302 | 302 | 403  | 403 | 302 | 302 | login |
| GET    | assessments:resume             | foreign | 302 | 302 | 403  | 403 | 403 | 403 | login |
| GET    | assessments:resume             | anon    | 302 | 302 | 302  | 302 | 302 | 302 | 302   |
| GET    | assessments:step               | own     | 302 | 302 | 403  | 403 | 302 | 302 | login |
| GET    | assessments:step               | foreign | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | assessments:step               | anon    | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| POST   | assessments:autosave           | own     | 409 | 409 | 403  | 403 | 409 | 409 | 403   |
| POST   | assessments:autosave           | foreign | 200 | 200 | 403  | 403 | 403 | 403 | 403   |
| POST   | assessments:autosave           | anon    | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | assessments:check              | own     | 302 | 302 | 403  | 403 | 302 | 302 | login |
| GET    | assessments:check              | foreign | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | assessments:check              | anon    | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | assessments:result             | own     | 200 | 200 | 403  | 403 | 200 | 200 | login |
| GET    | assessments:result             | foreign | 302 | 302 | 403  | 403 | 403 | 403 | login |
| GET    | assessments:result             | anon    | 302 | 302 | 302  | 302 | 302 | 302 | 302   |
| POST   | assessments:reopen             | own     | 303 | 303 | 403  | 403 | 303 | 303 | login |
| POST   | assessments:reopen             | foreign | 303 | 303 | 403  | 403 | 403 | 403 | login |
| POST   | assessments:reopen             | anon    | 303 | 303 | 303  | 303 | 303 | 303 | 303   |
| GET    | assessments:review_list        | -       | 200 | 200 | 200  | 403 | 403 | 403 | login |
| GET    | assessments:review_detail      | own     | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | assessments:review_detail      | foreign | 200 | 200 | 403  | 403 | 403 | 403 | login |
| POST   | assessments:review_detail      | own     | 400 | 400 | 403  | 403 | 403 | 403 | login |
| GET    | assessments:sign_in            | -       | 302 | 302 | 302  | 302 | 302 | 302 | 200   |
| POST   | assessments:sign_out           | -       | 302 | 302 | 302  | 302 | 302 | 302 | 302   |
| GET    | assessments:api_submission     | own     | 200 | 200 | 403  | 403 | 200 | 200 | 403   |
| GET    | assessments:api_submission     | foreign | 200 | 200 | 403  | 403 | 403 | 403 | 403   |
| POST   | assessments:api_review         | own     | 400 | 400 | 403  | 403 | 403 | 403 | 403   |
| POST   | assessments:api_review         | foreign | 400 | 400 | 403  | 403 | 403 | 403 | 403   |
| GET    | assessments:api_result         | own     | 200 | 200 | 403  | 403 | 200 | 200 | 403   |
| GET    | assessments:api_result         | foreign | 200 | 200 | 403  | 403 | 403 | 403 | 403   |
| GET    | assessments:api_assessment     | own     | 200 | 200 | 403  | 403 | 200 | 200 | 403   |
| GET    | assessments:api_assessment     | foreign | 200 | 200 | 403  | 403 | 403 | 403 | 403   |
| GET    | assessments:api_assessment     | anon    | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | findings:index                 | -       | 200 | 200 | 200  | 200 | 200 | 200 | login |
| GET    | findings:overview              | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | findings:counts                | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | findings:scores                | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | findings:choices               | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | findings:awareness             | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | findings:definitions           | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | findings:workbench             | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | findings:workbench_check       | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| POST   | findings:workbench_save        | demo    | 302 | 302 | 403  | 403 | 403 | 403 | login |
| GET    | findings:frame                 | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| POST   | findings:frame                 | demo    | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | findings:report                | demo    | 400 | 400 | 403  | 400 | 403 | 403 | login |
| GET    | findings:entity_report         | own     | 400 | 400 | 403  | 403 | 403 | 400 | login |
| GET    | findings:entity_report         | foreign | 400 | 400 | 403  | 403 | 403 | 403 | login |
| GET    | findings_api:overview          | demo    | 200 | 200 | 403  | 200 | 403 | 403 | 401   |
| GET    | findings_api:counts            | demo    | 200 | 200 | 403  | 200 | 403 | 403 | 401   |
| GET    | findings_api:scores            | demo    | 200 | 200 | 403  | 200 | 403 | 403 | 401   |
| GET    | findings_api:choices           | demo    | 200 | 200 | 403  | 200 | 403 | 403 | 401   |
| GET    | findings_api:awareness         | demo    | 200 | 200 | 403  | 200 | 403 | 403 | 401   |
| GET    | findings_api:definitions       | demo    | 200 | 200 | 403  | 200 | 403 | 403 | 401   |
| GET    | findings_api:workbench         | demo    | 200 | 200 | 403  | 200 | 403 | 403 | 401   |
| GET    | casestudies:list               | -       | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | casestudies:create             | -       | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | casestudies:detail             | draft   | 200 | 200 | 403  | 403 | 403 | 200 | login |
| GET    | casestudies:detail             | public  | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | casestudies:edit               | draft   | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | casestudies:codes              | draft   | 200 | 200 | 403  | 403 | 403 | 403 | login |
| GET    | casestudies:consent            | draft   | 200 | 200 | 403  | 403 | 403 | 403 | login |
| POST   | casestudies:quote_add          | draft   | 302 | 302 | 403  | 403 | 403 | 403 | login |
| POST   | casestudies:quote_delete       | missing | 404 | 404 | 403  | 403 | 403 | 403 | login |
| POST   | casestudies:interview_add      | draft   | 302 | 302 | 403  | 403 | 403 | 403 | login |
| POST   | casestudies:photo_add          | draft   | 302 | 302 | 403  | 403 | 403 | 403 | login |
| POST   | casestudies:photo_delete       | missing | 404 | 404 | 403  | 403 | 403 | 403 | login |
| GET    | casestudies:photo              | draft   | 200 | 200 | 403  | 403 | 403 | 200 | 403   |
| GET    | casestudies:photo              | public  | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | casestudies:compare            | demo    | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | committee:index                | -       | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| GET    | committee:version              | draft   | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | committee:version              | adopted | 200 | 200 | 200  | 200 | 200 | 200 | 200   |
| POST   | committee:texts                | draft   | 400 | 400 | 403  | 403 | 403 | 403 | login |
| POST   | committee:clause               | draft   | 400 | 400 | 403  | 403 | 403 | 403 | login |
| POST   | committee:clause_delete        | adopted | 400 | 400 | 403  | 403 | 403 | 403 | login |
| POST   | committee:propose              | draft   | 400 | 400 | 403  | 400 | 403 | 403 | login |
| POST   | committee:propose              | adopted | 400 | 400 | 403  | 400 | 403 | 403 | login |
| POST   | committee:proposal_decide      | draft   | 400 | 400 | 403  | 403 | 403 | 403 | login |
| POST   | committee:comment              | draft   | 400 | 400 | 403  | 400 | 403 | 403 | login |
| POST   | committee:comment              | adopted | 400 | 400 | 403  | 400 | 403 | 403 | login |
| POST   | committee:decision             | draft   | 400 | 400 | 403  | 403 | 403 | 403 | login |
| POST   | committee:adopt                | draft   | 400 | 403 | 403  | 403 | 403 | 403 | login |
| POST   | committee:new_draft            | adopted | 303 | 303 | 403  | 403 | 403 | 403 | login |
| GET    | committee:export               | draft   | 404 | 404 | 403  | 404 | 403 | 403 | login |
| GET    | committee:export               | adopted | 404 | 404 | 404  | 404 | 404 | 404 | 404   |
| GET    | committee:minutes              | draft   | 200 | 200 | 403  | 200 | 403 | 403 | login |
| GET    | committee:glossary             | -       | 200 | 200 | 403  | 200 | 403 | 403 | login |
| POST   | committee:term_propose         | -       | 400 | 400 | 403  | 400 | 403 | 403 | login |
| POST   | committee:term_decide          | draft   | 400 | 403 | 403  | 403 | 403 | 403 | login |
| POST   | committee:term_comment         | draft   | 400 | 400 | 403  | 400 | 403 | 403 | login |
"""


@dataclass(frozen=True)
class Row:
    method: str
    name: str
    target: str
    expected: dict[str, str]


def rows() -> list[Row]:
    out = []
    for line in MATRIX.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        method, name, target, *codes = cells
        out.append(Row(method, name, target, dict(zip(ROLES, codes, strict=True))))
    return out


def url_names(patterns: list[Any] | None = None, prefix: str = "") -> Iterator[str]:
    """Every named URL of the project, namespaced (``imports:upload``)."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            namespace = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from url_names(p.url_patterns, namespace)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + p.name


def test_every_url_of_the_site_has_a_row_in_the_matrix() -> None:
    names = {n for n in url_names() if n.split(":")[0] not in EXEMPT}
    covered = {r.name for r in rows()}
    assert sorted(names - covered) == [], "add a row for each new endpoint"
    assert sorted(covered - names) == [], "remove rows of endpoints that are gone"


@dataclass
class World:
    people: Personas
    objects: dict[tuple[str, str], dict[str, Any]]


def world() -> World:
    from solidata.web.assessments.models import Draft
    from solidata.web.assessments.services import (
        OPEN_DEMO_SURVEY,
        draft_start,
        draft_submit,
    )
    from solidata.web.imports.models import ImportRun
    from solidata.web.registry.models import Organisation
    from solidata.web.surveys.models import Submission, Survey
    from solidata.web.surveys.selectors import method_of

    own = Organisation.objects.filter(admin_area="MN-073").order_by("pk").first()
    foreign = Organisation.objects.exclude(admin_area="MN-073").filter(country="MN").first()
    assert own is not None and foreign is not None
    Organisation.objects.filter(pk__in=[own.pk, foreign.pk]).update(
        consent_public=True, consent_results_public=False
    )
    people = personas(own=own)
    survey = Survey.objects.get(slug=OPEN_DEMO_SURVEY)
    own_draft = draft_start(user=people.entity, survey=survey, organisation=own)
    own_draft.answers = complete_answers(method_of(survey.method))
    own_draft.save()
    draft_submit(user=people.entity, draft=own_draft, key="matrix")
    foreign_draft = draft_start(user=people.researcher, survey=survey, organisation=foreign)
    anon_draft = draft_start(user=people.anonymous, survey=survey)
    run = ImportRun.objects.create(
        survey=Survey.objects.get(slug="mn-demo"),
        file_name="answers.csv",
        file_sha256="0" * 64,
        file_size=1,
        format="csv",
        started_at=timezone.now(),
        finished_at=timezone.now(),  # an unfinished run is still running: no page yet
    )
    submissions = {
        "own": Submission.objects.filter(organisation=own, source="demo").get(),
        "foreign": Submission.objects.filter(organisation=foreign, source="demo").get(),
    }
    drafts: dict[str, Draft] = {"own": own_draft, "foreign": foreign_draft, "anon": anon_draft}
    objects: dict[tuple[str, str], dict[str, Any]] = {}
    for target, org in (("own", own), ("foreign", foreign)):
        objects[("organisation_detail", target)] = {"pk": org.pk}
        objects[("entity_report", target)] = {"pk": org.pk, "query": {"lang": "none"}}
        objects[("api_result", target)] = {"pk": org.pk}
        objects[("start", target)] = {"post": {"survey": survey.pk, "organisation": org.pk}}
        for name in ("review_detail", "api_submission", "api_review"):
            objects[(name, target)] = {"pk": submissions[target].pk}
    for target, draft in drafts.items():
        for name in ("resume", "check", "result", "reopen", "api_assessment", "autosave", "step"):
            kwargs: dict[str, Any] = {"token": draft.token}
            if name in ("step", "autosave"):
                kwargs["number"] = 1
            objects[(name, target)] = kwargs
    objects[("start", "-")] = {"post": {"survey": survey.pk}}
    objects[("run", "own")] = {"pk": run.pk}
    objects[("run_problems", "own")] = {"pk": run.pk}
    objects[("confirm", "missing")] = {"token": "nothing-pending"}
    objects[("set_language", "-")] = {"post": {"language": "en", "next": "/"}}
    for name in ("overview", "counts", "scores", "choices", "definitions", "workbench",
                 "workbench_check", "workbench_save", "frame", "awareness", "compare",
                 "report"):  # fmt: skip
        objects[(name, "demo")] = {"slug": "mn-demo"}
    objects[("report", "demo")]["query"] = {"format": "none"}
    objects.update(case_study_targets(people))
    objects.update(committee_objects(people))
    # Allowed, but invalid on purpose: nothing changes.
    objects[("review_detail", "own")]["post"] = {"status": "maybe"}
    for target in ("own", "foreign"):
        objects[("api_review", target)]["post"] = {"status": "maybe"}
    return World(people=people, objects=objects)


def case_study_targets(people: Personas) -> dict[tuple[str, str], dict[str, Any]]:
    """``draft``: a draft case study of the entity's own organisation, with a photo and no consent;
    ``public``: the demo's first case study (published, consent covers publication and photos)."""
    from solidata.web.casestudies import services
    from solidata.web.casestudies.models import CaseStudy, Photo
    from solidata.web.surveys.models import Survey
    from web.casestudies.conftest import phone_jpeg

    draft = services.case_study_create(
        organisation=people.own, survey=Survey.objects.get(slug="mn-demo"), title_en="Draft"
    )
    draft_photo = services.photo_add(case_study=draft, data=phone_jpeg(), name="p.jpg")
    public_photo = Photo.objects.filter(case_study__is_synthetic=True).order_by("pk").first()
    public = CaseStudy.objects.filter(is_synthetic=True).order_by("pk").first()
    assert public is not None and public_photo is not None
    objects: dict[tuple[str, str], dict[str, Any]] = {}
    for name in ("detail", "edit", "codes", "consent", "quote_add", "interview_add", "photo_add"):
        objects[(name, "draft")] = {"pk": draft.pk}
    objects[("detail", "public")] = {"pk": public.pk}
    objects[("quote_delete", "missing")] = {"pk": draft.pk, "quote": 0}
    objects[("photo_delete", "missing")] = {"pk": draft.pk, "photo": 0}
    objects[("photo", "draft")] = {"photo": draft_photo.pk}
    objects[("photo", "public")] = {"photo": public_photo.pk}
    return objects


def committee_objects(people: Personas) -> dict[tuple[str, str], dict[str, Any]]:
    """``draft``: the demo's working definition (an open proposal, a decision with minutes, a
    proposed glossary term); ``adopted``: another definition's adopted version. The POSTs send
    nothing (allowed: 400, refused input), except a new draft, which is idempotent."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile

    from solidata.web.committee import services
    from solidata.web.committee.models import DefinitionVersion
    from solidata.web.surveys.selectors import reference_method

    draft = DefinitionVersion.objects.get(definition__is_synthetic=True, number=1)
    first = draft.clauses.get(order=1)
    proposal = services.proposal_create(
        version=draft, author=people.committee, kind="remove", clause=first, rationale="Учир"
    )
    decision = services.decision_record(
        version=draft, recorded_by=people.researcher, outcome="discussed", decided_by="Хурал",
        decided_on=dt.date(2026, 12, 1),
        attachment=SimpleUploadedFile("minutes.txt", "Тэмдэглэл".encode()),
    )  # fmt: skip
    other = services.definition_create(
        country_id="MN", survey=draft.definition.survey, title_en="Adopted", title_mn="Батлагдсан"
    )
    kept = services.clause_save(
        version=other, rule="score('P1') >= 50", keeps="P1", text_en="P1.", text_mn="Ж1."
    )
    services.version_adopt(
        version=other, by=people.admin, decided_by="Хурал", decided_on=dt.date(2026, 12, 2)
    )
    term = services.term_propose(
        country_id="MN", method=reference_method(), term="p1", text_en="Voluntary cooperation",
        text_mn="Сайн дурын хамтын ажиллагаа", working=True, rationale="", by=people.committee,
    )  # fmt: skip
    objects: dict[tuple[str, str], dict[str, Any]] = {}
    for target, version in (("draft", draft), ("adopted", other)):
        for name in ("version", "texts", "clause", "propose", "comment", "decision", "adopt",
                     "new_draft"):  # fmt: skip
            objects[(name, target)] = {"pk": version.pk}
    objects[("export", "draft")] = {"pk": draft.pk, "fmt": "none"}
    objects[("export", "adopted")] = {"pk": other.pk, "fmt": "none"}
    objects[("clause_delete", "adopted")] = {"pk": kept.pk}
    objects[("proposal_decide", "draft")] = {"pk": proposal.pk}
    objects[("minutes", "draft")] = {"pk": decision.pk}
    objects[("term_decide", "draft")] = {"pk": term.pk}
    objects[("term_comment", "draft")] = {"pk": term.pk}
    return objects


def signed_in(client: Client, user: Any) -> None:
    """``client`` with a new session of ``user`` signed in: what ``force_login`` stores, written
    in one INSERT (force_login also rotates the session key, records the sign-in time and sends
    the sign-in signals: five queries, for each of the matrix's 650 requests)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key


def outcome(response: Any) -> str:
    if response.status_code == 302:
        where = response.get("Location", "")
        if "/sign-in/" in where or "/login/" in where:
            return "login"
    return str(response.status_code)


def area(name: str) -> str:
    """The app part of a URL name (``committee`` of ``committee:export``); ``-`` for none."""
    return name.split(":")[0] if ":" in name else "-"


AREAS = sorted({area(r.name) for r in rows()})


@pytest.mark.parametrize("part", AREAS)
def test_each_role_gets_exactly_the_access_the_matrix_gives(demo_db, part: str) -> None:
    w = world()
    users = w.people.all()
    found = []
    for row in rows():
        if area(row.name) != part:
            continue
        short = row.name.split(":")[-1]
        spec = dict(w.objects.get((short, row.target), {}))
        data = spec.pop("post", {})
        query = spec.pop("query", {})
        url = reverse(row.name, kwargs=spec or None)
        for role in ROLES:
            client = Client()  # a session of its own: no request sees another's
            if users[role].is_authenticated:
                signed_in(client, users[role])
            response = client.get(url, query) if row.method == "GET" else client.post(url, data)
            got = outcome(response)
            if got != row.expected[role]:
                found.append(f"{row.method} {row.name} [{row.target}] as {role}: {got}")
    assert found == [], "\n".join(found)
