"""The expression language: parsed once, evaluated over whole columns with missing values.

Each table row is an expression and what it gives on the three submissions of ANSWERS; ``-`` is
missing (a number) or unknown (a condition).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from core.workbooks import markdown_frame, markdown_rows
from solidata.core.errors import SolidataError
from solidata.core.expressions import evaluate_frame, parse

ANSWERS = markdown_frame("""
| a   | n | d | m          | t     |
|-----|---|---|------------|-------|
| yes | 4 | 2 | water land | Ulaan |
| no  | 6 | 0 | land       |       |
|     |   | 1 |            | x     |
""")


def frame() -> pd.DataFrame:
    out = ANSWERS.copy()
    for column in ("n", "d"):
        out[column] = pd.to_numeric(out[column])
    return out


def parse_expected(cell: str) -> object:
    if cell == "-":
        return None
    if cell in ("true", "false"):
        return cell == "true"
    try:
        return float(cell)
    except ValueError:
        return cell


def results(series: pd.Series) -> list[object]:
    out: list[object] = []
    for v in series.tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
        else:
            out.append(v)
    return out


def cases(table: str) -> list[tuple[str, list[object]]]:
    _, *rows = markdown_rows(table)
    return [(row[0].replace("\\|", "|"), [parse_expected(c) for c in row[1:]]) for row in rows]


ARITHMETIC = cases("""
| expression              | 1    | 2    | 3   |
|-------------------------|------|------|-----|
| ${n} + 1                | 5    | 7    | -   |
| ${n} - ${d} * 2         | 0    | 6    | -   |
| -${n}                   | -4   | -6   | -   |
| ${n} div ${d}           | 2    | -    | -   |
| ${n} mod ${d}           | 0    | -    | -   |
| 7 mod 4 + 1             | 4    | 4    | 4   |
| (${n} + ${d}) div 2     | 3    | 3    | -   |
| number('3.5') * 2       | 7    | 7    | 7   |
""")

LOGIC = cases("""
| expression                          | 1     | 2     | 3     |
|-------------------------------------|-------|-------|-------|
| ${a} = 'yes'                        | true  | false | -     |
| ${a} != 'yes'                       | false | true  | -     |
| ${n} >= 5                           | false | true  | -     |
| ${n} > 5 and ${a} = 'no'            | false | true  | -     |
| ${n} < 5 or ${d} = 1                | true  | false | true  |
| false() and ${n} > 0                | false | false | false |
| true() or ${n} > 0                  | true  | true  | true  |
| ${n} > 0 and ${a} = 'yes'           | true  | false | -     |
| not(${a} = 'yes')                   | false | true  | -     |
| ${a} = ''                           | false | false | true  |
| ${t} != ''                          | true  | false | true  |
| selected(${m}, 'land')              | true  | true  | -     |
| selected(${m}, 'water')             | true  | false | -     |
| regex(${t}, '[A-Z][a-z]+')          | true  | -     | false |
| ${n} = '4'                          | true  | false | -     |
""")

FUNCTIONS = cases("""
| expression                          | 1     | 2     | 3     |
|-------------------------------------|-------|-------|-------|
| count-selected(${m})                | 2     | 1     | -     |
| string-length(${t})                 | 5     | -     | 1     |
| if(${a} = 'yes', 10, 20)            | 10    | 20    | -     |
| if(${d} > 1, 'big', 'small')        | big   | small | small |
| coalesce(${n}, ${d}, 9)             | 4     | 6     | 1     |
| coalesce(${t}, 'none')              | Ulaan | none  | x     |
""")


@pytest.mark.parametrize(("expression", "expected"), ARITHMETIC)
def test_arithmetic_propagates_missing_and_division_by_zero_is_missing(
    expression: str, expected: list[object]
) -> None:
    assert results(evaluate_frame(expression, frame())) == expected


@pytest.mark.parametrize(("expression", "expected"), LOGIC)
def test_conditions_use_three_valued_logic(expression: str, expected: list[object]) -> None:
    result = evaluate_frame(expression, frame())
    assert str(result.dtype) == "boolean"
    assert results(result) == expected


@pytest.mark.parametrize(("expression", "expected"), FUNCTIONS)
def test_functions_work_on_whole_columns(expression: str, expected: list[object]) -> None:
    assert results(evaluate_frame(expression, frame())) == expected


def test_score_reads_the_given_score_columns() -> None:
    scores = {"P2": [60.0, 40.0, np.nan]}
    result = evaluate_frame("score('P2') >= 50 and ${n} > 0", frame(), scores=scores)
    assert results(result) == [True, False, None]


def test_dot_is_the_current_answer_in_a_constraint() -> None:
    result = evaluate_frame(". >= 5", frame(), current="n")
    assert results(result) == [False, True, None]


def test_columns_of_numbers_as_text_compare_as_numbers() -> None:
    answers = markdown_frame("""
    | n  |
    |----|
    | 10 |
    | 9  |
    """)
    assert results(evaluate_frame("${n} > 9.5", answers)) == [True, False]


SYNTAX_ERRORS = """
| expression      | position | code                         |
|-----------------|----------|------------------------------|
| ${a} >>> 1      | 7        | expression.syntax            |
| ${a} =          | 7        | expression.syntax            |
| (1 + 2          | 7        | expression.syntax            |
| age > 3         | 1        | expression.syntax            |
| ${a b} = 1      | 1        | expression.syntax            |
| today() > 1     |          | expression.unknown_function  |
| not(1, 2)       |          | expression.arity             |
| score(P2) > 1   | 7        | expression.syntax            |
"""


@pytest.mark.parametrize("row", markdown_rows(SYNTAX_ERRORS)[1:])
def test_a_bad_expression_is_reported_with_its_position(row: list[str]) -> None:
    expression, position, code = row
    with pytest.raises(SolidataError) as caught:
        parse(expression)
    assert caught.value.codes == [code]
    if position:
        assert caught.value.problems[0].params["position"] == int(position)


def test_the_clauses_of_a_rule_are_its_top_level_and_parts_as_written() -> None:
    rule = parse("score('P1') >= 50 and (score('P2') >= 50 or ${a} = 'yes') and not(${b})")
    assert rule.and_clauses() == [
        "score('P1') >= 50",
        "(score('P2') >= 50 or ${a} = 'yes')",
        "not(${b})",
    ]
    assert parse("${a} or ${b}").and_clauses() == ["${a} or ${b}"]


def test_references_and_score_ids_are_listed() -> None:
    expr = parse("${a} + ${b} > score('V1')")
    assert expr.references() == {"a", "b"}
    assert expr.score_ids() == {"V1"}


def test_and_binds_tighter_than_or_and_comparisons_tighter_than_and() -> None:
    answers = pd.DataFrame({"x": [1.0]})
    assert results(evaluate_frame("1 = 1 or 1 = 2 and 1 = 2", answers)) == [True]
    assert results(evaluate_frame("2 + 3 * 4 = 14", answers)) == [True]
