"""Scoring follows the method contract: rules, missing values, aggregation, levels, definitions.

The method in each test is a small workbook written as Markdown tables (see ``core.workbooks``);
answers are Markdown tables too, one row per submission, an empty cell being no answer. Expected
scores are worked out by hand in the table next to the answers.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from core.workbooks import base_workbook, markdown_frame, markdown_rows
from solidata.core.errors import SolidataError
from solidata.core.method import Method, read_method
from solidata.core.scoring import engine, score


def number(cell: str) -> float:
    return math.nan if cell in ("", "-") else float(cell)


def check(frame: pd.DataFrame, table: str) -> None:
    """``table`` has ``instance_id`` and expected values per column (``-`` = missing)."""
    header, *rows = markdown_rows(table)
    for row in rows:
        for column, cell in zip(header[1:], row[1:], strict=True):
            got = frame.loc[row[0], column]
            want = number(cell) if cell == "-" or cell[:1].isdigit() else cell
            if isinstance(want, float):
                assert (math.isnan(want) and pd.isna(got)) or got == want, (row[0], column, got)
            else:
                assert (None if pd.isna(got) else str(got)) == (want or None), (row[0], column)


@cache
def base_method(directory: Path) -> Method:
    return read_method(base_workbook(directory))


ANSWERS = """
| instance_id | members | board | women | goals            |
|-------------|---------|-------|-------|------------------|
| all         | yes     | 4     | 2     | community planet |
| skipped     | no      | 0     | 3     | profit           |
| dont-know   | dk      | 5     | 1     | community        |
| empty       |         |       |       |                  |
| unscored    | yes     | 4     | 1     | community other  |
"""


def test_choice_scores_blank_scores_and_capped_select_multiple_sums(tmp_path: Path) -> None:
    table = score(base_method(tmp_path), markdown_frame(ANSWERS))
    # goals: community 0.6 + planet 0.6 = 1.2, capped at 1; "dk" has a blank score: missing.
    want = """
| instance_id | vote | goals |
|-------------|------|-------|
| all         | 100  | 100   |
| skipped     | 0    | 0     |
| dont-know   | -    | 60    |
| empty       | -    | -     |
| unscored    | 100  | 60    |
"""
    check(table.indicators, want)
    assert [p.code for p in table.problems] == ["scoring.unknown_choice"]


def test_an_answer_to_a_question_that_is_not_relevant_counts_as_missing(tmp_path: Path) -> None:
    # women is asked only when board > 0; "skipped" has board 0 but a stale women = 3 in the file.
    table = score(base_method(tmp_path), markdown_frame(ANSWERS))
    want = """
| instance_id | women |
|-------------|-------|
| all         | 100   |
| skipped     | -     |
| dont-know   | 40    |
"""
    check(table.indicators, want)


def test_dimension_coverage_and_min_coverage(tmp_path: Path) -> None:
    table = score(base_method(tmp_path), markdown_frame(ANSWERS))
    # P2 = mean(vote, women); half its indicators answered is exactly min_coverage 0.5: kept.
    want = """
| instance_id | P2  | V1 |
|-------------|-----|----|
| all         | 1   | 1  |
| skipped     | 0.5 | 1  |
| dont-know   | 0.5 | 1  |
| empty       | 0   | 0  |
"""
    check(table.coverage, want)
    want = """
| instance_id | P2  | V1  |
|-------------|-----|-----|
| all         | 100 | 100 |
| skipped     | 0   | 0   |
| dont-know   | 40  | 60  |
| empty       | -   | -   |
"""
    check(table.dimensions, want)
    settings = """
    | form_id | version | min_coverage |
    |---------|---------|--------------|
    | demo    | 2       | 0.75         |
    """
    strict = read_method(base_workbook(tmp_path, "strict.xlsx", settings=settings))
    want = """
| instance_id | P2  | V1  |
|-------------|-----|-----|
| all         | 100 | 100 |
| skipped     | -   | 0   |
| dont-know   | -   | 60  |
"""
    check(score(strict, markdown_frame(ANSWERS)).dimensions, want)


NUMERIC = {
    "survey": """
| type    | name | label::English (en) | label::Mongolian (mn) |
|---------|------|---------------------|-----------------------|
| integer | x    | X                   | Х                     |
| integer | y    | Y                   | Ү                     |
""",
    "dimensions": """
| id | kind      | label::English (en) | label::Mongolian (mn) |
|----|-----------|---------------------|-----------------------|
| D  | principle | D                   | D                     |
""",
    "indicators": """
| id    | dimension | label::English (en) | label::Mongolian (mn) |
|-------|-----------|---------------------|-----------------------|
| lin   | D         | lin                 | lin                   |
| rev   | D         | rev                 | rev                   |
| least | D         | least               | least                 |
| most  | D         | most                | most                  |
| bands | D         | bands               | bands                 |
| div   | D         | div                 | div                   |
| mix   | D         | mix                 | mix                   |
""",
    "scoring": """
| indicator | question | rule          | value          | weight |
|-----------|----------|---------------|----------------|--------|
| lin       | x        | linear 0 10   |                |        |
| rev       | x        | linear 10 0   |                |        |
| least     | x        | at_least 5    |                |        |
| most      | x        | at_most 5     |                |        |
| bands     | x        | bands 2 5 10  |                |        |
| div       |          | linear 0 1    | ${x} div ${y}  |        |
| mix       | x        | at_least 5    |                | 1      |
| mix       | y        | at_least 5    |                | 3      |
""",
    "definitions": """
| id   | label::English (en) | label::Mongolian (mn) | rule                                    |
|------|---------------------|-----------------------|-----------------------------------------|
| both | Both                | Хоёулаа               | score('lin') >= 50 and ${y} > 0         |
| one  | One                 | Нэг                   | score('lin') >= 50 or ${y} > 0          |
""",
    "recommendations": """
| target | below | text::English (en) | text::Mongolian (mn) |
|--------|-------|--------------------|----------------------|
| lin    | 50    | Raise x.           | x-ийг өсгө.          |
| most   | 50    | Lower x.           | x-ийг бууруул.       |
""",
}

NUMERIC_ANSWERS = """
| instance_id | x  | y |
|-------------|----|---|
| zero        | 0  | 0 |
| two         | 2  | 1 |
| five        | 5  | 4 |
| seven       | 7  | 8 |
| twelve      | 12 |   |
| none        |    |   |
"""


def numeric_method(directory: Path) -> Method:
    return read_method(base_workbook(directory, "numeric.xlsx", **NUMERIC))


def test_linear_rules_clip_and_a_greater_than_b_means_lower_is_better(tmp_path: Path) -> None:
    table = score(numeric_method(tmp_path), markdown_frame(NUMERIC_ANSWERS))
    want = """
| instance_id | lin | rev | least | most | bands   |
|-------------|-----|-----|-------|------|---------|
| zero        | 0   | 100 | 0     | 100  | 0       |
| two         | 20  | 80  | 0     | 100  | 33.333333333 |
| five        | 50  | 50  | 100   | 100  | 66.666666667 |
| seven       | 70  | 30  | 100   | 0    | 66.666666667 |
| twelve      | 100 | 0   | 100   | 0    | 100     |
| none        | -   | -   | -     | -    | -       |
"""
    check(table.indicators, want)


def test_a_value_divided_by_zero_is_missing_and_weights_count(tmp_path: Path) -> None:
    table = score(numeric_method(tmp_path), markdown_frame(NUMERIC_ANSWERS))
    # div: x / y scored linear 0 1; mix: (1 x [x >= 5] + 3 x [y >= 5]) / 4 over answered rows.
    want = """
| instance_id | div | mix |
|-------------|-----|-----|
| zero        | -   | 0   |
| two         | 100 | 0   |
| five        | 100 | 25  |
| seven       | 87.5 | 100 |
| twelve      | -   | 100 |
| none        | -   | -   |
"""
    check(table.indicators, want)


def test_definitions_are_three_valued_with_the_outcome_of_each_clause(tmp_path: Path) -> None:
    table = score(numeric_method(tmp_path), markdown_frame(NUMERIC_ANSWERS))
    want = """
| instance_id | both          | one           |
|-------------|---------------|---------------|
| zero        | does_not_meet | does_not_meet |
| five        | meets         | meets         |
| twelve      | undetermined  | meets         |
| none        | undetermined  | undetermined  |
| two         | does_not_meet | meets         |
"""
    check(table.definitions, want)
    clauses = table.clauses["both"]
    assert list(clauses.loc["twelve"]) == ["meets", "undetermined"]
    assert list(clauses.loc["two"]) == ["does_not_meet", "meets"]
    record = next(r for r in table.to_records("en") if r["instance_id"] == "twelve")
    assert record["definitions"]["both"] == {
        "result": "undetermined",
        "clauses": [
            {"text": "score('lin') >= 50", "result": "meets"},
            {"text": "${y} > 0", "result": "undetermined"},
        ],
    }


def test_recommendations_apply_below_the_threshold_and_never_on_a_missing_score(
    tmp_path: Path,
) -> None:
    table = score(numeric_method(tmp_path), markdown_frame(NUMERIC_ANSWERS))
    records = {r["instance_id"]: r["recommendations"] for r in table.to_records("mn")}
    assert records["zero"] == [{"target": "lin", "text": "x-ийг өсгө."}]
    assert records["seven"] == [{"target": "most", "text": "x-ийг бууруул."}]
    assert records["none"] == []


def test_every_score_gets_its_level(tmp_path: Path) -> None:
    table = score(numeric_method(tmp_path), markdown_frame(NUMERIC_ANSWERS))
    want = """
| instance_id | lin        | rev         | D           |
|-------------|------------|-------------|-------------|
| zero        | emerging   | leading     | emerging    |
| five        | developing | developing  | established |
| seven       | established| emerging    | established |
| none        | -          | -           | -           |
"""
    check(table.levels, want)


def test_calculates_and_group_relevance_feed_scoring(tmp_path: Path) -> None:
    survey = """
    | type                  | name    | label      | relevant           | calculation           |
    |-----------------------|---------|------------|--------------------|-----------------------|
    | select_one yn         | members | Vote?      |                    |                       |
    | begin_group           | gov     | Board      | ${members} = 'yes' |                       |
    | integer               | board   | Board size |                    |                       |
    | integer               | women   | Women      |                    |                       |
    | end_group             |         |            |                    |                       |
    | calculate             | share   |            |                    | ${women} div ${board} |
    | select_multiple goals | goals   | Goals      |                    |                       |
    """
    scoring = """
    | indicator | question | rule         |
    |-----------|----------|--------------|
    | vote      | members  | choice       |
    | women     | share    | linear 0 0.5 |
    | goals     | goals    | choice       |
    """
    method = read_method(base_workbook(tmp_path, "groups.xlsx", survey=survey, scoring=scoring))
    answers = markdown_frame("""
    | instance_id | members | board | women | goals  |
    |-------------|---------|-------|-------|--------|
    | in          | yes     | 4     | 1     | profit |
    | out         | no      | 4     | 2     | profit |
    """)
    want = """
| instance_id | women |
|-------------|-------|
| in          | 50    |
| out         | -     |
"""
    check(score(method, answers).indicators, want)


def test_records_have_exactly_the_documented_shape(tmp_path: Path) -> None:
    table = score(base_method(tmp_path), markdown_frame(ANSWERS))
    record = table.to_records("en")[3]
    assert record == {
        "instance_id": "empty",
        "method": {"id": "demo", "version": "2025.1"},
        "dimensions": {
            "P2": {"score": None, "level": None, "coverage": 0.0},
            "V1": {"score": None, "level": None, "coverage": 0.0},
        },
        "indicators": {
            "vote": {"score": None, "level": None},
            "women": {"score": None, "level": None},
            "goals": {"score": None, "level": None},
        },
        "definitions": {
            "strict": {
                "result": "undetermined",
                "clauses": [
                    {"text": "score('P2') >= 50", "result": "undetermined"},
                    {"text": "score('V1') >= 50", "result": "undetermined"},
                ],
            }
        },
        "recommendations": [],
    }
    assert (table.method_id, table.method_version) == ("demo", "2025.1")


def test_the_flat_frame_has_one_row_per_submission_and_named_columns(tmp_path: Path) -> None:
    frame = score(base_method(tmp_path), markdown_frame(ANSWERS)).to_frame("en")
    assert list(frame.columns[:6]) == [
        "instance_id",
        "method_id",
        "method_version",
        "P2.score",
        "P2.level",
        "P2.coverage",
    ]
    assert {"vote.score", "strict.result", "strict.clause1", "recommendations"} <= set(frame)
    assert frame.loc[1, "recommendations"] == "P2"
    assert frame.loc[1, "recommendations.text"] == "Hold member votes."


def test_answers_given_as_numbers_or_categories_score_the_same(tmp_path: Path) -> None:
    answers = markdown_frame(ANSWERS)
    typed = answers.copy()
    typed["board"] = pd.to_numeric(typed["board"])
    typed["members"] = typed["members"].astype("category")
    method = base_method(tmp_path)
    pd.testing.assert_frame_equal(
        score(method, answers).indicators, score(method, typed).indicators
    )


def test_scoring_in_chunks_on_threads_gives_the_same_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    method = numeric_method(tmp_path)
    answers = markdown_frame(NUMERIC_ANSWERS)
    whole = score(method, answers, threads=1)
    monkeypatch.setattr(engine, "CHUNK_ROWS", 2)
    for threads in (1, 3):
        parts = score(method, answers, threads=threads)
        for name in ("indicators", "dimensions", "coverage", "levels", "definitions", "clauses"):
            pd.testing.assert_frame_equal(getattr(whole, name), getattr(parts, name))


def test_no_answers_give_an_empty_table(tmp_path: Path) -> None:
    answers = markdown_frame(ANSWERS).iloc[:0]
    table = score(base_method(tmp_path), answers)
    assert len(table) == 0 and table.to_records() == [] and len(table.to_frame()) == 0
    assert list(table.dimensions.columns) == ["P2", "V1"]


def test_answers_without_instance_id_are_refused(tmp_path: Path) -> None:
    answers = markdown_frame(ANSWERS).drop(columns="instance_id")
    with pytest.raises(SolidataError) as caught:
        score(base_method(tmp_path), answers)
    assert caught.value.codes == ["scoring.instance_id_missing"]


def test_missing_columns_and_numbers_that_are_not_numbers_are_warnings(tmp_path: Path) -> None:
    answers = markdown_frame("""
    | instance_id | members | board | goals  |
    |-------------|---------|-------|--------|
    | a           | yes     | five  | profit |
    | b           | no      | 4     | profit |
    | c           | no      | lots  | profit |
    """)
    table = score(base_method(tmp_path), answers)
    found = {(p.code, p.column, p.params.get("count")) for p in table.problems}
    assert found == {
        ("scoring.not_a_number", "board", 2),
        ("scoring.column_missing", "women", None),
    }
    assert all(p.severity == "warning" for p in table.problems)
