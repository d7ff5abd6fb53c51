"""Properties of scoring that hold for any answers: bounds, and independence from order."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from core.workbooks import base_workbook
from solidata.core.method import Method, read_method
from solidata.core.scoring import score


@cache
def method() -> Method:
    return read_method(base_workbook(Path(tempfile.mkdtemp())))


answer_rows = st.fixed_dictionaries(
    {
        "members": st.sampled_from(["yes", "no", "dk", "junk", None]),
        "board": st.one_of(st.none(), st.integers(-3, 30).map(str), st.just("many")),
        "women": st.one_of(st.none(), st.integers(0, 40).map(str), st.just("1.5")),
        "goals": st.one_of(
            st.none(),
            st.lists(st.sampled_from(["community", "planet", "profit", "other"]), max_size=4).map(
                " ".join
            ),
        ),
    }
)
answer_frames = st.lists(answer_rows, min_size=1, max_size=25).map(
    lambda rows: pd.DataFrame(
        [{"instance_id": f"s{i}", **row} for i, row in enumerate(rows)], dtype=object
    )
)


@settings(max_examples=60, deadline=None)
@given(answer_frames)
def test_every_score_is_between_0_and_100_or_missing(answers: pd.DataFrame) -> None:
    table = score(method(), answers)
    for frame in (table.indicators, table.dimensions):
        values = frame.to_numpy(dtype=float)
        present = values[~np.isnan(values)]
        assert ((present >= 0) & (present <= 100)).all()
    coverage = table.coverage.to_numpy(dtype=float)
    assert ((coverage >= 0) & (coverage <= 1)).all()


@settings(max_examples=40, deadline=None)
@given(answer_frames, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_rows_or_columns(
    answers: pd.DataFrame, rnd: object
) -> None:
    rows = list(answers.index)
    columns = list(answers.columns)
    rnd.shuffle(rows)  # type: ignore[attr-defined]
    rnd.shuffle(columns)  # type: ignore[attr-defined]
    shuffled = answers.loc[rows, columns].reset_index(drop=True)
    first, second = score(method(), answers), score(method(), shuffled)
    for name in (
        "indicators",
        "dimensions",
        "coverage",
        "levels",
        "definitions",
        "recommendations",
    ):
        a = getattr(first, name)
        b = getattr(second, name).loc[a.index]
        pd.testing.assert_frame_equal(a, b, check_index_type=False)
