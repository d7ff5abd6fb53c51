"""`solidata score` reads the plain answers CSV with the fast reader and every other layout with
the full one, and both give the same scores."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from solidata.core import ingest
from solidata.core.ingest import answers_for_scoring, read_answers
from solidata.core.method import read_method
from solidata.core.scoring import score

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest" / "coop"


def test_the_plain_answers_csv_is_read_fast_and_scores_as_the_full_reader_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    method = read_method(DATA / "method.xlsx")
    full = score(method, read_answers(DATA / "plain.csv", method).frame())
    monkeypatch.setattr(ingest, "read_answers", None)  # the full reader is not called
    frame, problems = answers_for_scoring(DATA / "plain.csv", method)
    assert problems == ()
    pd.testing.assert_frame_equal(score(method, frame).to_frame(), full.to_frame())


def test_an_export_and_a_plain_csv_with_a_repeated_id_go_through_the_full_reader(
    tmp_path: Path,
) -> None:
    method = read_method(DATA / "method.xlsx")
    frame, _ = answers_for_scoring(DATA / "kobo-names.csv", method)
    expected = read_answers(DATA / "kobo-names.csv", method).frame()
    pd.testing.assert_frame_equal(frame, expected)
    lines = (DATA / "plain.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    repeated = tmp_path / "plain.csv"
    repeated.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    _, problems = answers_for_scoring(repeated, method)
    assert "ingest.instance_id_duplicate" in {p.code for p in problems}
