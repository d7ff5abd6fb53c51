"""Which cells of a CSV file are missing: the documented markers only, in every CSV reader.

pandas' ``read_csv`` treats ``None``, ``NULL``, ``n/a``, ``#N/A``, ``<NA>``, ``-nan`` and more as
missing by default; an answer (a choice named ``None``) would then vanish without a word.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from solidata.core.errors import SolidataError
from solidata.core.ingest import read_answers as ingest_answers
from solidata.core.method import read_method
from solidata.core.scoring.answers import read_plain_answers
from solidata.core.stats import MISSING_MARKERS, estimate_mean, estimate_proportions
from solidata.core.stats.reading import read_survey_csv

DOCS = Path(__file__).parents[2] / "docs" / "statistics.md"
INGEST = Path(__file__).parents[1] / "data" / "ingest"
PANDAS_ONLY = ["None", "NULL", "n/a", "#N/A", "<NA>", "-nan", "nan", "NA/NaN", "#NA", "1.#IND"]


def survey_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "survey.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_docs_list_the_missing_markers_the_reader_uses() -> None:
    text = DOCS.read_text(encoding="utf-8")
    (sentence,) = re.findall(r"Empty cells and (.*?) are missing", text)
    assert tuple(re.findall(r"`([^`]+)`", sentence)) == MISSING_MARKERS


def test_only_empty_cells_and_the_documented_markers_are_missing(tmp_path: Path) -> None:
    cells = [*MISSING_MARKERS, "", " NA ", *PANDAS_ONLY]
    path = survey_csv(tmp_path, "answer,x\n" + "".join(f"{c},1\n" for c in cells))
    frame = read_survey_csv(path)
    kept = frame["answer"].dropna().tolist()
    assert kept == PANDAS_ONLY
    assert frame["answer"].isna().sum() == len(MISSING_MARKERS) + 2


def test_an_answer_named_none_is_a_category_of_the_proportions(tmp_path: Path) -> None:
    rows = ["None", "None", "Some", "All", "NULL", "n/a", "NA", ""]
    path = survey_csv(tmp_path, "help\n" + "\n".join(f'"{r}"' for r in rows) + "\n")
    result = estimate_proportions(path, "help")
    shares = {e.category: e.estimate for e in result.estimates}
    assert shares == pytest.approx(
        {"All": 1 / 6, "NULL": 1 / 6, "None": 2 / 6, "Some": 1 / 6, "n/a": 1 / 6}
    )
    assert {e.n for e in result.estimates} == {6}


def test_a_marker_pandas_would_drop_in_a_number_column_is_an_error_not_a_gap(
    tmp_path: Path,
) -> None:
    path = survey_csv(tmp_path, "x\n1\n2\nNone\nNA\n")
    with pytest.raises(SolidataError) as caught:
        estimate_mean(path, "x")
    assert caught.value.codes == ["stats.not_numeric"]
    assert caught.value.problems[0].row == 4


def test_the_scoring_reader_keeps_none_as_an_answer() -> None:
    frame = read_plain_answers(io.StringIO("instance_id,a\nx1,None\nx2,NULL\nx3,#N/A\nx4,\n"))
    assert frame["a"].tolist()[:3] == ["None", "NULL", "#N/A"]
    assert frame["a"].isna().tolist() == [False, False, False, True]


def test_the_import_reader_keeps_none_as_an_answer(tmp_path: Path) -> None:
    method = read_method(INGEST / "coop" / "method.xlsx")
    path = tmp_path / "answers.csv"
    ids = [f"uuid:0b1e6c3a-1f4e-4c1d-9a6e-2d3c4b5a6f0{i}" for i in range(1, 4)]
    path.write_text(
        f"instance_id,product\n{ids[0]},None\n{ids[1]},n/a\n{ids[2]},\n", encoding="utf-8"
    )
    got = [s.answers for s in ingest_answers(path, method).submissions()]
    assert got == [{"product": "None"}, {"product": "n/a"}, {}]
