"""Survey estimates, checked against R's survey package and against an independent oracle.

Golden values, to the digits R prints:

* apistrat, ``svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc)``: ``svymean(~api00)``
  662.29 (SE 9.4089) and ``svytotal(~enroll, na.rm=TRUE)`` 3687178 (SE 114642) -- R's own test
  output ``tests/testoutput/api.Rout.saved`` (via shared/reference/survey-validation).
* apiclus1, ``svydesign(id=~dnum, weights=~pw, fpc=~fpc)``: ``svymean(~api00)`` 644.17 (SE 23.542)
  and ``svytotal(~enroll)`` 3404940 (SE 932235) -- R's documentation and vignettes (``?svydesign``
  examples, "A survey analysis example"). Not in the reference folder: they are accepted here
  because the oracle below reproduces them independently (see the first test).

For everything R does not publish (domains, proportions, stratified clusters, missing values,
fractions as fpc, post-stratification, certainty PSUs) the expected values come from ``oracle``:
a plain numpy implementation of R's documented formulas (Lumley, *Complex Surveys*, 2010, ch. 2-3;
``survey::svyrecvar``), written here without svy or Solidata code:

* Horvitz-Thompson total ``sum w_i y_i``; mean as the ratio ``sum w_i y_i / sum w_i``.
* Linearised scores: ``w_i y_i`` for a total, ``w_i (y_i - mean) / sum w`` for a mean; a domain
  (and ``na.rm=TRUE``) sets the scores of rows outside it to 0 and keeps the whole design.
* Variance: the scores are summed per PSU; within each stratum ``h`` with ``n_h`` PSUs,
  ``(1 - f_h) n_h / (n_h - 1) sum_j (t_hj - mean_h)^2``, added over strata; ``f_h = n_h / N_h``.
* fpc values all at most 1 are sampling fractions (``N_h = n_h / f_h``), otherwise ``N_h``.
* Post-stratification (R's ``postStratify``): scores ``w_i (z_i - zbar_g)`` with ``zbar_g`` the
  mean of ``z`` in post-stratum ``g`` under the weights before post-stratification.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidata.core.errors import SolidataError
from solidata.core.stats import (
    EstimateResult,
    PostStrata,
    Statistic,
    SurveyDesign,
    design_weights,
    estimate,
    estimate_mean,
    estimate_proportions,
    estimate_total,
    poststratified_weights,
    r_format,
)

DATA = Path(__file__).parents[1] / "data" / "survey"
STRAT = SurveyDesign(strata="stype", weight="pw", fpc="fpc")  # R's dstrat
CLUS1 = SurveyDesign(cluster="dnum", weight="pw", fpc="fpc")  # R's dclus1
NUMERIC: tuple[Statistic, ...] = ("mean", "total")
POP_TYPES = {"E": 4421, "H": 755, "M": 1018}  # schools per type in California (R's pop.types)


@pytest.fixture(scope="module")
def apistrat() -> pd.DataFrame:
    return pd.read_csv(DATA / "apistrat.csv")


@pytest.fixture(scope="module")
def apiclus1() -> pd.DataFrame:
    return pd.read_csv(DATA / "apiclus1.csv")


# --- the oracle: R's formulas in numpy --------------------------------------------------------


def oracle(
    frame: pd.DataFrame,
    variable: str,
    *,
    statistic: Statistic,
    design: SurveyDesign,
    domain: np.ndarray | None = None,
    category: str | None = None,
) -> tuple[float, float]:
    """(estimate, SE) by Lumley's formulas; ``category`` makes ``variable`` a 0/1 indicator."""
    n = len(frame)
    h = frame[design.strata].astype(str).to_numpy() if design.strata else np.full(n, "all")
    ids = frame[design.cluster].astype(str).to_numpy() if design.cluster else np.arange(n)
    psu = np.char.add(np.char.add(h.astype(str), "|"), ids.astype(str))
    popsize = _popsize(frame, design.fpc, h, psu) if design.fpc else None
    if design.weight:
        w = frame[design.weight].to_numpy(dtype=float)
    elif popsize:
        n_h = {s: len(set(psu[h == s])) for s in set(h)}
        w = np.array([popsize[s] / n_h[s] for s in h])
    else:
        w = np.ones(n)
    if category is None:
        y = frame[variable].to_numpy(dtype=float)
    else:
        raw = frame[variable]
        y = np.where(raw.isna(), np.nan, (raw.astype(str) == category).astype(float))
    d = ~np.isnan(y) & (np.ones(n, bool) if domain is None else domain)
    y = np.where(d, y, 0.0)
    w0 = w
    if design.poststrata:
        cells = frame[design.poststrata.column].astype(str).to_numpy()
        sums = {g: w0[cells == g].sum() for g in set(cells)}
        w = np.array([w0[i] * design.poststrata.totals[g] / sums[g] for i, g in enumerate(cells)])
    total = float((w * d * y).sum())
    size = float((w * d).sum())
    if statistic == "total":
        z, value = d * y, total
    else:
        z, value = d * (y - total / size) / size, total / size
    scores = w * z
    if design.poststrata:
        for g in set(cells):
            in_g = cells == g
            scores[in_g] = w[in_g] * (z[in_g] - (w0[in_g] * z[in_g]).sum() / w0[in_g].sum())
    return value, float(np.sqrt(_variance(scores, h, psu, popsize)))


def _popsize(frame: pd.DataFrame, fpc: str, h: np.ndarray, psu: np.ndarray) -> dict[str, float]:
    values = frame[fpc].to_numpy(dtype=float)
    sizes = {}
    for s in set(h):
        n_h = len(set(psu[h == s]))
        value = values[h == s][0]
        sizes[s] = n_h / value if (values <= 1).all() else value
    return sizes


def _variance(
    scores: np.ndarray, h: np.ndarray, psu: np.ndarray, popsize: dict[str, float] | None
) -> float:
    variance = 0.0
    for s in set(h):
        _, which = np.unique(psu[h == s], return_inverse=True)
        totals = np.bincount(which, weights=scores[h == s])
        n_h = len(totals)
        if n_h == 1:
            continue  # only a certainty PSU (f_h = 1) gets here: no variance
        f = n_h / popsize[s] if popsize else 0.0
        variance += (1 - f) * n_h / (n_h - 1) * ((totals - totals.mean()) ** 2).sum()
    return variance


def assert_matches_oracle(
    result: EstimateResult,
    frame: pd.DataFrame,
    statistic: Statistic,
    design: SurveyDesign,
    by: str | None = None,
) -> None:
    for e in result.estimates:
        domain = None if by is None else (frame[by].astype(str) == e.by).to_numpy()
        want = oracle(
            frame,
            result.variable,
            statistic=statistic,
            design=design,
            domain=domain,
            category=e.category,
        )
        assert e.estimate == pytest.approx(want[0], rel=1e-9, abs=1e-12)
        assert e.se == pytest.approx(want[1], rel=1e-7, abs=1e-9)


def printed(value: float) -> str:
    """What R prints for a survey estimate: 5 significant digits, the integer part never rounded."""
    decimals = max(0, 4 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


# --- R's published values ---------------------------------------------------------------------


def test_the_oracle_reproduces_rs_published_values(
    apistrat: pd.DataFrame, apiclus1: pd.DataFrame
) -> None:
    cases = [
        (apistrat, "api00", "mean", STRAT, ("662.29", "9.4089")),
        (apistrat, "enroll", "total", STRAT, ("3687178", "114642")),
        (apiclus1, "api00", "mean", CLUS1, ("644.17", "23.542")),
        (apiclus1, "enroll", "total", CLUS1, ("3404940", "932235")),
    ]
    for frame, variable, statistic, design, (value, se) in cases:
        got = oracle(frame, variable, statistic=statistic, design=design)
        assert (printed(got[0]), printed(got[1])) == (value, se)


def test_the_stratified_mean_matches_r(apistrat: pd.DataFrame) -> None:
    result = estimate_mean(apistrat, "api00", design=STRAT)
    e = result.estimates[0]
    assert (printed(e.estimate), printed(e.se)) == ("662.29", "9.4089")
    assert (e.by, e.category, e.n) == (None, None, 200)
    assert result.weighted and result.warnings == ()


def test_the_stratified_total_matches_r(apistrat: pd.DataFrame) -> None:
    e = estimate_total(apistrat, "enroll", design=STRAT).estimates[0]
    assert (printed(e.estimate), printed(e.se)) == ("3687178", "114642")


def test_the_cluster_mean_matches_r(apiclus1: pd.DataFrame) -> None:
    e = estimate_mean(apiclus1, "api00", design=CLUS1).estimates[0]
    assert (printed(e.estimate), printed(e.se)) == ("644.17", "23.542")


def test_the_cluster_total_matches_r(apiclus1: pd.DataFrame) -> None:
    e = estimate_total(apiclus1, "enroll", design=CLUS1).estimates[0]
    assert (printed(e.estimate), printed(e.se)) == ("3404940", "932235")


def test_a_csv_path_gives_the_same_estimate_as_a_frame(apistrat: pd.DataFrame) -> None:
    from_path = estimate_mean(DATA / "apistrat.csv", "api00", design=STRAT)
    from_frame = estimate_mean(apistrat, "api00", design=STRAT)
    assert from_path.estimates == from_frame.estimates


def test_confidence_intervals_are_wald_intervals_with_the_normal_quantile(
    apistrat: pd.DataFrame,
) -> None:
    e = estimate_mean(apistrat, "api00", design=STRAT).estimates[0]
    # R: confint(svymean(~api00, dstrat)) uses qnorm(0.975) = 1.959964
    assert (e.estimate - e.ci_low) / e.se == pytest.approx(1.959964, abs=1e-6)
    assert (e.ci_high - e.estimate) / e.se == pytest.approx(1.959964, abs=1e-6)


# --- domains, proportions and designs R does not publish: the oracle ---------------------------


@pytest.mark.parametrize("by", ["stype", "both", "awards"])
@pytest.mark.parametrize("statistic", ["mean", "total"])
def test_domain_estimates_keep_the_full_design_as_rs_svyby(
    apistrat: pd.DataFrame, apiclus1: pd.DataFrame, by: str, statistic: Statistic
) -> None:
    for frame, design in [(apistrat, STRAT), (apiclus1, CLUS1)]:
        result = estimate(frame, "api00", statistic=statistic, design=design, by=by)
        assert [e.by for e in result.estimates] == sorted(frame[by].unique())
        assert_matches_oracle(result, frame, statistic, design, by=by)


def test_rows_without_a_group_belong_to_no_group(apistrat: pd.DataFrame) -> None:
    frame = apistrat.assign(group=apistrat["both"].where(apistrat.index % 7 != 0))
    result = estimate_mean(frame, "api00", design=STRAT, by="group")
    assert [e.by for e in result.estimates] == ["No", "Yes"]
    assert sum(e.n for e in result.estimates) == frame["group"].notna().sum()
    assert_matches_oracle(result, frame, "mean", STRAT, by="group")


def test_domain_sizes_count_the_rows_of_each_group(apistrat: pd.DataFrame) -> None:
    result = estimate_mean(apistrat, "api00", design=STRAT, by="both")
    assert {e.by: e.n for e in result.estimates} == apistrat["both"].value_counts().to_dict()


@pytest.mark.parametrize("by", [None, "stype", "both"])
def test_proportions_give_one_estimate_per_category(apiclus1: pd.DataFrame, by: str | None) -> None:
    result = estimate_proportions(apiclus1, "sch_wide", design=CLUS1, by=by)
    assert {e.category for e in result.estimates} == {"No", "Yes"}
    assert_matches_oracle(result, apiclus1, "mean", CLUS1, by=by)
    for group in {e.by for e in result.estimates}:
        shares = [e.estimate for e in result.estimates if e.by == group]
        assert sum(shares) == pytest.approx(1.0)


def test_proportions_of_the_stratum_variable_have_no_sampling_error(apistrat: pd.DataFrame) -> None:
    result = estimate_proportions(apistrat, "stype", design=STRAT)
    shares = {e.category: e.estimate for e in result.estimates}
    assert shares == pytest.approx({s: n / sum(POP_TYPES.values()) for s, n in POP_TYPES.items()})
    assert all(e.se == pytest.approx(0, abs=1e-8) for e in result.estimates)


def test_a_stratified_cluster_design_nests_clusters_in_strata(apistrat: pd.DataFrame) -> None:
    design = SurveyDesign(strata="stype", cluster="dnum", weight="pw")
    assert apistrat.groupby("dnum")["stype"].nunique().max() > 1  # codes repeat across strata
    for statistic in NUMERIC:
        result = estimate(apistrat, "api00", statistic=statistic, design=design, by="both")
        assert_matches_oracle(result, apistrat, statistic, design, by="both")


def test_a_stratified_cluster_design_takes_sampling_fractions_as_fpc(
    apistrat: pd.DataFrame,
) -> None:
    frame = apistrat.assign(frac=apistrat["stype"].map({"E": 0.05, "H": 0.1, "M": 0.25}))
    design = SurveyDesign(strata="stype", cluster="dnum", weight="pw", fpc="frac")
    result = estimate_mean(frame, "api00", design=design)
    assert result.summary.fpc_kind == "fraction"
    assert_matches_oracle(result, frame, "mean", design)


def test_an_fpc_given_as_fractions_equals_one_given_as_population_sizes(
    apistrat: pd.DataFrame,
) -> None:
    sampled = apistrat.groupby("stype")["stype"].transform("size")
    frame = apistrat.assign(frac=sampled / apistrat["fpc"])
    as_fraction = SurveyDesign(strata="stype", weight="pw", fpc="frac")
    for statistic in NUMERIC:
        a = estimate(frame, "api00", statistic=statistic, design=STRAT, by="both")
        b = estimate(frame, "api00", statistic=statistic, design=as_fraction, by="both")
        for x, y in zip(a.estimates, b.estimates, strict=True):
            assert (x.estimate, x.se) == pytest.approx((y.estimate, y.se), rel=1e-12)


def test_missing_values_are_left_out_as_a_domain_like_rs_na_rm(apistrat: pd.DataFrame) -> None:
    assert apistrat["acs_k3"].isna().sum() == 103
    for statistic in NUMERIC:
        result = estimate(apistrat, "acs_k3", statistic=statistic, design=STRAT)
        assert result.estimates[0].n == 97
        assert_matches_oracle(result, apistrat, statistic, STRAT)
        by_group = estimate(apistrat, "acs_k3", statistic=statistic, design=STRAT, by="both")
        assert_matches_oracle(by_group, apistrat, statistic, STRAT, by="both")


def test_dropping_rows_with_missing_values_would_give_another_standard_error(
    apistrat: pd.DataFrame,
) -> None:
    kept = estimate_mean(apistrat, "acs_k3", design=STRAT).estimates[0]
    dropped = estimate_mean(apistrat.dropna(subset=["acs_k3"]), "acs_k3", design=STRAT)
    assert kept.estimate == pytest.approx(dropped.estimates[0].estimate)
    assert kept.se != pytest.approx(dropped.estimates[0].se, rel=1e-6)


def test_missing_categories_are_left_out_of_the_proportions(apistrat: pd.DataFrame) -> None:
    frame = apistrat.assign(award=apistrat["awards"].where(apistrat["target"].notna()))
    result = estimate_proportions(frame, "award", design=STRAT)
    assert [e.n for e in result.estimates] == [180, 180]
    assert_matches_oracle(result, frame, "mean", STRAT)


def test_without_weights_the_estimates_are_flagged_unweighted(apistrat: pd.DataFrame) -> None:
    result = estimate_mean(apistrat, "api00")
    e = result.estimates[0]
    assert result.weighted is False
    assert [w.code for w in result.warnings] == ["stats.unweighted"]
    assert e.estimate == pytest.approx(apistrat["api00"].mean())
    assert e.se == pytest.approx(apistrat["api00"].std() / np.sqrt(200))
    total = estimate_total(apistrat, "api00").estimates[0]
    assert total.estimate == pytest.approx(apistrat["api00"].sum())


def test_an_fpc_without_weights_gives_the_weights_as_r_does(apistrat: pd.DataFrame) -> None:
    result = estimate_mean(apistrat, "api00", design=SurveyDesign(strata="stype", fpc="fpc"))
    e = result.estimates[0]
    assert result.weighted and result.summary.weight_source == "fpc"
    assert (printed(e.estimate), printed(e.se)) == ("662.29", "9.4089")


def test_design_weights_from_population_sizes_are_the_published_weights(
    apistrat: pd.DataFrame,
) -> None:
    weights = design_weights(apistrat, strata="stype", population=POP_TYPES)
    assert weights.weights.to_numpy() == pytest.approx(apistrat["pw"].to_numpy(), rel=1e-6)
    assert weights.fpc.tolist() == apistrat["fpc"].tolist()
    assert [(s.stratum, s.sampled) for s in weights.strata] == [("E", 100), ("H", 50), ("M", 50)]


def test_design_weights_count_the_clusters_of_a_sampling_frame(apiclus1: pd.DataFrame) -> None:
    frame = pd.DataFrame({"dnum": range(757), "school": range(757)})  # 757 districts
    weights = design_weights(apiclus1, cluster="dnum", population=frame)
    assert set(weights.weights) == {757 / 15}


def test_post_stratification_matches_rs_post_stratified_variance(apiclus1: pd.DataFrame) -> None:
    design = SurveyDesign(
        cluster="dnum", weight="pw", fpc="fpc", poststrata=PostStrata("stype", POP_TYPES)
    )
    for variable, statistic in zip(["api00", "enroll"], NUMERIC, strict=True):
        result = estimate(apiclus1, variable, statistic=statistic, design=design)
        assert_matches_oracle(result, apiclus1, statistic, design)
        by_group = estimate(apiclus1, variable, statistic=statistic, design=design, by="both")
        assert_matches_oracle(by_group, apiclus1, statistic, design, by="both")


def test_post_stratified_counts_hit_the_population_totals(apiclus1: pd.DataFrame) -> None:
    frame = apiclus1.assign(one=1.0)
    design = SurveyDesign(cluster="dnum", weight="pw", poststrata=PostStrata("stype", POP_TYPES))
    result = estimate_total(frame, "one", design=design, by="stype")
    assert {e.by: e.estimate for e in result.estimates} == pytest.approx(POP_TYPES)
    assert all(e.se == pytest.approx(0, abs=1e-6) for e in result.estimates)
    weights = poststratified_weights(frame, column="stype", totals=POP_TYPES, weight="pw")
    assert weights.groupby(frame["stype"]).sum().to_dict() == pytest.approx(POP_TYPES)


def test_a_certainty_psu_alone_in_its_stratum_adds_no_variance(apistrat: pd.DataFrame) -> None:
    extra = pd.DataFrame({"stype": ["Z"], "pw": [1.0], "fpc": [1.0], "api00": [700]})
    frame = pd.concat([apistrat[["stype", "pw", "fpc", "api00"]], extra], ignore_index=True)
    result = estimate_total(frame, "api00", design=STRAT)
    assert_matches_oracle(result, frame, "total", STRAT)


def test_a_group_with_no_values_is_reported_as_a_warning(apistrat: pd.DataFrame) -> None:
    frame = apistrat.assign(group=np.where(apistrat["target"].isna(), "none", apistrat["both"]))
    result = estimate_mean(frame, "target", design=STRAT, by="group")
    assert [e.by for e in result.estimates] == ["No", "Yes"]
    assert [w.code for w in result.warnings] == ["stats.empty_domain"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.data(),
    st.integers(min_value=1, max_value=3),
    st.booleans(),
    st.sampled_from(["mean", "total"]),
)
def test_random_stratified_cluster_samples_match_the_oracle(
    data: st.DataObject, n_strata: int, with_fpc: bool, statistic: Statistic
) -> None:
    rows = []
    for h in range(n_strata):
        n_psu = data.draw(st.integers(min_value=2, max_value=4))
        for c in range(n_psu):
            for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
                y = data.draw(st.one_of(st.none(), st.floats(-50, 50, allow_nan=False)))
                rows.append((f"s{h}", c, 10.0 + h + c, 10.0 * (h + 1), y, data.draw(st.booleans())))
    frame = pd.DataFrame(rows, columns=["h", "c", "w", "N", "y", "g"]).astype({"y": float})
    frame["g"] = frame["g"].map({True: "a", False: "b"})
    if frame["y"].isna().all():
        frame.loc[0, "y"] = 1.0
    design = SurveyDesign(strata="h", cluster="c", weight="w", fpc="N" if with_fpc else None)
    result = estimate(frame, "y", statistic=statistic, design=design)
    assert_matches_oracle(result, frame, statistic, design)


# --- bad input: one catalogue code each --------------------------------------------------------


def codes(call: Callable[[], object]) -> list[str]:
    with pytest.raises(SolidataError) as caught:
        call()
    return list(caught.value.codes)


def test_it_names_every_missing_column(apistrat: pd.DataFrame) -> None:
    design = SurveyDesign(strata="kind", weight="pw")
    got = codes(lambda: estimate_mean(apistrat, "api01", design=design))
    assert got == ["stats.column_missing", "stats.column_missing"]


def test_it_rejects_text_in_a_mean_or_total(apistrat: pd.DataFrame) -> None:
    assert codes(lambda: estimate_mean(apistrat, "sname")) == ["stats.not_numeric"]
    with pytest.raises(SolidataError) as caught:
        estimate_total(apistrat, "stype", design=STRAT)
    assert caught.value.problems[0].row == 2 and caught.value.problems[0].column == "stype"


def test_it_rejects_a_stratum_with_a_single_cluster(apiclus1: pd.DataFrame) -> None:
    design = SurveyDesign(strata="stype", cluster="dnum", weight="pw")
    frame = apiclus1[(apiclus1["stype"] != "H") | (apiclus1["dnum"] == 716)]
    assert codes(lambda: estimate_mean(frame, "api00", design=design)) == [
        "stats.singleton_stratum"
    ]


def test_it_rejects_weights_that_are_not_positive(apistrat: pd.DataFrame) -> None:
    frame = apistrat.assign(pw=apistrat["pw"].where(apistrat.index != 3, 0.0))
    with pytest.raises(SolidataError) as caught:
        estimate_mean(frame, "api00", design=STRAT)
    assert caught.value.codes == ["stats.weight_not_positive"]
    assert caught.value.problems[0].row == 5


def test_it_rejects_missing_design_values(apistrat: pd.DataFrame) -> None:
    frame = apistrat.assign(pw=apistrat["pw"].where(apistrat.index != 0))
    frame["stype"] = frame["stype"].where(frame.index != 1)
    got = codes(lambda: estimate_mean(frame, "api00", design=STRAT))
    assert got == ["stats.design_value_missing", "stats.design_value_missing"]


def test_it_rejects_an_fpc_that_varies_within_a_stratum(apistrat: pd.DataFrame) -> None:
    frame = apistrat.assign(fpc=apistrat["fpc"].where(apistrat.index != 0, 5000))
    assert codes(lambda: estimate_mean(frame, "api00", design=STRAT)) == ["stats.fpc_not_constant"]


def test_it_rejects_a_population_smaller_than_the_sample(apistrat: pd.DataFrame) -> None:
    frame = apistrat.assign(fpc=apistrat["fpc"].where(apistrat["stype"] != "H", 40))
    assert codes(lambda: estimate_mean(frame, "api00", design=STRAT)) == ["stats.fpc_invalid"]


def test_it_rejects_post_strata_without_their_totals(apiclus1: pd.DataFrame) -> None:
    design = SurveyDesign(cluster="dnum", poststrata=PostStrata("stype", {"E": 4421, "X": 1}))
    assert codes(lambda: estimate_mean(apiclus1, "api00", design=design)) == [
        "stats.poststratum_total_missing",
        "stats.poststratum_total_missing",
        "stats.poststratum_not_sampled",
    ]


def test_it_rejects_a_variable_without_any_value(apistrat: pd.DataFrame) -> None:
    assert codes(lambda: estimate_mean(apistrat, "flag", design=STRAT)) == ["stats.no_data"]


def test_it_reports_a_missing_file() -> None:
    assert codes(lambda: estimate_mean(DATA / "nope.csv", "api00")) == ["file.not_found"]


def test_r_format_prints_at_least_five_significant_digits() -> None:
    assert [r_format(x) for x in (662.2873, 9.408940, 3687177.9, 114641.7, 0.5, 0.0)] == [
        "662.29",
        "9.4089",
        "3687178",
        "114642",
        "0.5",
        "0",
    ]
