"""Stored score records, encoded a column at a time without texts, render to exactly what
ScoreTable.to_records gives, in every language of the method."""

from __future__ import annotations

import dataclasses
import importlib
import json
from pathlib import Path

import pandas as pd

import export_writers as ex
from solidata.core.ingest import read_answers
from solidata.core.method import Method, read_method
from solidata.core.scoring import ScoreTable, score
from solidata.web.surveys.score_records import (
    dimension_scores_json,
    dimension_scores_of,
    record_of,
    records_json,
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
    old = [
        {lang: table.to_records(lang)[k] for lang in method.languages} for k in range(len(table))
    ]
    converted = [migration._compact(results, method) for results in old]
    assert converted == [json.loads(t) for t in records_json(table)]
    assert [migration._rendered(c, method, i) for c, i in zip(converted, ids, strict=True)] == old
