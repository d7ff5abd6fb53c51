"""The result page explains definitions in words, with the entity's own values (no database)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from functools import cache

import pytest
from django.utils import translation

from solidata.core.demo import synthetic_organisations
from solidata.core.demo_answers import synthetic_answers
from solidata.core.method import Method, bundled_method_path, read_method
from solidata.core.scoring import score
from solidata.web.assessments.result_view import change_rows, level_bands, result_view
from solidata.web.surveys.presenters import DefinitionRow, DimensionRow, profile_of
from solidata.web.surveys.wording import ClauseExplainer


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """In English whatever language an earlier test's request left active in this thread."""
    with translation.override("en"):
        yield


@cache
def bundled() -> Method:
    path = bundled_method_path()
    assert path is not None
    return read_method(path)


def explainer(**answers: str) -> ClauseExplainer:
    record = {"dimensions": {"P1": {"score": 62.4}, "P2": {"score": None}}}
    return ClauseExplainer(bundled(), record, answers, "en")


def test_a_score_clause_names_the_dimension_and_the_entitys_score() -> None:
    assert explainer().explain("score('P1') >= 50") == (
        "the score for “Voluntary cooperation and mutual aid” is at least 50 (yours: 62)"
    )
    assert "(yours: no score)" in explainer().explain("score('P2') >= 50")


def test_an_answer_clause_quotes_the_question_and_names_the_choice() -> None:
    text = explainer(had_surplus="yes", surplus_reinvested_pct="70").explain(
        "(${had_surplus} = 'no' or ${surplus_reinvested_pct} >= 70)"
    )
    assert text.startswith("either the answer to “In the last financial year, was there a surplus")
    assert "(yours: Yes)" in text and "is at least 70 (yours: 70)" in text


def test_a_clause_it_cannot_put_in_words_is_shown_as_written() -> None:
    assert explainer().explain("count-selected(${networks}) > 1") == (
        "count-selected(${networks}) > 1"
    )


def test_levels_are_bands_from_their_minimum_to_the_next() -> None:
    bands = [(b.label, b.low, b.high) for b in level_bands(bundled(), "en")]
    assert bands == [
        ("Emerging", 0, 39),
        ("Developing", 40, 59),
        ("Established", 60, 79),
        ("Leading", 80, 100),
    ]


def test_the_change_since_before_is_said_in_points() -> None:
    now = {"dimensions": {"P1": {"score": 70.0}, "P2": {"score": 50.0}, "P3": {"score": None}}}
    before = {"dimensions": {"P1": {"score": 60.0}, "P2": {"score": 50.2}, "P3": {"score": 10.0}}}
    words = {r.label: r.words for r in change_rows(bundled(), now, before, "en")}
    assert words["Voluntary cooperation and mutual aid"] == "up 10 points"
    assert words["Democratic and/or participatory governance"] == "no change"
    assert words["Autonomy and independence"] == "cannot be compared: a score is missing"


def test_the_result_page_and_the_public_profile_present_a_record_alike() -> None:
    method = bundled()
    records = score(method, synthetic_answers(synthetic_organisations(count=30))).to_records("en")
    record = next(r for r in records if len(r["recommendations"]) >= 2)
    page = result_view(method, record, {}, "en")
    profile = profile_of(method, record, "en")
    assert page.recommendations == profile.recommendations
    assert any(r.resource for r in page.recommendations)  # the method's resources are looked up
    as_rows = [
        DimensionRow(**{f.name: getattr(d, f.name) for f in fields(DimensionRow)})
        for d in page.dimensions
    ]
    assert as_rows == profile.dimensions

    def outcomes(definitions: list[DefinitionRow]) -> list[tuple[str, str, list[tuple[str, str]]]]:
        return [(d.id, d.result, [(c.code, c.result) for c in d.clauses]) for d in definitions]

    assert outcomes(page.definitions) == outcomes(profile.definitions)
