"""`solidata estimate`: the command line over solidata.core.stats, run through click's CliRunner.

The expected numbers are R's printed values (survey package; see tests/core/test_stats.py for
their sources); the shape of the JSON output is the documented one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner, Result

from solidata.cli import main

DATA = Path(__file__).parents[1] / "data" / "survey"
APISTRAT = str(DATA / "apistrat.csv")
APICLUS1 = str(DATA / "apiclus1.csv")
STRAT = ["--strata", "stype", "--weight", "pw", "--fpc", "fpc"]
KEYS = {"by", "estimate", "se", "ci_low", "ci_high", "df", "n"}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["estimate", *args])


def test_it_prints_the_stratified_mean_with_rs_digits() -> None:
    result = run(APISTRAT, "--mean", "api00", *STRAT)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("api00"))
    assert row.split()[1:3] == ["662.29", "9.4089"]
    assert "Stratified sample" in result.output
    assert "Wald" in result.output


def test_it_prints_the_cluster_total_with_rs_digits() -> None:
    args = ["--cluster", "dnum", "--weight", "pw", "--fpc", "fpc"]
    result = run(APICLUS1, "--total", "enroll", *args)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("enroll"))
    assert row.split()[1:3] == ["3404940", "932235"]


def test_json_output_is_one_item_with_a_null_by_without_groups() -> None:
    result = run(APISTRAT, "--total", "enroll", *STRAT, "--format", "json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert len(items) == 1 and set(items[0]) == KEYS
    assert items[0]["by"] is None and items[0]["n"] == 200
    assert round(items[0]["estimate"]) == 3687178 and round(items[0]["se"]) == 114642
    assert items[0]["ci_low"] < items[0]["estimate"] < items[0]["ci_high"]


def test_json_output_has_one_item_per_group() -> None:
    result = run(APISTRAT, "--mean", "api00", *STRAT, "--by", "both", "--format", "json")
    items = json.loads(result.output)
    assert [item["by"] for item in items] == ["No", "Yes"]
    assert all(set(item) == KEYS for item in items)
    assert [item["n"] for item in items] == [87, 113]


def test_json_proportions_have_one_item_per_category() -> None:
    result = run(APISTRAT, "--prop", "awards", *STRAT, "--by", "stype", "--format", "json")
    items = json.loads(result.output)
    assert all(set(item) == KEYS | {"category"} for item in items)
    assert [(item["by"], item["category"]) for item in items] == [
        (s, c) for s in "EHM" for c in ("No", "Yes")
    ]
    for stype in "EHM":
        shares = [item["estimate"] for item in items if item["by"] == stype]
        assert sum(shares) == pytest.approx(1.0)


def test_the_text_table_of_proportions_names_groups_and_categories() -> None:
    result = run(APISTRAT, "--prop", "awards", *STRAT, "--by", "stype")
    header = next(line for line in result.output.splitlines() if "proportion" in line.split())
    assert header.split()[:3] == ["stype", "awards", "proportion"]


def test_without_weights_it_warns_that_the_estimates_are_unweighted() -> None:
    result = CliRunner().invoke(main, ["estimate", APISTRAT, "--mean", "api00"])
    assert result.exit_code == 0
    assert "unweighted" in result.output
    assert "warning:" in result.stderr and "every row counts once" in result.stderr


def test_missing_values_of_the_variable_are_left_out() -> None:
    result = run(APISTRAT, "--mean", "acs_k3", *STRAT, "--format", "json")
    assert json.loads(result.output)[0]["n"] == 97


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.csv"), "--mean", "api00")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_column_is_an_error_naming_it() -> None:
    result = run(APISTRAT, "--mean", "api01", *STRAT)
    assert result.exit_code == 1
    assert "column api01" in result.stderr


def test_errors_are_json_when_json_is_asked_for() -> None:
    result = run(APISTRAT, "--mean", "api01", "--format", "json")
    assert result.exit_code == 1
    assert [p["code"] for p in json.loads(result.stdout)] == ["stats.column_missing"]


def test_a_text_column_cannot_be_averaged() -> None:
    result = run(APISTRAT, "--mean", "sname", *STRAT, "--format", "json")
    assert result.exit_code == 1
    (found,) = json.loads(result.stdout)
    assert (found["code"], found["row"], found["column"]) == ("stats.not_numeric", 2, "sname")


def test_a_stratum_with_a_single_cluster_is_an_error(tmp_path: Path) -> None:
    frame = pd.read_csv(APISTRAT)
    frame.loc[0, "stype"] = "X"
    path = tmp_path / "lonely.csv"
    frame.to_csv(path, index=False)
    result = run(str(path), "--mean", "api00", "--strata", "stype", "--weight", "pw")
    assert result.exit_code == 1
    assert "stratum X has a single sampled cluster" in result.stderr


def test_weights_must_be_positive(tmp_path: Path) -> None:
    frame = pd.read_csv(APISTRAT)
    frame.loc[5, "pw"] = 0
    path = tmp_path / "zero.csv"
    frame.to_csv(path, index=False)
    result = run(str(path), "--mean", "api00", *STRAT, "--format", "json")
    assert result.exit_code == 1
    (found,) = json.loads(result.stdout)
    assert (found["code"], found["row"]) == ("stats.weight_not_positive", 7)


def test_a_file_that_is_not_csv_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfe\x00\x00garbage\x81")
    result = run(str(path), "--mean", "api00")
    assert result.exit_code == 1
    assert "could not be read" in result.stderr


@pytest.mark.parametrize("choice", [[], ["--mean", "api00", "--total", "enroll"]])
def test_exactly_one_statistic_must_be_asked_for(choice: list[str]) -> None:
    result = run(APISTRAT, *choice)
    assert result.exit_code == 2
    assert "exactly one of --mean, --prop or --total" in result.output


def test_the_help_has_a_summary_and_an_example() -> None:
    result = CliRunner().invoke(main, ["estimate", "--help"])
    assert "Estimate a mean, proportions or a total" in result.output
    assert "Example:" in result.output and "solidata estimate" in result.output
    listing = CliRunner().invoke(main, ["--help"]).output
    assert "estimate" in listing


APICLUS2 = str(DATA / "apiclus2.csv")
TWO_STAGE = ["--cluster", "dnum", "--cluster", "snum", "--weight", "pw"]


def test_every_estimate_shows_its_degrees_of_freedom() -> None:
    result = run(
        APICLUS1, "--mean", "api00", "--cluster", "dnum", "--weight", "pw", "--by", "stype"
    )
    lines = result.output.splitlines()
    header = next(line for line in lines if "mean" in line.split())
    assert header.split()[-2:] == ["df", "n"]
    rows = [line.split() for line in lines if line.split()[:1] in (["E"], ["H"], ["M"])]
    assert [row[-2] for row in rows] == ["14", "7", "11"]  # R: degf(subset(dclus1, stype == g))


def test_a_t_interval_uses_the_design_degrees_of_freedom_as_rs_confint() -> None:
    # R: confint(svymean(~api00, dclus1), df = degf(dclus1)) = 593.6763 .. 694.6625
    args = ["--cluster", "dnum", "--weight", "pw", "--fpc", "fpc", "--ci", "t"]
    result = run(APICLUS1, "--mean", "api00", *args)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("api00"))
    assert row.split()[3:6] == ["593.68", "694.66", "14"]
    assert "Student's t" in result.output


def test_proportions_get_rs_svyciprop_logit_interval_by_default() -> None:
    # R: svyciprop(~I(sch.wide == "Yes"), dclus1) = 0.8743, 2.5% 0.8238, 97.5% 0.9119
    args = ["--cluster", "dnum", "--weight", "pw", "--fpc", "fpc", "--format", "json"]
    items = json.loads(run(APICLUS1, "--prop", "sch_wide", *args).output)
    yes = next(item for item in items if item["category"] == "Yes")
    assert (round(yes["ci_low"], 4), round(yes["ci_high"], 4), yes["df"]) == (0.8238, 0.9119, 14)


def test_a_logit_interval_for_a_mean_is_an_input_error() -> None:
    result = run(APISTRAT, "--mean", "api00", *STRAT, "--ci", "logit", "--format", "json")
    assert result.exit_code == 1
    assert [p["code"] for p in json.loads(result.stdout)] == ["stats.ci_method_invalid"]


def test_a_two_stage_sample_with_only_a_first_stage_fpc_gets_a_warning() -> None:
    result = run(APICLUS2, "--mean", "api00", *TWO_STAGE, "--fpc", "fpc1")
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "second stage (snum within dnum)" in result.stderr
    assert "Two-stage cluster sample" in result.output
    without_fpc = run(APICLUS2, "--mean", "api00", *TWO_STAGE)
    assert "warning:" not in without_fpc.stderr
    row = next(line for line in without_fpc.output.splitlines() if line.startswith("api00"))
    assert row.split()[1:3] == ["670.81", "30.712"]  # R: svydesign(id=~dnum+snum, weights=~pw)


def test_more_than_two_stages_is_a_usage_error() -> None:
    result = run(APICLUS2, "--mean", "api00", *TWO_STAGE, "--cluster", "cds")
    assert result.exit_code == 2
    assert "at most twice" in result.output
