"""An entity's own result as a PDF: for its representative, researchers of its country and
administrators only (personas: tests/personas.py). The demo's organisations are synthetic."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from solidata.core.reports.words import MN
from solidata.web.findings.reports import entity_document
from solidata.web.registry.models import Organisation


def _own() -> Organisation:
    found = Organisation.objects.order_by("pk").first()
    assert found is not None
    return found


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_the_result_is_headed_with_the_organisation_s_name_in_its_language(people) -> None:  # type: ignore[no-untyped-def]
    document = entity_document(organisation=_own())
    assert document.title == _own().name and document.lang == "mn" and document.compact
    assert document.figures[0].label == "Зураг 1"
    assert any(p.text == MN["synthetic"] for p in document.cover)


def test_only_its_representative_researchers_and_admins_download_an_entity_s_result(
    people,  # type: ignore[no-untyped-def]
) -> None:
    url = f"/findings/organisation/{_own().pk}/report/?lang=en"
    allowed = {"entity": 200, "researcher": 200, "admin": 200}
    for name in ("entity", "researcher", "admin", "committee", "enumerator", "foreign_researcher"):
        response = _client(getattr(people, name)).get(url)
        assert response.status_code == allowed.get(name, 403), name
        if response.status_code == 200:
            assert response.content[:5] == b"%PDF-"


def test_a_representative_cannot_download_another_organisation_s_result(people) -> None:  # type: ignore[no-untyped-def]
    other = Organisation.objects.exclude(pk=_own().pk).order_by("pk").first()
    assert other is not None
    response = _client(people.entity).get(f"/findings/organisation/{other.pk}/report/")
    assert response.status_code == 403


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_entity_pdf_has_at_most_two_pages_and_its_mongolian_name(
    people,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    response = _client(people.entity).get(f"/findings/organisation/{_own().pk}/report/")
    pdf = tmp_path / "own.pdf"
    pdf.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[1])
    assert 1 <= pages <= 2
    found = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert _own().name in found and "Өөрийн үнэлгээний дүн" in found


def test_the_organisation_page_links_the_result_pdf_for_those_who_may_download_it(
    people,  # type: ignore[no-untyped-def]
) -> None:
    own = _own()
    Organisation.objects.filter(pk=own.pk).update(consent_public=True)
    link = f'href="/findings/organisation/{own.pk}/report/"'
    assert link in _client(people.entity).get(f"/organisations/{own.pk}/").content.decode()
    assert link not in _client(people.committee).get(f"/organisations/{own.pk}/").content.decode()
