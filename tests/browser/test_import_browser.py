"""A researcher imports a KoboToolbox export in a real browser: preview, problems, confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_researcher_uploads_a_kobo_export_checks_it_and_imports_it(
    page, live_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from django.conf import settings
    from django.test import Client

    import export_writers as ex
    from personas import personas
    from solidata.web.demo_data import demo_load
    from solidata.web.surveys.models import Submission, Survey

    demo_load()
    researcher = personas().researcher
    demo = Survey.objects.get(slug="mn-demo")
    survey = Survey.objects.create(
        slug="mn-2023", title="Self-assessment 2023", country_id="MN", method=demo.method
    )
    method, subs = ex.synthetic_submissions(20)
    frame = subs.frame()
    frame.loc[3, "members_women"] = "about ten"  # one problem the researcher must see
    bad = ex.submissions_from_answers(method, frame, review=["approved"] * 20)
    export = ex.write_kobo_xlsx(bad, method, tmp_path / "kobo-export.xlsx")

    client = Client()
    client.force_login(researcher)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.goto(live_server.url + "/imports/")
    page.select_option("#id_survey", label=str(survey))
    page.set_input_files("#id_file", str(export))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_selector("#detected-format")

    assert page.locator("#detected-format").inner_text() == "KoboToolbox XLSX export"
    assert page.locator("#count-created").inner_text() == "20"
    assert page.locator("#count-rejected").inner_text() == "0"
    problem = page.locator("#errors tbody tr")
    assert problem.count() == 1
    assert "row 5, column members_women" in problem.inner_text()
    assert "'about ten' is not a whole number" in problem.inner_text()
    assert Submission.objects.filter(survey=survey).count() == 0

    page.locator("#confirm").click()
    page.wait_for_url("**/imports/runs/*/")
    assert page.locator("h1").inner_text() == "Import done"
    assert page.locator("#count-created").inner_text() == "20"
    stored = Submission.objects.filter(survey=survey)
    assert stored.count() == 20
    assert set(stored.values_list("review_status", flat=True)) == {"approved"}
    assert stored.filter(scores__isnull=False).count() == 20
