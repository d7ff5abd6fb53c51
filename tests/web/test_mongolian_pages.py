"""No English on a Mongolian page: every text a person reads there is in Mongolian.

The test signs in as each persona, asks for every page that persona can open in Mongolian (pages
full of data: the demo's 156 organisations, a finished assessment, an import with problems, a
workbench rule with mistakes) and collects every text node and every read-aloud attribute. A Latin
word is allowed only where the page says it is not Mongolian: inside ``<code>``, ``<kbd>``,
``<samp>`` or ``<pre>`` (rule code, column names, file layouts), inside an element marked with
another ``lang`` (the English column of the glossary, the language switcher) or as not to be
translated (``translate="no"``: the rule box of the workbench), or when it is a
proper name no one translates (``NAMES``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from personas import Personas, personas
from solidata.web.registry.selectors import organisations_public
from solidata.web.surveys.models import Submission
from web.assessments.filling import fill_all_steps

pytestmark = pytest.mark.django_db

# Names of programs, file formats, organisations' brands and units: written in Latin letters in
# Mongolian text too.
NAMES = {
    "Solidata", "KoboToolbox", "KoBoCAT", "Ona", "ODK", "Central", "XLSForm", "XLSX", "CSV",
    "JSON", "PDF", "DOCX", "API", "MB", "KB", "GB", "zip", "Natural", "Earth", "Apache",
    "Superset", "COOP", "Think", "Start", "Manage", "My", "ISO", "UTF", "Excel", "htmx", "URL",
    "svy", "Babel", "JPEG", "PNG", "WebP", "GPS", "ODT", "TXT", "Word", "HTML",
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# Identifiers, file names and document numbers (P1_AID, submissions.csv.zip, A/RES/77/281) are
# not words of a language.
IDENTIFIER = re.compile(r"\S*[A-Za-z]\S*[._/0-9]\S*|\S*[._/0-9]\S*[A-Za-z]\S*")
FOREIGN = {"code", "kbd", "samp", "pre", "script", "style", "template"}
READ_ALOUD = ("title", "aria-label", "placeholder", "alt")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class EnglishFinder(HTMLParser):
    """Collects texts with Latin words that are neither marked as foreign nor proper names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # True where the element (or an ancestor) is not Mongolian
        self.found: list[str] = []

    def foreign(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        outside = (
            self.foreign()
            or tag in FOREIGN
            or (lang is not None and lang != "mn")
            or values.get("translate") == "no"
        )
        if not outside:
            for name in READ_ALOUD:
                self.check(values.get(name) or "", f"@{name}")
            if tag == "input" and values.get("type") in ("submit", "button", "reset"):
                self.check(values.get("value") or "", "@value")
        if tag not in VOID:
            self.stack.append(outside)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.foreign():
            self.check(data, "")

    def check(self, text: str, where: str) -> None:
        words = [w for w in LATIN_WORD.findall(IDENTIFIER.sub(" ", text)) if w not in NAMES]
        if words:
            self.found.append(f"{where}{' '.join(text.split())[:100]!r}")


def english_on(client: Client, url: str, **extra: object) -> list[str]:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="mn", **extra)  # type: ignore[arg-type]
    assert response.status_code in (200, 403, 404), (url, response.status_code)
    assert response["Content-Language"] == "mn", url
    finder = EnglishFinder()
    finder.feed(response.content.decode())
    return [f"{url}: {text}" for text in finder.found]


def mongolian(user: object = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="mn")
    client.cookies["django_language"] = "mn"
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.fixture
def people(demo_db) -> Personas:  # type: ignore[no-untyped-def]
    return personas()


def public_pages() -> list[str]:
    # Profiles whose definitions' clauses and recommendations differ: a spread of types.
    profiles = [
        f"/organisations/{pk}/"
        for pk in organisations_public()
        .filter(consent_results_public=True)
        .order_by("entity_type_id", "pk")
        .values_list("pk", flat=True)[::15]
    ]
    return [
        "/", "/glossary/", "/organisations/", "/assess/", "/no-such-page/", *profiles,
        "/case-studies/", *case_study_pages(),
    ]  # fmt: skip


def case_study_pages(*, editing: bool = False) -> list[str]:
    from solidata.web.casestudies.models import CaseStudy

    pages = []
    for pk in CaseStudy.objects.order_by("pk").values_list("pk", flat=True):
        pages.append(f"/case-studies/{pk}/")
        if editing:
            pages += [f"/case-studies/{pk}/{p}/" for p in ("edit", "codes", "consent")]
    return pages


def researcher_pages() -> list[str]:
    base = "/findings/mn-demo"
    return [
        "/findings/", f"{base}/", f"{base}/counts/",
        f"{base}/counts/?rows=admin_area&cols=entity_type",
        f"{base}/scores/", f"{base}/scores/?rows=entity_type", f"{base}/choices/",
        f"{base}/definitions/", f"{base}/workbench/", f"{base}/frame/", "/review/", "/imports/",
        f"{base}/workbench/check/?rule=score('NOPE') >= 50 and",
        f"{base}/awareness/", "/case-studies/compare/mn-demo/", "/case-studies/new/",
        *case_study_pages(editing=True),
    ]  # fmt: skip


def test_public_pages_in_mongolian_have_no_english(people: Personas) -> None:
    client = mongolian()
    found = [text for url in public_pages() for text in english_on(client, url)]
    assert not found, "\n".join(found)


def test_researchers_pages_in_mongolian_have_no_english(people: Personas) -> None:
    client = mongolian(people.researcher)
    found = [text for url in researcher_pages() for text in english_on(client, url)]
    submission = Submission.objects.filter(survey__slug="mn-demo").order_by("pk").first()
    assert submission is not None
    found += english_on(client, f"/review/{submission.pk}/")
    assert not found, "\n".join(found)


def test_the_self_assessment_in_mongolian_has_no_english(people: Personas) -> None:
    from solidata.web.assessments.models import Draft
    from solidata.web.assessments.services import OPEN_DEMO_SURVEY
    from solidata.web.surveys.models import Survey
    from solidata.web.surveys.selectors import method_of

    client = mongolian(people.entity)
    found = english_on(client, "/assess/")
    survey = Survey.objects.get(slug=OPEN_DEMO_SURVEY)
    response = client.post("/assess/", {"survey": survey.pk, "organisation": people.own.pk})
    assert response.status_code in (302, 303), response.content.decode()[:2000]
    draft = Draft.objects.latest("pk")
    token = draft.token
    method = method_of(draft.survey.method)
    found += english_on(client, f"/assess/{token}/step/1/")
    fill_all_steps(client, method, token)
    found += english_on(client, f"/assess/{token}/check/")
    client.post(f"/assess/{token}/check/", {"idempotency_key": token})
    found += english_on(client, f"/assess/{token}/result/")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("lang", "date", "short"),
    [("mn", "2026 оны 12 сарын 4, 14:05", "2026.12.04 14:05"), ("en", "4 December 2026, 14:05",
     "2026-12-04 14:05")],
)  # fmt: skip
def test_each_language_writes_dates_one_way_with_a_24_hour_clock(
    lang: str, date: str, short: str
) -> None:
    import datetime

    from django.utils import translation
    from django.utils.formats import date_format

    moment = datetime.datetime(2026, 12, 4, 14, 5)
    with translation.override(lang):
        assert date_format(moment, "DATETIME_FORMAT") == date
        assert date_format(moment, "SHORT_DATETIME_FORMAT") == short


def test_import_problems_are_told_in_mongolian(people: Personas, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from solidata.web.assessments.services import OPEN_DEMO_SURVEY
    from solidata.web.surveys.models import Survey

    settings.MEDIA_ROOT = tmp_path
    survey = Survey.objects.get(slug=OPEN_DEMO_SURVEY)
    client = mongolian(people.researcher)
    answers = "instance_id,year_founded,members_women,colour\nuuid:1,nineteen,-4,blue\n"
    damaged = SimpleUploadedFile("export.xlsx", b"PK\x03\x04 not really a zip")
    refused = client.post("/imports/", {"survey": survey.pk, "file": damaged})
    previewed = client.post(
        "/imports/", {"survey": survey.pk, "file": SimpleUploadedFile("a.csv", answers.encode())}
    )
    found = []
    for response in (refused, previewed):
        page = response.content.decode()
        assert 'class="wide problems"' in page, page[:3000]
        finder = EnglishFinder()
        finder.feed(page)
        found += finder.found
    assert not found, "\n".join(found)


def test_the_committee_pages_in_mongolian_have_no_english(
    people: Personas, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The workspace full: a proposal with a comment, a decision with minutes, a glossary term;
    for a member (results with hidden cells), a researcher and an administrator (every form)."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile

    from solidata.web.committee import services
    from solidata.web.committee.models import DefinitionVersion
    from solidata.web.surveys.selectors import reference_method

    settings.MEDIA_ROOT = tmp_path
    draft = DefinitionVersion.objects.get(definition__is_synthetic=True, number=1)
    proposal = services.proposal_create(
        version=draft, author=people.committee, kind="change", clause=draft.clauses.first(),
        rule="score('PUR') >= 40", keeps="PUR", text_en="At least 40.", text_mn="Дор хаяж 40.",
        rationale="Хөдөөгийн хоршоодын оноо бага",
    )  # fmt: skip
    services.comment_add(author=people.researcher, body="Зөвшөөрч байна", proposal=proposal)
    services.comment_add(author=people.committee, body="Сайн байна", version=draft)
    services.decision_record(
        version=draft, recorded_by=people.researcher, outcome="discussed", decided_by="Хурал",
        decided_on=dt.date(2026, 12, 1), minutes="Хэлэлцэв",
        attachment=SimpleUploadedFile("minutes.txt", "Тэмдэглэл".encode()),
    )  # fmt: skip
    services.term_propose(
        country_id="MN", method=reference_method(), term="p1", text_en="Voluntary cooperation",
        text_mn="Сайн дурын хамтын ажиллагаа", working=True, rationale="Товч", by=people.committee,
    )  # fmt: skip
    pages = ["/committee/", f"/committee/versions/{draft.pk}/", "/committee/glossary/"]
    found = []
    for user in (people.committee, people.researcher, people.admin):
        client = mongolian(user)
        found += [text for url in pages for text in english_on(client, url)]
    refused = mongolian(people.researcher).post(
        f"/committee/versions/{draft.pk}/clauses/",
        {"rule": "score('NOPE') >=", "keeps": "P1", "text_en": "x", "text_mn": "ж"},
    )
    assert refused.status_code == 400
    empty = mongolian(people.committee).post(
        f"/committee/versions/{draft.pk}/propose/",
        {"kind": "preamble", "text_mn": "Шинэ удиртгал", "rationale": "Товч"},
    )
    assert empty.status_code == 400 and "Энэ бичвэр хоосон байна." in empty.content.decode()
    for response in (refused, empty):
        finder = EnglishFinder()
        finder.feed(response.content.decode())
        found += finder.found
    services.version_adopt(
        version=draft, by=people.admin, decided_by="Хурал", decided_on=dt.date(2026, 12, 2)
    )
    second = services.version_new_draft(source=draft, by=people.researcher)
    services.clause_delete(clause=second.clauses.get(order=5))
    for user in (people.committee, people.admin):
        client = mongolian(user)
        for url in (f"/committee/versions/{draft.pk}/", f"/committee/versions/{second.pk}/"):
            found += english_on(client, url)
    found += english_on(mongolian(), f"/committee/versions/{draft.pk}/")  # adopted: public
    assert not found, "\n".join(found)
