"""Glossary terms go through the committee: proposed, commented, adopted by an administrator,
then shown on the public glossary page in place of the workbook's wording, saying so."""

from __future__ import annotations

import pytest
from django.test import Client

from personas import Personas
from solidata.core.errors import SolidataError
from solidata.web.committee import services
from solidata.web.committee.models import TermVersion
from solidata.web.surveys.selectors import reference_method
from web.committee.conftest import signed_in

pytestmark = pytest.mark.django_db
NEW_WORDING = "Сайн дурын хамтын ажиллагаа ба харилцан туслалцаа (шинэ)"


def test_a_member_proposes_and_comments_and_only_an_administrator_adopts(
    people: Personas,
) -> None:
    member = signed_in(people.committee)
    sent = member.post(
        "/committee/glossary/propose/",
        {"term": "p1", "text_en": "Voluntary cooperation", "text_mn": NEW_WORDING},
    )
    assert sent.status_code == 303
    term = TermVersion.objects.get()
    assert term.status == "proposed" and term.proposed_by == people.committee
    assert member.post(f"/committee/terms/{term.pk}/comment/", {"body": "Тийм"}).status_code == 303
    assert term.comments.count() == 1
    for user in (people.committee, people.researcher):
        refused = signed_in(user).post(f"/committee/terms/{term.pk}/decide/", {"decision": "adopt"})
        assert refused.status_code == 403
    public = Client().get("/glossary/").content.decode()
    assert NEW_WORDING not in public
    adopted = signed_in(people.admin).post(
        f"/committee/terms/{term.pk}/decide/", {"decision": "adopt"}
    )
    assert adopted.status_code == 303
    page = Client(HTTP_ACCEPT_LANGUAGE="mn").get("/glossary/").content.decode()
    assert NEW_WORDING in page
    assert "зөвлөх хороо" in page  # where the wording comes from
    assert NEW_WORDING in Client(HTTP_ACCEPT_LANGUAGE="mn").get("/").content.decode()


def test_a_later_adopted_wording_supersedes_the_earlier_one(people: Personas) -> None:
    method = reference_method()
    first, second = (
        services.term_propose(
            country_id="MN",
            method=method,
            term="p2",
            text_en="Democratic governance",
            text_mn=text,
            working=False,
            rationale="",
            by=people.committee,
        )  # fmt: skip
        for text in ("Ардчилсан засаглал", "Ардчилсан, оролцооны засаглал")
    )
    services.term_decide(term=first, by=people.admin, adopt=True)
    services.term_decide(term=second, by=people.admin, adopt=True)
    first.refresh_from_db()
    assert first.status == "superseded"
    assert "Ардчилсан, оролцооны засаглал" in Client().get("/glossary/").content.decode()


def test_a_wording_of_a_term_the_glossary_does_not_have_is_refused(people: Personas) -> None:
    with pytest.raises(SolidataError) as raised:
        services.term_propose(
            country_id="MN", method=reference_method(), term="nope", text_en="x", text_mn="ж",
            working=False, rationale="", by=people.committee,
        )  # fmt: skip
    assert raised.value.codes == ["committee.term_unknown"]
    assert not TermVersion.objects.exists()
