"""The admin edits everything; contact details need their own permission."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from solidata.web.registry.models import Organisation, OrganisationContact
from solidata.web.runtime import admin_account_ensure

pytestmark = pytest.mark.django_db


def test_the_demo_admin_logs_in_with_the_printed_password_and_sees_156_organisations(
    client: Client, demo_db
) -> None:
    password = admin_account_ensure()
    assert password
    assert client.login(username="admin", password=password)
    html = client.get("/admin/registry/organisation/").content.decode()
    assert "156 organisations" in html


def test_the_admin_password_is_stored_only_as_a_hash(demo_db) -> None:
    password = admin_account_ensure()
    assert password
    stored = User.objects.get(username="admin").password
    assert password not in stored
    assert admin_account_ensure() is None  # a second call creates and prints nothing


def test_an_organisation_page_opens_for_every_model_in_the_admin(client: Client, demo_db) -> None:
    User.objects.create_superuser("root", password="x-very-long-secret")
    client.login(username="root", password="x-very-long-secret")
    org = Organisation.objects.first()
    assert org is not None
    for url in [
        "/admin/registry/country/",
        "/admin/registry/adminarea/",
        "/admin/registry/entitytype/",
        "/admin/registry/entitytype/mutual_society/change/",
        "/admin/registry/legalform/",
        "/admin/registry/sector/",
        "/admin/registry/entitytypepresence/",
        f"/admin/registry/organisation/{org.pk}/change/",
        "/admin/surveys/survey/",
        "/admin/surveys/submission/",
    ]:
        assert client.get(url).status_code == 200, url


def test_contact_details_are_hidden_from_staff_without_the_permission(
    client: Client, demo_db
) -> None:
    org = Organisation.objects.first()
    assert org is not None
    OrganisationContact.objects.create(organisation=org, person="Бат", phone="99112233")
    staff = User.objects.create_user("staff", password="x-very-long-secret", is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(codename="view_organisation"),
        Permission.objects.get(codename="change_organisation"),
    )
    client.login(username="staff", password="x-very-long-secret")
    page = client.get(f"/admin/registry/organisation/{org.pk}/change/").content.decode()
    assert "99112233" not in page
    staff.user_permissions.add(Permission.objects.get(codename="view_organisationcontact"))
    client.force_login(User.objects.get(pk=staff.pk))
    page = client.get(f"/admin/registry/organisation/{org.pk}/change/").content.decode()
    assert "99112233" in page
