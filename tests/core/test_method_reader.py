"""Reading a method workbook: the form through pyxform, the scoring sheets as typed rows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from core.workbooks import BASE, base_workbook, markdown_rows
from solidata.core.errors import SolidataError
from solidata.core.method import (
    Method,
    bundled_method_path,
    load_method,
    parse_rule,
    read_method,
)


def test_it_reads_the_method_id_version_and_languages(tmp_path: Path) -> None:
    method = read_method(base_workbook(tmp_path))
    assert (method.id, method.version) == ("demo", "2025.1")
    assert method.languages == ("en", "mn")
    assert method.language_names["mn"] == "Mongolian (mn)"
    assert method.default_language == "en"


def test_it_reads_from_a_path_bytes_or_a_binary_file(tmp_path: Path) -> None:
    path = base_workbook(tmp_path)
    data = path.read_bytes()
    for source in (path, str(path), data, io.BytesIO(data)):
        assert read_method(source).id == "demo"


def test_min_coverage_defaults_to_one_half(tmp_path: Path) -> None:
    settings = """
    | form_id | version |
    |---------|---------|
    | demo    | 1       |
    """
    assert read_method(base_workbook(tmp_path, settings=settings)).min_coverage == 0.5


def test_questions_keep_their_type_list_group_path_and_expressions(tmp_path: Path) -> None:
    survey = """
    | type                  | name    | label      | relevant           | calculation           |
    |-----------------------|---------|------------|--------------------|-----------------------|
    | select_one yn         | members | Vote?      |                    |                       |
    | begin_group           | gov     | Governance | ${members} = 'yes' |                       |
    | integer               | board   | Board      |                    |                       |
    | select_multiple goals | goals   | Goals      | ${board} > 0       |                       |
    | integer               | women   | Women      |                    |                       |
    | end_group             |         |            |                    |                       |
    | calculate             | share   |            |                    | ${women} div ${board} |
    """
    method = read_method(base_workbook(tmp_path, survey=survey))
    goals = method.question("goals")
    assert goals is not None
    assert (goals.type, goals.list_name, goals.group, goals.row) == (
        "select_multiple",
        "goals",
        ("gov",),
        5,
    )
    assert goals.relevant == "${board} > 0"
    group = method.group("gov")
    assert group is not None and group.relevant == "${members} = 'yes'"
    share = method.question("share")
    assert share is not None and share.calculation == "${women} div ${board}"
    assert method.answer_columns() == ["members", "board", "goals", "women"]


def test_choice_scores_are_numbers_and_a_blank_score_is_none(tmp_path: Path) -> None:
    method = read_method(base_workbook(tmp_path))
    scores = {c.name: c.score for c in method.choices["yn"]}
    assert scores == {"yes": 1.0, "no": 0.0, "dk": None}


def test_scoring_rows_keep_their_rule_value_and_weight(tmp_path: Path) -> None:
    method = read_method(base_workbook(tmp_path))
    women = method.scoring[1]
    assert (women.indicator, women.question, women.value) == (
        "women",
        None,
        "${women} div ${board}",
    )
    assert (women.rule.kind, women.rule.params, women.weight, women.row) == (
        "linear",
        (0, 0.5),
        1,
        3,
    )


RULES = """
| rule                | kind     | params         |
|---------------------|----------|----------------|
| choice              | choice   |                |
| linear 0 100        | linear   | 0 100          |
| linear 10 3         | linear   | 10 3           |
| at_least 0.5        | at_least | 0.5            |
| AT_MOST 4           | at_most  | 4              |
| bands 2 5 10        | bands    | 2 5 10         |
"""


@pytest.mark.parametrize("row", markdown_rows(RULES)[1:])
def test_rules_are_parsed(row: list[str]) -> None:
    text, kind, params = row
    rule = parse_rule(text)
    assert rule.kind == kind
    assert rule.params == tuple(float(p) for p in params.split())


@pytest.mark.parametrize(
    "text", ["linear 1", "linear 5 5", "bands", "at_least x", "between 1 2", ""]
)
def test_a_rule_that_is_not_one_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rule(text)


def test_definitions_keep_their_top_level_and_clauses(tmp_path: Path) -> None:
    method = read_method(base_workbook(tmp_path))
    assert method.definitions[0].clauses == ("score('P2') >= 50", "score('V1') >= 50")


def test_levels_are_sorted_by_their_min(tmp_path: Path) -> None:
    levels = """
    | min | id   | label::English (en) | label::Mongolian (mn) |
    |-----|------|---------------------|-----------------------|
    | 50  | high | High                | Өндөр                 |
    | 0   | low  | Low                 | Бага                  |
    """
    method = read_method(base_workbook(tmp_path, levels=levels))
    assert [lv.id for lv in method.levels] == ["low", "high"]
    assert method.level_for(49.9) is method.levels[0] and method.level_for(None) is None


def test_texts_fall_back_to_the_default_language_then_english() -> None:
    method = Method(id="m", version="1", default_language="mn")
    assert method.text({"en": "Care", "mn": "Халамж"}, "mn") == "Халамж"
    assert method.text({"en": "Care", "mn": "Халамж"}, "fr") == "Халамж"
    assert method.text({"en": "Care"}, "mn") == "Care"
    assert method.text({}, "mn") == ""


def test_a_missing_file_is_reported_not_raised() -> None:
    result = load_method("/no/such/method.xlsx")
    assert result.method is None
    assert [p.code for p in result.problems] == ["file.not_found"]


def test_a_file_that_is_not_a_workbook_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(SolidataError) as caught:
        read_method(b"hello")
    assert caught.value.codes == ["ingest.zip_broken"]


@pytest.mark.skipif(bundled_method_path() is None, reason="the bundled method is not built")
def test_the_bundled_method_loads_without_errors() -> None:
    path = bundled_method_path()
    assert path is not None
    result = load_method(path)
    assert result.errors == []
    assert result.method is not None and result.method.dimensions


def test_the_base_test_method_has_no_problem_at_all(tmp_path: Path) -> None:
    assert load_method(base_workbook(tmp_path)).problems == ()
    assert set(BASE) >= {"survey", "choices", "settings", "dimensions", "indicators", "scoring"}


def test_a_workbook_read_again_is_not_parsed_again_and_a_changed_one_is(tmp_path: Path) -> None:
    path = base_workbook(tmp_path)
    first = read_method(path)
    assert read_method(path) is first  # the same content and file name: kept
    assert read_method(path.read_bytes()) is not first  # no file name: its messages differ
    copy = tmp_path / "copy" / path.name
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    assert read_method(copy) is first  # the content is what counts, not the folder
    changed = base_workbook(tmp_path, settings=BASE["settings"].replace("2025.1", "2025.2"))
    assert read_method(changed) is not first
