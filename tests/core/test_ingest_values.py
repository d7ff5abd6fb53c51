"""Cells become answers as an XForm holds them; bad values are named by row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import export_writers as ex
from solidata.core.errors import SolidataError
from solidata.core.ingest import read_answers
from solidata.core.ingest.values import EXPECTED, ChoiceLookup, excel_date, export_cell_text
from solidata.core.method import Method, read_method

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
IDS = [f"uuid:0b1e6c3a-1f4e-4c1d-9a6e-2d3c4b5a6f0{i}" for i in range(1, 10)]


@pytest.fixture(scope="module")
def method() -> Method:
    return read_method(DATA / "coop" / "method.xlsx")


def write(tmp_path: Path, text: str, name: str = "answers.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_labels_in_any_language_become_choice_names(method: Method) -> None:
    goals = ChoiceLookup(method.choices["goals"])
    yn = ChoiceLookup(method.choices["yn"])
    assert (yn.one("Yes"), yn.one("тийм"), yn.one("no"), yn.one("maybe")) == (
        "yes",
        "yes",
        "no",
        None,
    )
    assert goals.many("Clean planet Local community") == ["planet", "community"]
    assert goals.many("Цэвэр байгаль Шударга ашиг") == ["planet", "profit"]
    assert goals.many("Clean Local") is None


def test_select_multiple_answers_are_stored_in_choice_order_without_repeats(
    method: Method, tmp_path: Path
) -> None:
    path = write(tmp_path, f"instance_id,goals\n{IDS[0]},profit community profit\n")
    (s,) = read_answers(path, method).submissions()
    assert s.answers["goals"] == "community profit"


def test_excel_cells_become_the_text_an_export_means() -> None:
    assert (
        export_cell_text(5.0),
        export_cell_text(2.5),
        export_cell_text(True),
        export_cell_text(""),
    ) == (
        "5",
        "2.5",
        "1",
        None,
    )
    moment = excel_date(45000.5)
    assert moment is not None and moment.isoformat() == "2023-03-15T12:00:00"
    assert EXPECTED["date"].convert("45000") == ("2023-03-15", True)
    assert EXPECTED["integer"].convert("12.0") == ("12", True)
    assert EXPECTED["integer"].convert("12.5") == ("12.5", False)
    assert EXPECTED["geopoint"].convert("47.9 106.9") == ("47.9 106.9", True)
    assert EXPECTED["geopoint"].convert("147.9 106.9")[1] is False


def test_a_value_of_the_wrong_type_is_kept_and_named_by_row_and_column(
    method: Method, tmp_path: Path
) -> None:
    text = (
        "instance_id,members,founded,location\n"
        f"{IDS[0]},12,2020-01-31,47.9 106.9\n"
        f"{IDS[1]},twelve,2020-02-30,north\n"
    )
    got = read_answers(write(tmp_path, text), method)
    problems = sorted((p.code, p.row, p.column, p.params["value"]) for p in got.errors)
    assert problems == [
        ("ingest.value_invalid", 3, "founded", "2020-02-30"),
        ("ingest.value_invalid", 3, "location", "north"),
        ("ingest.value_invalid", 3, "members", "twelve"),
    ]
    assert list(got.submissions())[1].answers["members"] == "twelve"


def test_a_broken_constraint_is_a_row_problem_even_when_it_refers_to_another_answer(
    method: Method, tmp_path: Path
) -> None:
    text = (
        "instance_id,members,women\n"
        f"{IDS[0]},12,5\n"
        f"{IDS[1]},2000,3\n"
        f"{IDS[2]},10,11\n"
        f"{IDS[3]},,11\n"  # cannot be decided without members: not a violation
    )
    got = read_answers(write(tmp_path, text), method)
    assert sorted((p.code, p.row, p.column) for p in got.errors) == [
        ("ingest.constraint_failed", 3, "members"),
        ("ingest.constraint_failed", 4, "women"),
    ]


def test_unknown_choices_are_one_warning_per_column_with_a_count(
    method: Method, tmp_path: Path
) -> None:
    text = f"instance_id,vote\n{IDS[0]},maybe\n{IDS[1]},perhaps\n{IDS[2]},maybe\n{IDS[3]},yes\n"
    got = read_answers(write(tmp_path, text), method)
    (warning,) = got.warnings
    assert warning.code == "ingest.value_unknown" and warning.params["count"] == 3
    assert warning.column == "vote"


def test_rows_without_an_instance_id_or_with_a_repeated_one_are_left_out_and_named(
    method: Method, tmp_path: Path
) -> None:
    text = f"instance_id,members\n{IDS[0]},1\n,2\n{IDS[0]},3\n{IDS[1]},4\n"
    got = read_answers(write(tmp_path, text), method)
    assert got.rejected == 2 and len(got) == 2
    assert sorted((p.code, p.row) for p in got.errors) == [
        ("ingest.instance_id_duplicate", 4),
        ("ingest.instance_id_empty", 3),
    ]


def test_a_bare_uuid_gets_the_uuid_prefix_of_the_xform_instance(
    method: Method, tmp_path: Path
) -> None:
    bare = IDS[0].removeprefix("uuid:")
    got = read_answers(write(tmp_path, f"instance_id,members\n{bare},1\nlocal-7,2\n"), method)
    assert [s.instance_id for s in got.submissions()] == [IDS[0], "local-7"]


def test_unknown_columns_are_warnings_and_a_file_without_questions_is_refused(
    method: Method, tmp_path: Path
) -> None:
    got = read_answers(write(tmp_path, f"instance_id,members,colour\n{IDS[0]},1,red\n"), method)
    assert [(p.code, p.column) for p in got.warnings] == [("ingest.column_unknown", "colour")]
    with pytest.raises(SolidataError) as refused:
        read_answers(write(tmp_path, f"instance_id,colour\n{IDS[0]},red\n", "b.csv"), method)
    assert refused.value.codes == ["ingest.no_questions"]


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "" and t == t.strip() and t != "n/a")  # n/a: legacy "missing"


def survives_every_text_layout(method: Method, folder: Path, name: str) -> None:
    import pandas as pd

    answers = pd.DataFrame({"instance_id": [IDS[0]], "org_name": [name], "members": ["3"]})
    subs = ex.submissions_from_answers(method, answers)
    for variant in ex.VARIANTS:
        if variant.layout.endswith("xlsx") or variant.encoding == "cp1251":
            continue
        path = ex.write_variant(variant, subs, method, folder, form_id="coop")
        (got,) = read_answers(path, method).submissions()
        assert got.answers["org_name"] == name, variant.name


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=texts)
def test_any_text_answer_survives_every_text_layout(
    method: Method, tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    """Five texts through every text layout (ten files each); the slow run tries 25."""
    survives_every_text_layout(method, tmp_path_factory.mktemp("text"), name)


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=texts)
def test_any_of_many_more_text_answers_survives_every_text_layout(
    method: Method, tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    survives_every_text_layout(method, tmp_path_factory.mktemp("text"), name)
