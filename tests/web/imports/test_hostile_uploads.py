"""The hostile-file corpus (tests/data/hostile) uploaded on the import page: each file is refused
with its catalogue code before any reader opens it, and nothing is written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import export_writers as ex
from hostile_files import FOLDER, NOT_A_ZIP
from hostile_files import REFUSED as HOSTILE
from personas import personas
from solidata.web.imports.models import ImportRun, SubmissionChange
from solidata.web.surveys.models import Submission, Survey

pytestmark = pytest.mark.django_db
# The refused workbooks, and a file that is not a workbook at all, as an import sees them.
REFUSED = {**HOSTILE, "not-a-zip.xlsx": NOT_A_ZIP["import"]}


@pytest.fixture(autouse=True)
def media(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "code"), sorted(REFUSED.items()))
def test_a_hostile_upload_is_refused_with_its_code_and_writes_nothing(
    survey: Survey, demo_db: object, name: str, code: str
) -> None:
    client = Client()
    client.force_login(personas().researcher)
    counts = (ImportRun.objects.count(), Submission.objects.count())
    data = SimpleUploadedFile(name, (FOLDER / name).read_bytes())
    response = client.post(reverse("imports:upload"), {"survey": survey.pk, "file": data})
    assert response.status_code == 422
    assert [p.code for p in response.context["problems"]] == [code]
    assert (ImportRun.objects.count(), Submission.objects.count()) == counts
    assert not SubmissionChange.objects.exists()


def test_a_sheet_over_the_cells_setting_is_refused(
    survey: Survey, demo_db: object, settings: object, tmp_path: Path
) -> None:
    method, subs = ex.synthetic_submissions(3)
    path = ex.write_variant(ex.VARIANTS[0], subs, method, tmp_path, form_id=method.id)
    client = Client()
    client.force_login(personas().researcher)
    data = SimpleUploadedFile("export.xlsx", path.read_bytes())
    settings.SOLIDATA_IMPORT_MAX_CELLS = 20  # type: ignore[attr-defined]
    response = client.post(reverse("imports:upload"), {"survey": survey.pk, "file": data})
    assert response.status_code == 422
    assert [p.code for p in response.context["problems"]] == ["ingest.sheet_too_large"]


def test_a_workbook_over_the_text_setting_is_refused(
    survey: Survey, demo_db: object, settings: object
) -> None:
    from hostile_files import sheet_xml, workbook

    letters = "".join(random.Random(1).choices("abcdefghijklmnopqrstuvwxyz ", k=1_200_000))
    rows = [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>_uuid</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>org_name</t></is></c></row>',
        '<row r="2"><c r="A2" t="inlineStr"><is><t>uuid:a</t></is></c>'
        f'<c r="B2" t="inlineStr"><is><t>{letters}</t></is></c></row>',
    ]
    client = Client()
    client.force_login(personas().researcher)
    data = SimpleUploadedFile("long.xlsx", workbook(sheet_xml(rows)))
    settings.SOLIDATA_IMPORT_MAX_TEXT_MB = 1  # type: ignore[attr-defined]
    response = client.post(reverse("imports:upload"), {"survey": survey.pk, "file": data})
    assert response.status_code == 422
    assert [p.code for p in response.context["problems"]] == ["ingest.text_too_large"]
