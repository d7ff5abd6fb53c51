"""Problems are said in the page's language, with the user's values marked as code."""

from __future__ import annotations

from django.utils import translation

from solidata.core.errors import problem
from solidata.web.problems import from_stored, shown


def test_a_problem_is_said_in_mongolian_with_its_values() -> None:
    p = problem("ingest.column_unknown", file="a.csv", column="colour", header="colour")
    with translation.override("mn"):
        said = shown(p)
    assert "colour" in said.message and said.message != p.message
    assert (
        "<code>&#x27;colour&#x27;</code>" in said.message_html
        and "<code>a.csv</code>" in said.where_html
    )
    assert said.where.startswith("a.csv")


def test_values_in_a_message_are_escaped() -> None:
    p = problem("ingest.column_unknown", column="<b>x</b>", header="<script>")
    with translation.override("en"):
        html = shown(p).message_html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_stored_problem_without_its_parameters_is_shown_in_english() -> None:
    p = problem("ingest.column_unknown", column="colour", header="colour")
    stored = {**p.as_dict(), "params": None}
    with translation.override("mn"):
        said = shown(from_stored(stored))
    assert said.message == p.message


def test_a_stored_problem_with_its_parameters_is_said_again_in_mongolian() -> None:
    p = problem("ingest.column_unknown", column="colour", header="colour")
    with translation.override("mn"):
        said = shown(from_stored(p.as_dict()))
    assert said.message != p.message and "colour" in said.message
