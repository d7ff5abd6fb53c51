"""Two-stage samples: the second stage's fpc, its checks, and the command line's --cluster/--fpc.

R's two-stage figures (``svydesign(id=~dnum+snum, fpc=~fpc1+fpc2, data=apiclus2)``) are compared
in test_stats_intervals.py; these tests cover what R refuses and how the options are read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from solidata.cli import main
from solidata.core.errors import SolidataError
from solidata.core.stats import SurveyDesign, estimate_mean, estimate_total

DATA = Path(__file__).parents[1] / "data" / "survey"
TWO_STAGE = SurveyDesign(cluster="dnum", subcluster="snum", fpc="fpc1", fpc2="fpc2")


@pytest.fixture(scope="module")
def apiclus2() -> pd.DataFrame:
    return pd.read_csv(DATA / "apiclus2.csv").astype({"fpc2": float})


def codes(call: Callable[[], object]) -> list[str]:
    with pytest.raises(SolidataError) as caught:
        call()
    return list(caught.value.codes)


def test_weights_from_both_fpcs_are_the_published_weights(apiclus2: pd.DataFrame) -> None:
    with_weights = SurveyDesign(
        cluster="dnum", subcluster="snum", fpc="fpc1", fpc2="fpc2", weight="pw"
    )
    a = estimate_total(apiclus2, "enroll", design=TWO_STAGE).estimates[0]
    b = estimate_total(apiclus2, "enroll", design=with_weights).estimates[0]
    assert (a.estimate, a.se) == pytest.approx((b.estimate, b.se), rel=1e-6)


def test_a_second_stage_fpc_given_as_fractions_equals_one_given_as_sizes(
    apiclus2: pd.DataFrame,
) -> None:
    sampled = apiclus2.groupby("dnum")["snum"].transform("nunique")
    frame = apiclus2.assign(frac2=sampled / apiclus2["fpc2"], frac1=40 / apiclus2["fpc1"])
    as_fractions = SurveyDesign(cluster="dnum", subcluster="snum", fpc="frac1", fpc2="frac2")
    a = estimate_mean(frame, "api00", design=TWO_STAGE).estimates[0]
    b = estimate_mean(frame, "api00", design=as_fractions).estimates[0]
    assert (a.estimate, a.se) == pytest.approx((b.estimate, b.se), rel=1e-9)


def test_a_cluster_with_one_sampled_unit_of_several_is_refused_as_r_does(
    apiclus2: pd.DataFrame,
) -> None:
    # R: "Stratum (1.15) has only one PSU at stage 2"; a cluster whose only unit was taken is fine.
    assert apiclus2.loc[apiclus2["dnum"] == 15, "fpc2"].tolist() == [1.0]
    frame = apiclus2.assign(fpc2=apiclus2["fpc2"].where(apiclus2["dnum"] != 15, 5.0))
    assert codes(lambda: estimate_mean(frame, "api00", design=TWO_STAGE)) == [
        "stats.singleton_cluster"
    ]


def test_a_second_stage_fpc_must_be_one_value_per_cluster(apiclus2: pd.DataFrame) -> None:
    first = apiclus2.index[apiclus2.groupby("dnum")["snum"].transform("nunique") > 1][0]
    frame = apiclus2.copy()
    frame.loc[first, "fpc2"] = frame.loc[first, "fpc2"] + 1
    assert codes(lambda: estimate_mean(frame, "api00", design=TWO_STAGE)) == [
        "stats.fpc2_not_constant"
    ]


def test_a_second_stage_population_smaller_than_its_sample_is_refused(
    apiclus2: pd.DataFrame,
) -> None:
    big = apiclus2.groupby("dnum")["snum"].nunique().idxmax()
    frame = apiclus2.assign(fpc2=apiclus2["fpc2"].where(apiclus2["dnum"] != big, 2.0))
    assert codes(lambda: estimate_mean(frame, "api00", design=TWO_STAGE)) == ["stats.fpc2_invalid"]


def test_a_second_stage_fpc_needs_both_stages_and_the_first_fpc() -> None:
    with pytest.raises(ValueError, match="second-stage fpc"):
        SurveyDesign(cluster="dnum", subcluster="snum", fpc2="fpc2")
    with pytest.raises(ValueError, match="second-stage fpc"):
        SurveyDesign(cluster="dnum", fpc="fpc1", fpc2="fpc2")


def test_the_command_line_reads_cluster_and_fpc_twice_as_rs_two_stage_design() -> None:
    args = ["--cluster", "dnum", "--cluster", "snum", "--fpc", "fpc1", "--fpc", "fpc2"]
    result = CliRunner().invoke(
        main, ["estimate", str(DATA / "apiclus2.csv"), "--mean", "api00", *args]
    )
    assert result.exit_code == 0, result.output
    assert "warning:" not in result.stderr
    row = next(line for line in result.output.splitlines() if line.startswith("api00"))
    assert row.split()[1:3] == ["670.81", "30.099"]  # R's svymean(~api00, dclus2)


def test_a_second_fpc_without_a_second_stage_is_a_usage_error() -> None:
    args = ["--cluster", "dnum", "--fpc", "fpc1", "--fpc", "fpc2"]
    result = CliRunner().invoke(
        main, ["estimate", str(DATA / "apiclus2.csv"), "--mean", "api00", *args]
    )
    assert result.exit_code == 2
    assert "--fpc at most once per --cluster" in result.output
