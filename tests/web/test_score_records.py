"""Stored score records, encoded a column at a time without texts, render to exactly what
ScoreTable.to_records gives, in every language of the method."""

from __future__ import annotations

import dataclasses
import importlib
import json
from pathlib import Path

import pandas as pd
import pytest

import export_writers as ex
from solidata.core.ingest import read_answers
from solidata.core.method import Method, read_method
from solidata.core.scoring import ScoreTable, score
from solidata.web.surveys.score_records import (
    SECTIONS,
    dimension_scores_json,
    dimension_scores_of,
    record_of,
    records_json,
    score_table_of,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def rendered(method: Method, table: ScoreTable, lang: str) -> list[dict[str, object]]:
    ids = table.instance_ids.tolist()
    return [
        record_of(method, json.loads(text), lang, instance_id=i)
        for i, text in zip(ids, records_json(table), strict=True)
    ]


def test_the_records_of_the_synthetic_submissions_render_in_every_language() -> None:
    method, subs = ex.synthetic_submissions()
    table = score(method, subs.frame())
    assert len(method.languages) > 1
    for lang in method.languages:
        assert rendered(method, table, lang) == table.to_records(lang)
    texts = records_json(table)
    assert len(texts) == len(table) == 156
    dims = [json.loads(t) for t in dimension_scores_json(table)]
    assert dims == [{d: v["score"] for d, v in r["dimensions"].items()} for r in table.to_records()]
    assert dims == [dimension_scores_of(method, json.loads(t)) for t in texts]


def test_a_stored_record_holds_no_text_of_the_method() -> None:
    method, subs = ex.synthetic_submissions()
    table = score(method, subs.frame())
    text = records_json(table)[0]
    assert set(json.loads(text)) == {"dimensions", "indicators", "definitions", "recommendations"}
    texts = [t for r in method.recommendations for t in r.texts.values()]
    texts += [c for d in method.definitions for c in d.clauses]
    assert not any(t in text for t in texts if len(t) > 3)
    assert len(text) < 1000


def test_missing_scores_and_a_method_without_recommendations_render_too() -> None:
    method = read_method(DATA / "coop" / "method.xlsx")
    frame = read_answers(DATA / "coop" / "plain.csv", method).frame()
    empty = pd.DataFrame({c: pd.Series([None], dtype="str") for c in frame.columns})
    empty.loc[0, "instance_id"] = "uuid:empty"
    table = score(method, pd.concat([frame, empty], ignore_index=True))
    for lang in method.languages:
        records = rendered(method, table, lang)
        assert records == table.to_records(lang)
    assert records[-1]["dimensions"]["P2"]["score"] is None
    bare_method = dataclasses.replace(method, recommendations=())
    bare = score(bare_method, frame)
    assert [r["recommendations"] for r in rendered(bare_method, bare, "en")] == [[]] * 6
    assert records_json(score(method, frame.iloc[:0])) == []


def test_the_migration_converts_records_in_every_language_and_back() -> None:
    migration = importlib.import_module(
        "solidata.web.surveys.migrations.0002_submissionscore_record"
    )
    method, subs = ex.synthetic_submissions()
    table = score(method, subs.frame())
    ids = table.instance_ids.tolist()
    records = {lang: table.to_records(lang) for lang in method.languages}
    old = [{lang: records[lang][k] for lang in method.languages} for k in range(len(table))]
    converted = [migration._compact(results, method) for results in old]
    assert converted == [json.loads(t) for t in records_json(table)]
    assert [migration._rendered(c, method, i) for c, i in zip(converted, ids, strict=True)] == old


FRAMES = ("dimensions", "coverage", "indicators", "levels", "definitions", "clauses")


def assert_same_scores(got: ScoreTable, expected: ScoreTable) -> None:
    pd.testing.assert_index_equal(got.instance_ids, expected.instance_ids)
    for name in (*FRAMES, "recommendations"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(expected, name), obj=name)


def as_postgresql_gives_it(text: str) -> str:
    """A stored record as PostgreSQL's ``jsonb`` gives it back: keys by length, then spaces."""
    record = json.loads(text)
    return json.dumps({k: record[k] for k in sorted(record, key=lambda k: (len(k), k))})


def test_stored_records_decode_to_the_score_table_that_scoring_gave() -> None:
    method, subs = ex.synthetic_submissions()
    table = score(method, subs.frame())
    assert table.dimensions.isna().any().any() and table.recommendations.any().any()
    assert (table.definitions == "undetermined").any().any()
    texts = records_json(table)
    for given in (texts, [as_postgresql_gives_it(t) for t in texts]):
        assert_same_scores(score_table_of(method, given, table.instance_ids), table)


def test_no_stored_records_decode_to_an_empty_score_table() -> None:
    method, subs = ex.synthetic_submissions()
    empty = score(method, subs.frame().iloc[:0])
    assert_same_scores(score_table_of(method, [], empty.instance_ids), empty)


@pytest.mark.parametrize("section", SECTIONS)
def test_a_stored_record_that_does_not_fit_the_method_is_refused(section: str) -> None:
    method, subs = ex.synthetic_submissions()
    table = score(method, subs.frame().iloc[:3])
    texts = records_json(table)
    record = json.loads(texts[1])
    if section == "recommendations":
        record[section] = [99]  # not one of the method's recommendations
    else:
        record[section] = record[section][:-1]  # a part missing
    texts[1] = json.dumps(record)
    with pytest.raises(ValueError):
        score_table_of(method, texts, table.instance_ids)
