"""Degrees of freedom and confidence intervals, checked against figures computed by R itself.

``tests/data/survey/r_reference.csv`` was made by ``tests/data/survey/r_reference.R`` (R 4.2.2,
survey 4.1.1; see the script for every R call): for apistrat (``dstrat``), apiclus1 (``dclus1``)
and the two-stage apiclus2 under three designs (``dclus2`` with both stages' fpc), the estimate,
SE, ``degf()`` and the interval of ``confint(x)`` (``wald``), ``confint(x, df = degf(d))``
(``t``) and ``svyciprop(method = "logit")`` (``logit``), overall, with missing values and for
the domains ``subset(d, stype == g)`` and ``subset(d, both == g)``. R is not needed to run these
tests. Numbers are compared as R prints them (5 significant digits).
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from solidata.core.stats import (
    CiMethod,
    EstimateResult,
    Statistic,
    SurveyDesign,
    degrees_of_freedom,
    estimate,
)
from solidata.core.stats.intervals import interval, quantile
from solidata.core.stats.reading import read_survey_csv

DATA = Path(__file__).parents[1] / "data" / "survey"
REFERENCE = pd.read_csv(DATA / "r_reference.csv", keep_default_na=False, na_values=[""])

# R's designs (r_reference.R) as Solidata designs, on the files they were computed from.
DESIGNS: dict[str, tuple[str, SurveyDesign]] = {
    "dstrat": ("apistrat.csv", SurveyDesign(strata="stype", weight="pw", fpc="fpc")),
    "dclus1": ("apiclus1.csv", SurveyDesign(cluster="dnum", weight="pw", fpc="fpc")),
    # R: svydesign(id=~dnum+snum, fpc=~fpc1+fpc2): the two-stage variance, weights from the fpcs.
    "dclus2": (
        "apiclus2.csv",
        SurveyDesign(cluster="dnum", subcluster="snum", fpc="fpc1", fpc2="fpc2"),
    ),
    # R: svydesign(id=~dnum+snum, weights=~pw): the first stage, with replacement.
    "dclus2wr": ("apiclus2.csv", SurveyDesign(cluster="dnum", subcluster="snum", weight="pw")),
    # R: svydesign(id=~dnum, fpc=~fpc1, weights=~pw): what a two-stage sample given only its
    # first-stage fpc gets here, with the warning stats.second_stage_fpc_missing.
    "dclus2fpc1": (
        "apiclus2.csv",
        SurveyDesign(cluster="dnum", subcluster="snum", weight="pw", fpc="fpc1"),
    ),
    # R: svydesign(id=~dnum+snum, strata=~half, fpc=~fpc1+fpc2), "half" the parity of dnum.
    "dclus2half": (
        "apiclus2.csv",
        SurveyDesign(strata="half", cluster="dnum", subcluster="snum", fpc="fpc1", fpc2="fpc2"),
    ),
}
COMPARED = REFERENCE
NUMBERS = ("estimate", "se", "ci_low", "ci_high")


def printed(value: float) -> str:
    """What R prints for a survey estimate: 5 significant digits, the integer part never rounded."""
    decimals = max(0, 4 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


@cache
def estimates(
    design_name: str, variable: str, statistic: Statistic, by: str | None, ci: CiMethod
) -> EstimateResult:
    """Solidata's estimates (every group and category) for one design, variable and interval,
    read from the CSV file as a user would; once, for all the rows of R's figures they give."""
    file, design = DESIGNS[design_name]
    data: pd.DataFrame | Path = DATA / file
    if design.strata == "half":
        frame = read_survey_csv(DATA / file)
        data = frame.assign(
            half=frame["dnum"].astype(int).map(lambda d: "odd" if d % 2 else "even")
        )
    return estimate(data, variable, statistic=statistic, design=design, by=by, ci=ci)


def solidata_figures(row: pd.Series) -> dict[str, object]:
    """Solidata's estimate for one row of R's figures."""
    by = row["by"] if isinstance(row["by"], str) else None
    statistic: Statistic = row["statistic"]
    result = estimates(row["design"], row["variable"], statistic, by, row["ci"])
    (found,) = [
        e
        for e in result.estimates
        if e.by == (row["group"] if by else None)
        and e.category == (row["category"] if statistic == "proportion" else None)
    ]
    return {
        "estimate": found.estimate,
        "se": found.se,
        "ci_low": found.ci_low,
        "ci_high": found.ci_high,
        "df": found.df,
    }


def test_the_reference_covers_every_design_interval_and_statistic() -> None:
    assert len(COMPARED) == 168
    assert set(COMPARED["design"]) == set(DESIGNS)
    assert set(COMPARED["ci"]) == {"wald", "t", "logit"}
    assert set(COMPARED["statistic"]) == {"mean", "total", "proportion"}
    assert set(COMPARED["by"].dropna()) == {"stype", "both"}


def test_every_estimate_se_df_and_interval_matches_r_to_the_printed_digits() -> None:
    mismatches, compared = [], 0
    for _, row in COMPARED.iterrows():
        got = solidata_figures(row)
        for key in NUMBERS:
            compared += 1
            if printed(float(got[key])) != printed(row[key]):  # type: ignore[arg-type]
                mismatches.append((row["design"], row["variable"], row["group"], row["ci"], key))
        compared += 1
        if got["df"] != row["df"]:
            mismatches.append((row["design"], row["variable"], row["group"], row["ci"], "df"))
    assert compared == 840
    assert mismatches == []


def test_domain_degrees_of_freedom_count_only_the_psus_of_the_group() -> None:
    rows = COMPARED[(COMPARED["design"] == "dclus1") & (COMPARED["by"] == "stype")]
    assert dict(zip(rows["group"], rows["df"], strict=False)) == {"E": 14, "H": 7, "M": 11}
    result = estimate(
        DATA / "apiclus1.csv",
        "api00",
        statistic="mean",
        design=DESIGNS["dclus1"][1],
        by="stype",
    )
    assert [e.df for e in result.estimates] == [14, 7, 11]  # dclus1 has 15 PSUs: df 14


def test_defaults_follow_r_normal_for_means_and_logit_for_proportions() -> None:
    file, design = DESIGNS["dclus1"]
    mean = estimate(DATA / file, "api00", statistic="mean", design=design)
    share = estimate(DATA / file, "sch_wide", statistic="proportion", design=design)
    assert (mean.ci, share.ci) == ("wald", "logit")
    e = mean.estimates[0]
    assert (e.ci_high - e.estimate) / e.se == pytest.approx(1.959964, abs=1e-6)
    for p in share.estimates:  # the logit interval is not symmetric, unlike Wald's
        assert p.ci_high - p.estimate != pytest.approx(p.estimate - p.ci_low, rel=1e-3)


def test_a_logit_interval_for_a_mean_is_refused() -> None:
    from solidata.core.errors import SolidataError

    with pytest.raises(SolidataError) as caught:
        estimate(DATA / "apistrat.csv", "api00", statistic="mean", ci="logit")
    assert caught.value.codes == ["stats.ci_method_invalid"]


def test_a_proportion_of_zero_or_one_has_the_single_point_interval_r_gives() -> None:
    assert interval("logit", 0.0, 0.0, df=14) == (0.0, 0.0)
    assert interval("logit", 1.0, 0.0, df=14) == (1.0, 1.0)


def test_without_degrees_of_freedom_the_t_interval_is_not_a_number_as_in_r() -> None:
    assert math.isnan(quantile("t", 0))
    assert quantile("t", math.inf) == pytest.approx(1.959964, abs=1e-6)


def test_degrees_of_freedom_are_psus_minus_strata() -> None:
    assert degrees_of_freedom(strata=["a"] * 3 + ["b"] * 2, psus=["1", "2", "3", "4", "4"]) == 2


def test_a_two_stage_sample_with_only_its_first_stage_fpc_is_warned_about() -> None:
    file, design = DESIGNS["dclus2fpc1"]
    result = estimate(DATA / file, "api00", statistic="mean", design=design)
    assert [w.code for w in result.warnings] == ["stats.second_stage_fpc_missing"]
    full = REFERENCE[
        (REFERENCE["design"] == "dclus2")
        & (REFERENCE["variable"] == "api00")
        & (REFERENCE["ci"] == "wald")
    ]
    # Why: R's two-stage SE (both fpcs) is larger than the first stage alone with its fpc.
    both = estimate(DATA / file, "api00", statistic="mean", design=DESIGNS["dclus2"][1])
    assert both.warnings == ()
    assert result.estimates[0].se < both.estimates[0].se
    assert (printed(result.estimates[0].se), printed(full["se"].iloc[0])) == ("29.889", "30.099")


def test_a_two_stage_sample_without_fpc_or_with_one_stage_is_not_warned_about() -> None:
    file, design = DESIGNS["dclus2wr"]
    result = estimate(DATA / file, "api00", statistic="mean", design=design)
    assert result.warnings == ()
    one_stage = SurveyDesign(cluster="dnum", weight="pw", fpc="fpc1")
    assert estimate(DATA / file, "api00", statistic="mean", design=one_stage).warnings == ()


def test_a_second_stage_needs_a_first_stage() -> None:
    with pytest.raises(ValueError, match="first-stage"):
        SurveyDesign(subcluster="snum")
