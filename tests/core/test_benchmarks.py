"""Peer benchmarks show only groups of at least the minimum size."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from solidata.core.findings.benchmarks import peer_benchmarks, summary

SCORES = pd.DataFrame(
    {
        "entity_type": ["coop"] * 6 + ["ngo"] * 4,
        "admin_area": ["MN-073"] * 3 + ["MN-1"] * 7,
        "P1": [40, 50, 60, 70, 80, None, 10, 20, 30, 40],
        "P2": [None] * 10,
    }
)
GROUPS = [("entity_type", "entity_type"), ("admin_area", "admin_area"), ("country", None)]


def test_a_group_under_the_minimum_is_left_out() -> None:
    got = peer_benchmarks(
        SCORES, {"entity_type": "ngo", "admin_area": "MN-073"}, groups=GROUPS, dimensions=["P1"]
    )
    assert [b.group for b in got] == ["country"]  # 4 NGOs and 3 in MN-073 are too few


def test_means_and_medians_skip_missing_scores() -> None:
    got = peer_benchmarks(
        SCORES,
        {"entity_type": "coop", "admin_area": "MN-1"},
        groups=GROUPS,
        dimensions=["P1", "P2"],
    )
    coop = got[0]
    assert (coop.group, coop.value) == ("entity_type", "coop")
    assert coop.n == 5  # the cooperative with no score at all is not a peer
    assert coop.means["P1"] == 60.0 and coop.medians["P1"] == 60.0
    assert coop.means["P2"] is None
    country = got[-1]
    assert country.n == 9 and math.isclose(country.means["P1"] or 0, 400 / 9, abs_tol=0.05)


def test_the_minimum_can_be_changed() -> None:
    got = peer_benchmarks(
        SCORES, {"entity_type": "ngo"}, groups=GROUPS[:1], dimensions=["P1"], min_n=4
    )
    assert got[0].n == 4 and got[0].means["P1"] == 25.0


@given(
    st.lists(
        st.one_of(st.none(), st.floats(0, 100), st.sampled_from([12.5, 0.05, 100 / 3, 66.65])),
        max_size=300,
    )
)
def test_a_group_s_statistics_are_the_ones_pandas_gives_rounded_to_a_tenth(
    scores: list[float | None],
) -> None:
    """The findings compute them with numpy on the array; the numbers are pandas' own."""
    values = np.array([np.nan if s is None else s for s in scores], dtype="float64")
    column = pd.Series(values)
    got = summary(values)
    expected = [column.mean(), column.median(), column.quantile(0.25), column.quantile(0.75)]
    shown = [None if math.isnan(e) else round(float(e), 1) for e in expected]
    assert (got.n, [got.mean, got.median, got.p25, got.p75]) == (column.count(), shown)
    assert summary(values, mean_only=True).mean == got.mean
