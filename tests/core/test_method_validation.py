"""Validation finds every problem of a method workbook in one pass, each with sheet, row, column."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.workbooks import BROKEN, base_workbook, markdown_rows
from solidata.core.errors import SolidataError
from solidata.core.method import load_method, read_method


def located(path: Path) -> set[tuple[str | None, int | None, str | None, str]]:
    return {(p.sheet, p.row, p.column, p.code) for p in load_method(path).problems}


def expected(table: str) -> set[tuple[str | None, int | None, str | None, str]]:
    return {
        (sheet, int(row) if row else None, column or None, code)
        for sheet, row, column, code in markdown_rows(table)[1:]
    }


def test_a_workbook_with_many_errors_reports_all_of_them_with_sheet_row_and_column(
    tmp_path: Path,
) -> None:
    found = located(base_workbook(tmp_path, **BROKEN))
    assert found >= expected("""
| sheet           | row | column      | code                            |
|-----------------|-----|-------------|---------------------------------|
| choices         | 2   | score       | method.choice_score_invalid     |
| indicators      | 3   | dimension   | method.dimension_unknown        |
| indicators      | 4   | weight      | method.number_invalid           |
| scoring         | 3   | value       | expression.unknown_name         |
| scoring         | 4   | question    | method.question_unknown         |
| scoring         | 5   | indicator   | method.indicator_unknown        |
| scoring         | 6   | rule        | method.rule_invalid             |
| scoring         | 7   | rule        | method.rule_needs_select        |
| scoring         | 8   | value       | expression.syntax               |
| definitions     | 2   | rule        | expression.unknown_score        |
| definitions     | 3   | rule        | method.definition_not_condition |
| recommendations | 3   | target      | method.target_unknown           |
""")
    with pytest.raises(SolidataError) as caught:
        read_method(base_workbook(tmp_path, name="again.xlsx", **BROKEN))
    assert len(caught.value.problems) >= 12
    assert all(p.severity == "error" for p in caught.value.problems)


def test_every_problem_says_what_is_wrong_and_how_to_fix_it(tmp_path: Path) -> None:
    for p in load_method(base_workbook(tmp_path, **BROKEN)).problems:
        assert p.message and p.hint and p.where().startswith("file method.xlsx, sheet")


def test_calculations_that_depend_on_each_other_are_a_cycle(tmp_path: Path) -> None:
    survey = """
    | type          | name    | label::English (en) | label::Mongolian (mn) | calculation |
    |---------------|---------|---------------------|-----------------------|-------------|
    | select_one yn | members | Vote?               | Санал?                |             |
    | integer       | board   | Board               | Зөвлөл                |             |
    | integer       | women   | Women               | Эмэгтэй               |             |
    | select_multiple goals | goals | Goals         | Зорилго               |             |
    | calculate     | a       |                     |                       | ${b} + 1    |
    | calculate     | b       |                     |                       | ${a} + 1    |
    """
    assert ("survey", 6, "calculation", "method.cycle") in located(
        base_workbook(tmp_path, survey=survey)
    )


def test_expressions_in_the_form_are_checked_too(tmp_path: Path) -> None:
    survey = """
    | type                  | name    | label::English (en) | relevant        | constraint  |
    |-----------------------|---------|---------------------|-----------------|-------------|
    | select_one yn         | members | Vote?               |                 |             |
    | integer               | board   | Board               | score('P2') > 1 | . >= 0      |
    | integer               | women   | Women               | ${board} > (1   | today() > . |
    | select_multiple goals | goals   | Goals               | . > 1           |             |
    """
    found = located(base_workbook(tmp_path, survey=survey))
    assert found >= expected("""
| sheet  | row | column     | code                                   |
|--------|-----|------------|----------------------------------------|
| survey | 3   | relevant   | expression.score_outside_definition    |
| survey | 4   | relevant   | expression.syntax                      |
| survey | 4   | constraint | expression.unknown_function            |
| survey | 5   | relevant   | expression.current_outside_constraint  |
""")
    constraint = [p for p in load_method(base_workbook(tmp_path, "b.xlsx", survey=survey)).problems
                  if p.column == "constraint"]  # fmt: skip
    assert [p.severity for p in constraint] == ["warning"]


def test_a_pyxform_error_is_reported_with_its_row(tmp_path: Path) -> None:
    survey = """
    | type          | name    | label::English (en) | label::Mongolian (mn) |
    |---------------|---------|---------------------|-----------------------|
    | select_one yn | members | Vote?               | Санал?                |
    | integer       | board   | Board               | Зөвлөл                |
    | integer       | women   | Women               | Эмэгтэй               |
    | select_multiple goals | goals | Goals         | Зорилго               |
    | begin_group   | extra   | Extra               | Нэмэлт                |
    """
    found = located(base_workbook(tmp_path, survey=survey))
    assert ("survey", 6, None, "method.xlsform_invalid") in found


def test_missing_sheets_and_columns_are_reported(tmp_path: Path) -> None:
    dimensions = """
    | id | label::English (en) | label::Mongolian (mn) |
    |----|---------------------|-----------------------|
    | P2 | Democracy           | Ардчилал              |
    """
    found = located(base_workbook(tmp_path, dimensions=dimensions, scoring=""))
    assert ("dimensions", 1, "kind", "method.column_missing") in found
    assert ("scoring", None, None, "method.sheet_missing") in found


def test_ids_must_be_unique_and_settings_must_name_the_method(tmp_path: Path) -> None:
    dimensions = """
    | id | kind      | label::English (en) | label::Mongolian (mn) |
    |----|-----------|---------------------|-----------------------|
    | P2 | principle | Democracy           | Ардчилал              |
    | P2 | principle | Democracy           | Ардчилал              |
    | V1 | virtue    | Care                | Халамж                |
    """
    settings = """
    | form_id | min_coverage |
    |---------|--------------|
    | demo    | 2            |
    """
    found = located(base_workbook(tmp_path, dimensions=dimensions, settings=settings))
    assert found >= expected("""
| sheet      | row | column       | code                   |
|------------|-----|--------------|------------------------|
| settings   | 2   | version      | method.setting_missing |
| settings   | 2   | min_coverage | method.number_invalid  |
| dimensions | 3   | id           | method.id_duplicate    |
| dimensions | 4   | kind         | method.kind_unknown    |
""")


def test_a_missing_translation_is_a_warning_per_cell_or_per_column(tmp_path: Path) -> None:
    indicators = """
    | id    | dimension | label::English (en) | label::Mongolian (mn) |
    |-------|-----------|---------------------|-----------------------|
    | vote  | P2        | Members vote        |                       |
    | women | P2        | Women on board      | Эмэгтэйчүүд           |
    | goals | V1        | Goals               | Зорилго               |
    """
    recommendations = """
    | target | below | text::English (en) |
    |--------|-------|--------------------|
    | P2     | 50    | Hold votes.        |
    | V1     | 50    | Care more.         |
    """
    result = load_method(base_workbook(tmp_path, indicators=indicators,
                                       recommendations=recommendations))  # fmt: skip
    assert result.method is not None  # warnings do not stop a method from loading
    found = {(p.sheet, p.row, p.column, p.code, p.severity) for p in result.problems}
    assert found == {
        ("indicators", 2, "label::Mongolian (mn)", "method.translation_missing", "warning"),
        (
            "recommendations",
            1,
            "text::Mongolian (mn)",
            "method.translation_column_missing",
            "warning",
        ),
    }


def test_an_indicator_without_scoring_rows_and_a_dimension_without_indicators_warn(
    tmp_path: Path,
) -> None:
    dimensions = """
    | id  | kind       | label::English (en) | label::Mongolian (mn) |
    |-----|------------|---------------------|-----------------------|
    | P2  | principle  | Democracy           | Ардчилал              |
    | V1  | value      | Care                | Халамж                |
    | AS  | aspiration | Viability           | Тогтвортой            |
    """
    indicators = """
    | id    | dimension | label::English (en) | label::Mongolian (mn) |
    |-------|-----------|---------------------|-----------------------|
    | vote  | P2        | Members vote        | Санал                 |
    | women | P2        | Women on board      | Эмэгтэйчүүд           |
    | goals | V1        | Goals               | Зорилго               |
    | spare | V1        | Spare               | Нөөц                  |
    """
    result = load_method(base_workbook(tmp_path, dimensions=dimensions, indicators=indicators))
    assert {(p.sheet, p.row, p.code) for p in result.warnings} == {
        ("dimensions", 4, "method.dimension_empty"),
        ("indicators", 5, "method.indicator_unscored"),
    }


def test_more_kinds_of_error_are_located(tmp_path: Path) -> None:
    survey = """
    | type                  | name    | label::English (en) | label::Mongolian (mn) |
    |-----------------------|---------|---------------------|-----------------------|
    | select_one yn         | members | Vote?               | Санал?                |
    | integer               | board   | Board               | Зөвлөл                |
    | integer               | women   | Women               | Эмэгтэй               |
    | select_multiple goals | goals   | Goals               | Зорилго               |
    | begin_repeat          | people  | People              | Хүмүүс                |
    | integer               | age     | Age                 | Нас                   |
    | end_repeat            |         |                     |                       |
    """
    indicators = """
    | id    | dimension | label::English (en) | label::Mongolian (mn) |
    |-------|-----------|---------------------|-----------------------|
    | vote  | P2        | Members vote        | Санал                 |
    | women | P2        | Women on board      | Эмэгтэйчүүд           |
    | goals | V1        | Goals               | Зорилго               |
    | V1    | V1        | Care again          | Халамж                |
    """
    scoring = """
    | indicator | question | rule        | value                 |
    |-----------|----------|-------------|-----------------------|
    | vote      | members  | choice      |                       |
    | women     |          | at_least 1  |                       |
    | goals     | goals    | choice      | ${goals}              |
    |           | board    | at_least 1  |                       |
    | V1        | age      | at_least 18 |                       |
    """
    levels = """
    | min | id   | label::English (en) | label::Mongolian (mn) |
    |-----|------|---------------------|-----------------------|
    | 10  | low  | Low                 | Бага                  |
    | 10  | also | Also low            | Бас бага              |
    """
    definitions = """
    | id | label::English (en) | label::Mongolian (mn) | rule                     |
    |----|---------------------|-----------------------|--------------------------|
    | re | Pattern             | Загвар                | regex(${members}, '[a')  |
    """
    book = base_workbook(
        tmp_path,
        survey=survey,
        indicators=indicators,
        scoring=scoring,
        levels=levels,
        definitions=definitions,
    )
    assert located(book) >= expected("""
| sheet       | row | column    | code                         |
|-------------|-----|-----------|------------------------------|
| indicators  | 5   | id        | method.id_clash              |
| scoring     | 3   | question  | method.rule_needs_source     |
| scoring     | 4   | value     | method.choice_rule_with_value |
| scoring     | 5   | indicator | method.id_missing            |
| scoring     | 6   | question  | method.question_in_repeat    |
| levels      | 2   | min       | method.levels_gap            |
| levels      | 3   | min       | method.level_duplicate_min   |
| definitions | 2   | rule      | expression.bad_regex         |
""")
