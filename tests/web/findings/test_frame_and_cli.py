"""Sampling frames (imported from CSV, used for weights) and `solidata definitions compare`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from solidata.cli import main
from solidata.web.findings.models import FrameCount, SamplingFrame

pytestmark = pytest.mark.django_db


def test_a_researcher_imports_a_frame_and_the_findings_use_it(researcher: Client, people) -> None:
    text = b"admin_area,population\n" + b"".join(
        f"{code},{n}\n".encode() for code, n in [("MN-1", 900), ("MN-047", 300)]
    )
    response = researcher.post(
        "/findings/mn-demo/frame/",
        {"kind": "poststrata", "file": SimpleUploadedFile("frame.csv", text), "source": "test"},
    )
    assert response.status_code == 302
    assert FrameCount.objects.filter(frame__survey__slug="mn-demo").count() == 2
    # Only two aimags have totals: the frame does not cover the sample, so it is not used.
    html = researcher.get("/findings/mn-demo/").content.decode()
    assert "The sampling frame cannot be used, so the findings are unweighted" in html


def test_a_frame_with_unknown_codes_is_refused(researcher: Client, people) -> None:
    response = researcher.post(
        "/findings/mn-demo/frame/",
        {
            "kind": "design",
            "file": SimpleUploadedFile("f.csv", b"entity_type,population\nnope,3\n"),
        },
        follow=True,
    )
    assert "there is no such code in the registry" in response.content.decode()
    assert SamplingFrame.objects.get().is_synthetic  # the demo's frame is still there


def test_committee_members_see_the_frame_but_cannot_replace_it(committee: Client, people) -> None:
    assert committee.get("/findings/mn-demo/frame/").status_code == 200
    response = committee.post(
        "/findings/mn-demo/frame/",
        {"kind": "design", "file": SimpleUploadedFile("f.csv", b"entity_type,population\n")},
    )
    assert response.status_code == 403


def test_the_cli_compares_two_definitions_from_the_database(people, monkeypatch) -> None:
    from solidata.web import runtime

    monkeypatch.setattr(runtime, "configure", lambda data_dir: None)
    result = CliRunner().invoke(
        main,
        [
            "definitions",
            "compare",
            "--survey",
            "mn-demo",
            "ilo-2022-core",
            "score('PUR') >= 40 and score('P2') >= 40",
            "--format",
            "json",
        ],  # fmt: skip
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["a"]["definition"] == "ilo-2022-core"
    assert sum(found["b"]["total"].values()) == 156
    assert set(found["moves"]) == {"meets", "does_not_meet", "undetermined"}
    text = CliRunner().invoke(main, ["definitions", "compare", "--survey", "mn-demo",
                                     "ilo-2022-core", "ilo-2022-broad"])  # fmt: skip
    assert text.exit_code == 0 and "move in" in text.output


def test_the_cli_says_which_survey_or_definition_is_unknown(people, monkeypatch) -> None:
    from solidata.web import runtime

    monkeypatch.setattr(runtime, "configure", lambda data_dir: None)
    missing = CliRunner().invoke(main, ["definitions", "compare", "--survey", "nope", "a", "b"])
    assert missing.exit_code == 1 and "nope" in missing.output
    unknown = CliRunner().invoke(
        main, ["definitions", "compare", "--survey", "mn-demo", "ilo-2099", "ilo-2022-core"]
    )
    assert unknown.exit_code == 1 and "ilo-2099" in unknown.output
