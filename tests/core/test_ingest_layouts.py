"""Every export layout of the same answers imports to the same submissions and the same scores.

The bundled method's SYNTHETIC answers are written in every layout by the fixture generator into a
temporary folder once per test process (the ``synthetic`` fixture of tests/conftest.py, so they
follow the bundled method as it changes); the small ``coop`` method's fixtures, with repeats, are
stored in tests/data/ingest/coop/ with the submissions they hold.
"""

from __future__ import annotations

import functools
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import export_writers as ex
from solidata.core.errors import SolidataError
from solidata.core.ingest import LAYOUTS, ImportResult, read_answers
from solidata.core.method import Method, read_method
from solidata.core.scoring import score

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
# Windows-1251 cannot hold the Mongolian letters Ө and Ү of the synthetic answers.
BUNDLED_VARIANTS = [v for v in ex.VARIANTS if v.encoding != "cp1251"]


@pytest.fixture(scope="module")
def read_layout(
    synthetic: tuple[Method, ImportResult, Path],
) -> Callable[[str], ImportResult]:
    """Each layout's file read once in this module: two tests ask for each."""
    method, _, folder = synthetic
    return functools.cache(lambda name: read_answers(folder / name, method))


def summary(result: ImportResult, *, review: bool = True, times: bool = True) -> list[Any]:
    return [
        (
            s.instance_id,
            s.stored_answers(),
            s.review_status if review else None,
            s.submitted_at if times else None,
        )
        for s in result.submissions()
    ]


@pytest.mark.parametrize("variant", BUNDLED_VARIANTS, ids=lambda v: v.name)
def test_every_layout_of_the_synthetic_answers_imports_to_the_same_submissions(
    synthetic: tuple[Method, ImportResult, Path],
    read_layout: Callable[[str], ImportResult],
    variant: ex.Variant,
) -> None:
    _, subs, _ = synthetic
    got = read_layout(variant.name)
    assert got.format == variant.layout
    assert got.problems == []
    assert len(got) == len(subs) == 40
    keep = variant.carries_review
    assert summary(got, review=keep) == summary(subs, review=keep)


@pytest.mark.parametrize("variant", BUNDLED_VARIANTS, ids=lambda v: v.name)
def test_every_layout_of_the_synthetic_answers_gives_the_same_scores(
    synthetic: tuple[Method, ImportResult, Path],
    read_layout: Callable[[str], ImportResult],
    variant: ex.Variant,
) -> None:
    method, subs, _ = synthetic
    got = score(method, read_layout(variant.name).frame())
    expected = score(method, subs.frame())
    pd.testing.assert_frame_equal(got.to_frame("mn"), expected.to_frame("mn"))
    assert got.to_records("en") == expected.to_records("en")


COOP_FILES = sorted(
    p.name for p in (DATA / "coop").iterdir() if p.name not in ("method.xlsx", "expected.json")
)


@pytest.fixture(scope="module")
def coop() -> tuple[Method, list[dict[str, Any]]]:
    method = read_method(DATA / "coop" / "method.xlsx")
    expected = json.loads((DATA / "coop" / "expected.json").read_text("utf-8"))
    return method, expected


def test_the_coop_fixtures_cover_every_layout_and_variant() -> None:
    assert sorted(v.name for v in ex.VARIANTS) == COOP_FILES
    assert {v.layout for v in ex.VARIANTS} == set(LAYOUTS)


@pytest.mark.parametrize("name", COOP_FILES)
def test_each_coop_layout_imports_to_the_expected_submissions(
    coop: tuple[Method, list[dict[str, Any]]], name: str
) -> None:
    method, expected = coop
    variant = next(v for v in ex.VARIANTS if v.name == name)
    got = read_answers(DATA / "coop" / name, method)
    assert got.format == variant.layout
    assert got.problems == []
    repeats = variant.layout in ("kobo-xlsx", "kobocat-csv", "odk-zip")
    for s, e in zip(got.submissions(), expected, strict=True):
        assert s.instance_id == e["instance_id"]
        answers = dict(e["answers"])
        if not repeats:  # CSV layouts other than the legacy one carry no repeat rows
            answers.pop("products", None)
        assert s.stored_answers() == answers
        assert s.submitted_at is not None
        assert s.submitted_at.isoformat() == e["submitted_at"]
        if variant.carries_review:
            assert s.review_status == e["review_status"]


def test_repeat_rows_keep_their_order_and_their_group_inside_the_repeat(
    coop: tuple[Method, list[dict[str, Any]]],
) -> None:
    method, _ = coop
    got = read_answers(DATA / "coop" / "kobo-labels-mn-groups.xlsx", method)
    fourth = list(got.submissions())[3]
    assert fourth.repeats["products"] == [
        {"product": "Айраг", "price": "3", "exported": "no"},
        {"product": "Тараг", "price": "1.25"},
        {"product": "Milk, fresh", "price": "0.8", "exported": "no"},
    ]


TUTORIAL = read_method(DATA / "tutorial-method.xlsx")
HANDMADE = DATA / "handmade"
BOB, DORJ, ALICE = (f"uuid:0c5d5d8a-2b6e-4a43-8f36-1a2b3c4d5e0{i}" for i in (1, 2, 3))


def test_the_legacy_kobocat_csv_gives_flattened_repeats_and_n_a_as_missing() -> None:
    got = read_answers(HANDMADE / "kobocat-tutorial-w-repeats.csv", TUTORIAL)
    assert got.format == "kobocat-csv" and got.problems == []
    bob, dorj, alice = got.submissions()
    assert bob.answers["web_browsers"] == "firefox chrome safari"
    assert bob.answers["gps"] == "-1.2625621 36.7921711 0.0 20.0"
    assert "kids_details" not in bob.repeats
    assert dorj.repeats["kids_details"] == [
        {"kids_name": "Сарнай", "kids_age": "6"},
        {"kids_name": "Тэмүүлэн", "kids_age": "2"},
    ]
    assert "age" not in alice.answers and "gps" not in alice.answers  # n/a is missing
    assert alice.repeats["kids_details"] == [{"kids_name": "Tom", "kids_age": "3"}]


def test_the_odk_central_zip_links_repeat_rows_to_their_parent_by_key(tmp_path: Path) -> None:
    archive = tmp_path / "submissions.csv.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for p in (HANDMADE / "odk-central").iterdir():
            z.write(p, p.name)
    got = read_answers(archive, TUTORIAL)
    assert got.format == "odk-zip" and got.problems == []
    by_id = {s.instance_id: s for s in got.submissions()}
    assert [k["kids_name"] for k in by_id[DORJ].repeats["kids_details"]] == ["Сарнай", "Тэмүүлэн"]
    assert by_id[ALICE].repeats["kids_details"] == [{"kids_name": "Tom", "kids_age": "3"}]
    assert by_id[BOB].answers["gps"] == "-1.2625621 36.7921711 0 20"  # rebuilt from its parts
    assert [by_id[i].review_status for i in (BOB, DORJ, ALICE)] == ["approved", "on_hold", None]
    assert str(by_id[DORJ].submitted_at) == "2023-06-01 09:40:55.013000+00:00"


def test_the_odk_root_csv_alone_gives_the_submissions_without_repeats() -> None:
    got = read_answers(HANDMADE / "odk-central" / "tutorial.csv", TUTORIAL)
    assert got.format == "odk-csv" and got.repeats == {}
    assert [s.instance_id for s in got.submissions()] == [BOB, DORJ, ALICE]


def test_a_repeat_row_whose_parent_is_not_in_the_file_is_left_out_and_named(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "submissions.csv.zip"
    rows = (HANDMADE / "odk-central" / "tutorial-kids_details.csv").read_text("utf-8")
    with zipfile.ZipFile(archive, "w") as z:
        z.write(HANDMADE / "odk-central" / "tutorial.csv", "tutorial.csv")
        z.writestr("tutorial-kids_details.csv", rows + "Orphan,4,uuid:gone,uuid:gone/k[1]\n")
    got = read_answers(archive, TUTORIAL)
    orphans = [p for p in got.problems if p.code == "ingest.repeat_orphan"]
    assert [(p.row, p.column, p.sheet) for p in orphans] == [
        (5, "PARENT_KEY", "submissions.csv.zip/tutorial-kids_details.csv")
    ]
    assert sum(len(s.repeats.get("kids_details", [])) for s in got.submissions()) == 3


def test_a_forced_layout_that_does_not_fit_the_file_is_refused() -> None:
    with pytest.raises(SolidataError) as refused:
        read_answers(HANDMADE / "odk-central" / "tutorial.csv", TUTORIAL, "odk-zip")
    assert refused.value.codes == ["ingest.format_mismatch"]
    with pytest.raises(SolidataError) as unknown:
        read_answers(HANDMADE / "odk-central" / "tutorial.csv", TUTORIAL, "spss")
    assert unknown.value.codes == ["ingest.format_unknown"]


def test_a_forced_text_layout_is_used_as_given(coop: tuple[Method, list[dict[str, Any]]]) -> None:
    method, _ = coop
    got = read_answers(DATA / "coop" / "kobo-names.csv", method, "kobo-csv")
    assert got.format == "kobo-csv" and len(got) == 6


def test_reading_in_small_chunks_gives_the_same_submissions(
    synthetic: tuple[Method, ImportResult, Path],
) -> None:
    method, _, folder = synthetic
    whole = read_answers(folder / "kobo-names.xlsx", method)
    chunked = read_answers(folder / "kobo-names.xlsx", method, chunk_rows=7)
    assert len(chunked.batches) == 6 and len(whole.batches) == 1  # 40 rows by 7
    assert summary(chunked) == summary(whole)
