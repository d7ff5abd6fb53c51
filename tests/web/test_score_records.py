"""Score records encoded a column at a time are exactly what ScoreTable.to_records gives."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd

from solidata.core.ingest import exports as ex
from solidata.core.ingest import read_answers
from solidata.core.method import read_method
from solidata.core.scoring import score
from solidata.web.surveys.score_records import dimension_scores_json, results_json

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def test_the_results_of_the_synthetic_submissions_decode_to_their_records() -> None:
    method, subs = ex.synthetic_submissions()
    table = score(method, subs.frame())
    records = {lang: table.to_records(lang) for lang in method.languages}
    texts = results_json(table)
    assert len(texts) == len(table) == 156
    for k, text in enumerate(texts):
        assert json.loads(text) == {lang: records[lang][k] for lang in method.languages}
    dims = [json.loads(t) for t in dimension_scores_json(table)]
    assert dims == [{d: v["score"] for d, v in r["dimensions"].items()} for r in records["en"]]


def test_missing_scores_and_a_method_without_recommendations_encode_too() -> None:
    method = read_method(DATA / "coop" / "method.xlsx")
    frame = read_answers(DATA / "coop" / "plain.csv", method).frame()
    empty = pd.DataFrame({c: pd.Series([None], dtype="str") for c in frame.columns})
    empty.loc[0, "instance_id"] = "uuid:empty"
    table = score(method, pd.concat([frame, empty], ignore_index=True))
    texts = [json.loads(t) for t in results_json(table)]
    assert texts[-1]["en"]["dimensions"]["P2"]["score"] is None
    assert texts == [
        {lang: table.to_records(lang)[k] for lang in method.languages} for k in range(len(table))
    ]
    bare = score(dataclasses.replace(method, recommendations=()), frame)
    assert [json.loads(t)["en"]["recommendations"] for t in results_json(bare)] == [[]] * 6
