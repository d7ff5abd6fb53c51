"""Rights are decided in one place; each role sees exactly its scope."""

from __future__ import annotations

import pytest

from personas import personas
from solidata.web.accounts import rights
from solidata.web.registry.models import Organisation

pytestmark = pytest.mark.django_db


def test_each_role_sees_the_organisations_of_its_scope_only(demo_db) -> None:
    p = personas()
    total = Organisation.objects.count()
    assert rights.organisations_in_scope(p.admin).count() == total
    assert rights.organisations_in_scope(p.researcher).count() == total  # all are Mongolian
    assert rights.organisations_in_scope(p.foreign_researcher).count() == 0
    assert rights.organisations_in_scope(p.committee).count() == 0
    assert rights.organisations_in_scope(p.anonymous).count() == 0
    assert list(rights.organisations_in_scope(p.entity)) == [p.own]
    arkhangai = rights.organisations_in_scope(p.enumerator)
    assert arkhangai.count() == Organisation.objects.filter(admin_area="MN-073").count() > 0
    assert set(arkhangai.values_list("admin_area", flat=True)) == {"MN-073"}


def test_only_researchers_and_administrators_see_small_cells(demo_db) -> None:
    p = personas()
    seen = {name: rights.sees_small_cells(user) for name, user in p.all().items()}
    assert seen == {
        "admin": True,
        "researcher": True,
        "foreign_researcher": True,
        "committee": False,
        "enumerator": False,
        "entity": False,
        "anonymous": False,
    }


def test_committee_members_take_part_researchers_edit_and_only_administrators_adopt(
    demo_db,
) -> None:  # type: ignore[no-untyped-def]
    p = personas()
    table = {
        name: (
            rights.can_take_part(user, "MN"),
            rights.can_edit_definition(user, "MN"),
            rights.can_adopt(user),
            rights.can_see_committee(user),
        )
        for name, user in p.all().items()
    }
    assert table == {
        "admin": (True, True, True, True),
        "researcher": (True, True, False, True),
        "foreign_researcher": (False, False, False, True),  # in Thailand only
        "committee": (True, False, False, True),
        "enumerator": (False, False, False, False),
        "entity": (False, False, False, False),
        "anonymous": (False, False, False, False),
    }
