"""Headers are matched to questions whatever the tool called them: names, labels, group paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from solidata.core.ingest.columns import HeaderIndex, plan_columns, split_indexes
from solidata.core.ingest.kobo import KOBO_IGNORED, KOBO_META
from solidata.core.method import Method, read_method

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.fixture(scope="module")
def method() -> Method:
    return read_method(DATA / "coop" / "method.xlsx")


def plan(method: Method, headers: list[str]):  # type: ignore[no-untyped-def]
    index = HeaderIndex(method, [q for q in method.questions if not q.in_repeat])
    return plan_columns(index, headers, KOBO_META, ignored=KOBO_IGNORED)


@pytest.mark.parametrize(
    "header",
    [
        "org_name",
        "profile/org_name",
        "profile.org_name",
        "profile-org_name",
        "Organisation name",
        "Profile/Organisation name",
        "Profile.Organisation name",
        "Байгууллагын нэр",
        "Танилцуулга/Байгууллагын нэр",
        "  organisation   NAME ",
    ],
)
def test_a_question_is_found_by_name_or_label_in_any_language_with_or_without_groups(
    method: Method, header: str
) -> None:
    assert plan(method, [header]).answers == {"org_name": 0}


def test_select_multiple_option_columns_are_found_by_choice_name_or_label(method: Method) -> None:
    got = plan(
        method,
        ["goals/community", "goals.planet", "Goals/Fair profit", "Зорилго/Цэвэр байгаль"],
    )
    assert got.options == {"goals": {"community": 0, "planet": 1, "profit": 2}}
    assert got.answers == {}


def test_geopoint_parts_are_found_as_kobo_and_odk_write_them(method: Method) -> None:
    kobo = plan(method, ["_location_latitude", "_location_longitude", "_location_precision"])
    assert kobo.geo == {"location": {"latitude": 0, "longitude": 1, "precision": 2}}
    odk = plan(method, ["profile-location-Latitude", "profile-location-Accuracy"])
    assert odk.geo == {"location": {"latitude": 0, "precision": 1}}


def test_metadata_columns_are_known_and_other_columns_are_reported(method: Method) -> None:
    got = plan(method, ["_uuid", "_submission_time", "_id", "_tags", "colour", "__version__"])
    assert got.meta == {"uuid": 0, "submitted_at": 1}
    assert [c.header for c in got.unknown] == ["colour"]


def test_a_label_shared_by_two_questions_goes_to_each_in_form_order() -> None:
    from solidata.core.method.model import Question

    twins = (
        Question("a", "text", labels={"en": "Which other?"}),
        Question("b", "text", labels={"en": "Which other?"}),
    )
    m = Method(id="m", version="1", questions=twins)
    got = plan_columns(HeaderIndex(m, m.questions), ["Which other?", "Which other?"], {})
    assert got.answers == {"a": 0, "b": 1}


def test_a_flattened_repeat_header_names_its_repeats_and_rows() -> None:
    assert split_indexes("kids/kids_details[2]/kids_name") == (
        "kids/kids_details/kids_name",
        (("kids_details", 2),),
    )
    assert split_indexes("a[1]/b[3]/c") == ("a/b/c", (("a", 1), ("b", 3)))


def test_an_index_is_built_once_per_method_and_table_and_matches_a_fresh_one(
    method: Method,
) -> None:
    import dataclasses
    import gc
    import weakref

    main = [q for q in method.questions if not q.in_repeat]
    kept = HeaderIndex.of(method, main)
    assert HeaderIndex.of(method, iter(main)) is kept
    assert HeaderIndex.of(method, method.questions) is not kept  # another table
    fresh = HeaderIndex(method, main)
    for header in ("org_name", "Profile.Organisation name", "Байгууллагын нэр", "nothing"):
        assert kept.match(header) == fresh.match(header)
    # Another method object (even an equal one) gets its own; a method gone takes its indexes.
    other = dataclasses.replace(method)
    assert other == method
    assert HeaderIndex.of(other, main) is not kept
    gone = weakref.ref(other)
    del other
    gc.collect()
    assert gone() is None
