"""The web form's view of a method: steps from groups, and one answer set checked as the server
checks it (types, required, relevant, constraint, calculation). The method is a small workbook
written as Markdown tables (see ``core.workbooks``); no database."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from core.workbooks import base_workbook
from solidata.core.form import FilledForm, form_steps, normalise
from solidata.core.method import Method, bundled_method_path, read_method

# Columns: type, name, label, relevant, constraint, constraint message, calculation, required.
HEADER = (
    "| type | name | label::English (en) | relevant | constraint "
    "| constraint_message::English (en) | calculation | required |\n"
)
SURVEY = (
    HEADER
    + """|---|---|---|---|---|---|---|---|
| note | hello | Welcome | | | | | |
| begin_group | org | Your organisation | | | | | |
| select_one yn | members | Members vote? | | | | | yes |
| integer | board | Board size | | . >= 1 and . <= 100 | From 1 to 100. | | |
| integer | women | Women on board | ${board} > 0 | . <= ${board} | | | yes |
| calculate | share | | | | | ${women} div ${board} | |
| end_group | | | | | | | |
| begin_group | more | More | ${members} = 'yes' | | | | |
| select_multiple goals | goals | Goals (share ${share}) | | | | | |
| begin_group | inner | Inner | | | | | |
| text | why | Why? | | | | | |
| end_group | | | | | | | |
| end_group | | | | | | | |
| begin_repeat | people | People | | | | | |
| text | person | Name | | | | | |
| end_repeat | | | | | | | |
| text | remarks | Remarks | | | | | |
"""
)


@cache
def method(directory: Path) -> Method:
    return read_method(base_workbook(directory, survey=SURVEY))


@cache
def bundled() -> Method:
    path = bundled_method_path()
    assert path is not None
    return read_method(path)


@pytest.fixture(scope="module")
def form_method(tmp_path_factory: pytest.TempPathFactory) -> Method:
    return method(tmp_path_factory.mktemp("form"))


def test_each_top_level_group_is_a_step_and_silent_rows_are_left_out(form_method) -> None:
    steps = form_steps(form_method)
    assert [(s.number, s.name, [q.name for q in s.questions]) for s in steps] == [
        (1, "", ["hello"]),
        (2, "org", ["members", "board", "women"]),
        (3, "more", ["goals", "why"]),
        (4, "", ["remarks"]),
    ]
    assert [s.path for s in steps[2].sections] == [("more",), ("more", "inner")]
    assert steps[2].sections[1].group is not None and steps[2].sections[1].group.name == "inner"


def test_the_reader_keeps_constraint_messages_and_appearance(form_method) -> None:
    board = form_method.question("board")
    assert board is not None and board.constraint_messages == {"en": "From 1 to 100."}
    aimag = bundled().question("aimag")
    assert aimag is not None and aimag.appearance == "minimal"


def test_answers_are_normalised_by_type(form_method) -> None:
    board = form_method.question("board")
    goals = form_method.question("goals")
    members = form_method.question("members")
    assert normalise(form_method, board, " 1 200 ") == ("1200", None)  # type: ignore[arg-type]
    assert normalise(form_method, board, "12.5") == ("12.5", "integer")  # type: ignore[arg-type]
    assert normalise(form_method, goals, "planet community") == ("community planet", None)  # type: ignore[arg-type]
    assert normalise(form_method, goals, "planet moon") == ("planet moon", "choice")  # type: ignore[arg-type]
    assert normalise(form_method, members, "yes no") == ("yes no", "choice")  # type: ignore[arg-type]


def test_it_reports_required_type_and_constraint_problems_of_relevant_questions(
    form_method,
) -> None:
    org = form_steps(form_method)[1]
    empty = FilledForm(form_method, {})
    assert [(i.question, i.code) for i in empty.issues(org.questions)] == [("members", "required")]
    form = FilledForm(form_method, {"members": "yes", "board": "200", "women": "abc"})
    assert [(i.question, i.code) for i in form.issues(org.questions)] == [
        ("board", "constraint"),
        ("women", "integer"),
    ]
    form = FilledForm(form_method, {"members": "yes", "board": "4", "women": "5"})
    assert [(i.question, i.code) for i in form.issues(org.questions)] == [("women", "constraint")]


def test_relevance_follows_answers_and_groups(form_method) -> None:
    steps = form_steps(form_method)
    form = FilledForm(form_method, {"members": "no", "board": "0"})
    assert not form.is_relevant(form_method.question("women"))  # type: ignore[arg-type]
    assert not form.step_is_relevant(steps[2])  # the group "more" needs members = yes
    form = FilledForm(form_method, {"members": "yes", "board": "4"})
    assert form.is_relevant(form_method.question("women"))  # type: ignore[arg-type]
    assert form.step_is_relevant(steps[2])


def test_calculations_are_computed_silently_for_labels(form_method) -> None:
    form = FilledForm(form_method, {"members": "yes", "board": "4", "women": "2"})
    assert form.display("share") == "0.5"
    assert form.display("board") == "4"


def test_clean_answers_drop_irrelevant_and_invalid_ones(form_method) -> None:
    form = FilledForm(
        form_method, {"members": "no", "board": "3", "goals": "planet", "remarks": " ok ", "x": "1"}
    )
    assert form.clean() == {"members": "no", "board": "3", "remarks": "ok"}


def test_a_constraint_that_needs_a_missing_answer_does_not_block() -> None:
    workers = bundled().question("workers_contract")
    form = FilledForm(bundled(), {"workers_contract": "3"})
    assert form.issues([workers]) == []  # type: ignore[list-item]


def test_the_bundled_method_has_fifteen_steps_and_every_type_it_uses_is_shown() -> None:
    steps = form_steps(bundled())
    assert len(steps) == 15  # 2026.2 split "decent work and livelihoods" from "equality"
    shown = {q.type for s in steps for q in s.questions}
    assert shown == {"note", "text", "integer", "select_one", "select_multiple"}
