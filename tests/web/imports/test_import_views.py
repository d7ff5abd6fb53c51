"""The upload page: researchers of the country preview an import, then confirm it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from personas import personas
from solidata.core.ingest import ImportResult
from solidata.core.method import Method
from solidata.web.imports.models import ImportRun
from solidata.web.surveys.models import Submission, Survey

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "data" / "ingest"
UPLOAD = reverse("imports:upload")


@pytest.fixture(autouse=True)
def media(settings: object, tmp_path: Path) -> Path:
    """Each test keeps its pending uploads in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]
    return tmp_path / "media"


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def upload(client: Client, survey: Survey, path: Path, name: str | None = None, **extra: str):  # type: ignore[no-untyped-def]
    data = SimpleUploadedFile(name or path.name, path.read_bytes())
    return client.post(UPLOAD, {"survey": survey.pk, "file": data, **extra})


def test_anonymous_visitors_are_sent_to_sign_in(survey: Survey) -> None:
    response = Client().get(UPLOAD)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/?next=")


def test_only_researchers_of_the_country_and_administrators_may_import(
    survey: Survey, demo_db: object
) -> None:
    p = personas()
    for user in (p.admin, p.researcher):
        assert signed_in(user).get(UPLOAD).status_code == 200
    for user in (p.foreign_researcher, p.committee, p.enumerator, p.entity):
        assert signed_in(user).get(UPLOAD).status_code == 403


def test_a_researcher_previews_an_upload_then_confirms_it(
    survey: Survey, demo_db: object, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, _, folder = synthetic
    client = signed_in(personas().researcher)
    preview = upload(client, survey, folder / "kobo-labels-mn-groups.xlsx")
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "KoboToolbox XLSX export" in page and 'id="count-created">40<' in page
    assert not Submission.objects.filter(survey=survey).exists()
    token = preview.context["token"]
    done = client.post(reverse("imports:confirm", args=[token]))
    run = ImportRun.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse("imports:run", args=[run.pk])
    assert Submission.objects.filter(survey=survey).count() == 40 == run.created
    assert run.imported_by == personas_user("researcher")
    shown = client.get(done["Location"]).content.decode()
    assert 'id="count-created">40<' in shown
    again = client.post(reverse("imports:confirm", args=[token]))
    assert again.status_code == 404  # a preview is confirmed once


def personas_user(username: str) -> object:
    from django.contrib.auth.models import User

    return User.objects.get(username=username)


def test_the_preview_lists_every_problem_with_its_row_and_column(
    survey: Survey, demo_db: object, tmp_path: Path
) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(
        "instance_id,members_women,colour\nuuid:a,many,red\n,3,blue\n", encoding="utf-8"
    )
    preview = upload(signed_in(personas().researcher), survey, path)
    assert preview.status_code == 200
    errors = {(p.code, p.row, p.column) for p in preview.context["errors"]}
    assert errors == {
        ("ingest.value_invalid", 2, "members_women"),
        ("ingest.instance_id_empty", 3, "instance_id"),
    }
    assert [p.code for p in preview.context["warnings"]] == ["ingest.column_unknown"]
    page = preview.content.decode()
    assert "row 2, column <code>members_women</code>" in page and "ingest.column_unknown" in page


def test_a_refused_upload_shows_its_problem_and_stores_nothing(
    survey: Survey, demo_db: object
) -> None:
    response = upload(signed_in(personas().researcher), survey, DATA / "hostile" / "zip-bomb.zip")
    assert response.status_code == 422
    assert [p.code for p in response.context["problems"]] == ["ingest.zip_bomb"]
    assert not ImportRun.objects.exists()
    assert not list((Path(settings_media()) / "imports").glob("*"))


def settings_media() -> str:
    from django.conf import settings

    return str(settings.MEDIA_ROOT)


def test_an_upload_over_the_size_limit_is_refused(
    survey: Survey, demo_db: object, settings: object, tmp_path: Path
) -> None:
    settings.SOLIDATA_IMPORT_MAX_MB = 1  # type: ignore[attr-defined]
    big = tmp_path / "big.csv"
    big.write_bytes(b"instance_id\n" + b"uuid:x\n" * 200_000)
    response = upload(signed_in(personas().researcher), survey, big)
    assert response.status_code == 413
    assert [p.code for p in response.context["problems"]] == ["file.too_large"]


def test_the_uploaded_file_name_is_shown_but_never_used_as_a_path(
    survey: Survey, demo_db: object, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, _, folder = synthetic
    client = signed_in(personas().researcher)
    preview = upload(client, survey, folder / "plain.csv", name="../../../etc/\x07evil.csv")
    token = preview.context["token"]
    assert preview.context["name"] == "evil.csv"
    stored = list((Path(settings_media()) / "imports").iterdir())
    assert [p.name for p in stored] == [f"{token}.upload"]
    client.post(reverse("imports:confirm", args=[token]))
    assert ImportRun.objects.get().file_name == "evil.csv"
    assert not (Path(settings_media()) / "imports" / f"{token}.upload").exists()


def test_another_user_cannot_confirm_a_preview(
    survey: Survey, demo_db: object, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, _, folder = synthetic
    p = personas()
    preview = upload(signed_in(p.researcher), survey, folder / "plain.csv")
    other = signed_in(p.admin).post(reverse("imports:confirm", args=[preview.context["token"]]))
    assert other.status_code == 404 and not Submission.objects.filter(survey=survey).exists()


def test_the_problems_of_an_import_download_as_a_csv_safe_for_spreadsheets(
    survey: Survey, demo_db: object, tmp_path: Path
) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("instance_id,members_women\nuuid:a,=1+2\n", encoding="utf-8")
    client = signed_in(personas().researcher)
    preview = upload(client, survey, path)
    client.post(reverse("imports:confirm", args=[preview.context["token"]]))
    run = ImportRun.objects.get()
    response = client.get(reverse("imports:run_problems", args=[run.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == "ingest.value_invalid"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    foreign = signed_in(personas_user("foreign-researcher"))
    assert foreign.get(reverse("imports:run", args=[run.pk])).status_code == 403
