"""The committee's working definition: drafts change, proposals apply, adoption freezes, and every
version shows who meets it, with small groups hidden for members."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from personas import Personas
from solidata.core.errors import SolidataError
from solidata.web.committee import services
from solidata.web.committee.models import Clause, Decision, DefinitionVersion, Proposal
from web.committee.conftest import signed_in

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 4)


def test_the_demo_draft_has_one_clause_per_condition_of_ilo_2022_core(
    draft: DefinitionVersion,
) -> None:
    clauses = list(draft.clauses.all())
    assert [c.keeps for c in clauses] == ["PUR", "P1", "P2", "P3", "P4"]
    assert draft.rule() == " and ".join(
        f"score('{k}') >= 50" for k in ["PUR", "P1", "P2", "P3", "P4"]
    )
    assert all(c.text_mn and c.text_en for c in clauses)


def test_a_clause_with_a_broken_rule_or_an_unknown_principle_is_refused_whole(
    draft: DefinitionVersion,
) -> None:
    with pytest.raises(SolidataError) as raised:
        services.clause_save(
            version=draft, rule="score('NOPE') >=", keeps="AS", text_en="x", text_mn=""
        )
    codes = raised.value.codes
    assert "committee.keeps_unknown" in codes  # AS is an aspiration, not a principle or value
    assert "committee.wording_missing" in codes
    assert "expression.syntax" in codes
    assert draft.clauses.count() == 5


def test_an_accepted_proposal_changes_the_draft_and_a_rejected_one_does_not(
    draft: DefinitionVersion, people: Personas
) -> None:
    first = draft.clauses.get(order=2)
    change = services.proposal_create(
        version=draft, author=people.committee, kind="change", clause=first,
        rule="score('P1') >= 40", keeps="P1", text_en="At least 40.", text_mn="Дор хаяж 40.",
        rationale="Хөдөө орон нутагт", answers_allowed=False,
    )  # fmt: skip
    add = services.proposal_create(
        version=draft, author=people.committee, kind="add", rule="score('V5') >= 50",
        keeps="V5", text_en="Transparent.", text_mn="Ил тод.", rationale="Ил тод байдал",
    )  # fmt: skip
    services.proposal_decide(proposal=change, by=people.researcher, accept=True)
    services.proposal_decide(proposal=add, by=people.researcher, accept=False)
    first.refresh_from_db()
    assert first.rule == "score('P1') >= 40" and first.text_mn == "Дор хаяж 40."
    assert draft.clauses.count() == 5
    with pytest.raises(SolidataError) as raised:
        services.proposal_decide(proposal=add, by=people.researcher, accept=True)
    assert raised.value.codes == ["committee.already_decided"]


def test_a_member_who_may_not_see_small_groups_may_not_propose_a_rule_over_a_number(
    draft: DefinitionVersion, people: Personas
) -> None:
    with pytest.raises(SolidataError) as raised:
        services.proposal_create(
            version=draft, author=people.committee, kind="add", rule="${year_founded} < 2000",
            keeps="P3", text_en="Old.", text_mn="Хуучин.", rationale="Туршилт",
            answers_allowed=False,
        )  # fmt: skip
    assert "stats.rule_answer_not_allowed" in raised.value.codes
    assert not Proposal.objects.exists()


def test_adopting_freezes_the_version_supersedes_the_last_and_a_new_draft_starts_from_it(
    draft: DefinitionVersion, people: Personas
) -> None:
    services.version_adopt(
        version=draft, by=people.admin, decided_by="Зөвлөлийн хурал", decided_on=TODAY
    )
    draft.refresh_from_db()
    assert draft.status == "adopted" and draft.adopted_by == people.admin
    with pytest.raises(SolidataError) as raised:
        services.clause_delete(clause=draft.clauses.first())  # type: ignore[arg-type]
    assert raised.value.codes == ["committee.version_frozen"]
    second = services.version_new_draft(source=draft, by=people.researcher)
    assert second.number == 2 and second.based_on == draft and second.clauses.count() == 5
    assert services.version_new_draft(source=draft, by=people.researcher) == second  # one draft
    services.version_adopt(version=second, by=people.admin, decided_by="Хурал", decided_on=TODAY)
    draft.refresh_from_db()
    assert draft.status == "superseded"
    assert Decision.objects.filter(outcome="adopted").count() == 2


def test_a_version_without_clauses_cannot_be_adopted(draft: DefinitionVersion, people) -> None:  # type: ignore[no-untyped-def]
    Clause.objects.filter(version=draft).delete()
    with pytest.raises(SolidataError) as raised:
        services.version_adopt(version=draft, by=people.admin, decided_by="x", decided_on=TODAY)
    assert raised.value.codes == ["committee.adopt_empty"]
    draft.refresh_from_db()
    assert draft.status == "draft" and not Decision.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("minutes.exe", b"MZ\x90\x00", "committee.attachment_type"),
        ("minutes.pdf", b"MZ\x90\x00 renamed", "committee.attachment_content"),
        ("minutes.docx", b"PK\x03\x04 broken", "committee.attachment_content"),
        ("minutes.txt", b"\x00\x01binary", "committee.attachment_content"),
    ],
)
def test_minutes_that_are_not_documents_are_refused_and_nothing_is_recorded(
    draft: DefinitionVersion,
    people: Personas,
    settings,
    tmp_path,
    name: str,
    content: bytes,
    code: str,
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(SolidataError) as raised:
        services.decision_record(
            version=draft, recorded_by=people.researcher, outcome="discussed",
            decided_by="Хурал", decided_on=TODAY, attachment=SimpleUploadedFile(name, content),
        )  # fmt: skip
    assert raised.value.codes == [code]
    assert not Decision.objects.exists() and not list(tmp_path.rglob("*.*"))


def test_minutes_over_the_size_limit_are_refused(draft, people, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    settings.SOLIDATA_MINUTES_MAX_MB = 1
    with pytest.raises(SolidataError) as raised:
        services.decision_record(
            version=draft, recorded_by=people.researcher, outcome="discussed",
            decided_by="Хурал", decided_on=TODAY,
            attachment=SimpleUploadedFile("minutes.txt", b"a" * (1024 * 1024 + 1)),
        )  # fmt: skip
    assert raised.value.codes == ["file.too_large"]


def test_minutes_are_stored_under_a_name_of_our_own_and_downloaded_as_an_attachment(
    draft: DefinitionVersion, people: Personas, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    found = services.decision_record(
        version=draft, recorded_by=people.researcher, outcome="discussed", decided_by="Хурал",
        decided_on=TODAY,
        attachment=SimpleUploadedFile("../../Хурлын тэмдэглэл.txt", "Хурлын тэмдэглэл".encode()),
    )  # fmt: skip
    stored = found.attachment.name
    assert stored.startswith("committee/minutes/") and stored.endswith(".txt")
    assert ".." not in found.attachment_name and "/" not in found.attachment_name
    response = signed_in(people.committee).get(f"/committee/decisions/{found.pk}/minutes/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).decode() == "Хурлын тэмдэглэл"


def test_members_see_who_meets_the_version_with_small_groups_hidden_as_on_findings(
    draft: DefinitionVersion, people: Personas
) -> None:
    member = signed_in(people.committee).get(f"/committee/versions/{draft.pk}/")
    researcher = signed_in(people.researcher).get(f"/committee/versions/{draft.pk}/")
    workbench = signed_in(people.committee).get(
        "/findings/mn-demo/workbench/", {"rule": draft.rule()}
    )
    for response in (member, researcher, workbench):
        assert response.status_code == 200
    hidden = 'class="hidden-cell"'
    assert hidden in member.content.decode() and hidden not in researcher.content.decode()
    # The same counts, hidden the same way, as the workbench shows the same rule to the member.
    by_area = member.context["bench"].first.by_area
    assert by_area == workbench.context["bench"].second.by_area


def test_the_adopted_version_exports_in_both_languages(
    draft: DefinitionVersion, people: Personas
) -> None:
    from docx import Document

    services.version_adopt(version=draft, by=people.admin, decided_by="Хурал", decided_on=TODAY)
    anonymous = signed_in(people.entity)
    docx = anonymous.get(f"/committee/versions/{draft.pk}/export.docx")
    assert docx.status_code == 200
    text = "\n".join(
        cell.text
        for table in Document(io.BytesIO(docx.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "Заалт 5" in text and "Clause 5" in text and "Удиртгал" in text
    pdf = anonymous.get(f"/committee/versions/{draft.pk}/export.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_a_new_draft_shows_who_moves_in_or_out_against_the_version_it_is_based_on(
    draft: DefinitionVersion, people: Personas
) -> None:
    services.version_adopt(version=draft, by=people.admin, decided_by="Хурал", decided_on=TODAY)
    second = services.version_new_draft(source=draft, by=people.researcher)
    services.clause_save(
        version=second, clause=second.clauses.get(order=2), rule="score('P1') >= 20",
        keeps="P1", text_en="At least 20.", text_mn="Дор хаяж 20.",
    )  # fmt: skip
    page = signed_in(people.researcher).get(f"/committee/versions/{second.pk}/")
    movement = page.context["bench"].movement
    assert movement is not None and movement.moved_in.value > 0  # a looser clause lets some in
    assert movement.moved_out.value == 0
    changes = page.context["changes"]
    assert [(c.order, c.kind) for c in changes] == [(2, "changed")]
    assert "score('P1') >= 50" in changes[0].before and "score('P1') >= 20" in changes[0].after
    same = signed_in(people.researcher).get(f"/committee/versions/{draft.pk}/")
    assert same.context["bench"].movement is None  # the first version: nothing to compare with


def test_anyone_reads_an_adopted_version_without_the_results_but_not_a_draft(
    draft: DefinitionVersion, people: Personas
) -> None:
    from django.test import Client

    from solidata.web.committee.demo import committee_ensure_demo

    url = f"/committee/versions/{draft.pk}/"
    assert Client().get(url).status_code == 302  # to sign in
    assert signed_in(people.entity).get(url).status_code == 403
    exported = signed_in(people.committee).get(f"{url}export.docx")
    assert exported.status_code == 200 and "ТӨСӨЛ".encode() not in exported.content  # zipped
    from docx import Document

    heading = "\n".join(p.text for p in Document(io.BytesIO(exported.content)).paragraphs)
    assert "ТӨСӨЛ: батлагдаагүй" in heading and "DRAFT: not adopted" in heading
    services.version_adopt(version=draft, by=people.admin, decided_by="Хурал", decided_on=TODAY)
    public = Client().get(url)
    page = public.content.decode()
    assert public.status_code == 200 and "score(&#x27;P1&#x27;) &gt;= 50" in page
    assert 'id="results-h"' not in page and 'id="proposals-h"' not in page
    assert committee_ensure_demo(survey=draft.definition.survey) == draft.definition  # once


def test_a_rule_typed_in_the_workbench_goes_to_the_draft_as_a_proposal(
    draft: DefinitionVersion, people: Personas
) -> None:
    member = signed_in(people.committee)
    checked = member.get("/findings/mn-demo/workbench/check/", {"rule": "score('V5') >= 50"})
    link = checked.content.decode()
    assert f"/committee/versions/{draft.pk}/?rule=score%28%27V5%27%29%20%3E%3D%2050" in link
    opened = member.get(f"/committee/versions/{draft.pk}/", {"rule": "score('V5') >= 50"})
    assert 'value="score(&#x27;V5&#x27;) &gt;= 50"' in opened.content.decode()
    researcher_check = signed_in(people.researcher).get(
        "/findings/mn-demo/workbench/check/", {"rule": "score('V5') >= 50"}
    )
    assert "to-committee" in researcher_check.content.decode()  # researchers take part too
    services.version_adopt(version=draft, by=people.admin, decided_by="Хурал", decided_on=TODAY)
    closed = member.get("/findings/mn-demo/workbench/check/", {"rule": "score('V5') >= 50"})
    assert "to-committee" not in closed.content.decode()  # no open draft to propose to


def test_the_admin_shows_an_adopted_version_but_does_not_change_it(
    draft: DefinitionVersion, people: Personas
) -> None:
    admin = signed_in(people.admin)
    url = f"/admin/committee/definitionversion/{draft.pk}/change/"
    assert admin.get(url).status_code == 200
    assert 'name="clauses-0-rule"' in admin.get(url).content.decode()  # a draft: editable
    services.version_adopt(version=draft, by=people.admin, decided_by="Хурал", decided_on=TODAY)
    page = admin.get(url)
    assert page.status_code == 200 and 'name="clauses-0-rule"' not in page.content.decode()
    assert admin.post(url, {"text_en": "changed"}).status_code == 403
    assert admin.get("/admin/committee/decision/add/").status_code == 403
    for name in ("decision", "proposal", "comment", "termversion", "workingdefinition"):
        assert admin.get(f"/admin/committee/{name}/").status_code == 200, name


def test_a_member_proposes_a_new_preamble_and_accepting_it_replaces_the_old(
    draft: DefinitionVersion, people: Personas
) -> None:
    with pytest.raises(SolidataError) as raised:
        services.proposal_create(
            version=draft, author=people.committee, kind="preamble", text_mn="Шинэ удиртгал",
            rationale="Товч",
        )  # fmt: skip
    assert raised.value.codes == ["committee.wording_missing"]  # the English is missing
    proposal = services.proposal_create(
        version=draft, author=people.committee, kind="preamble", text_mn="Шинэ удиртгал",
        text_en="A new preamble.", rationale="Товч",
    )  # fmt: skip
    services.proposal_decide(proposal=proposal, by=people.researcher, accept=True)
    draft.refresh_from_db()
    assert (draft.text_mn, draft.text_en) == ("Шинэ удиртгал", "A new preamble.")
    assert draft.clauses.count() == 5
