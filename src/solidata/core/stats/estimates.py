"""Design-based means, proportions and totals with standard errors and 95% confidence intervals.

Point estimates and standard errors come from the svy library (Taylor linearisation), which
reproduces R's ``survey`` package here: Horvitz-Thompson totals, means as ratio estimators
linearised, the with-replacement variance of PSU totals within strata times ``n_h / (n_h - 1)``
and the finite population correction ``1 - f_h``; post-stratified designs use the residuals from
the post-stratum means, as R's ``postStratify`` does. The test suite checks all of it against R's
published values and an independent numpy implementation of those formulas.

What is done here rather than in svy, to match R:

* **Confidence intervals** and **degrees of freedom** are computed as R computes them, in
  :mod:`solidata.core.stats.intervals`: by default Wald intervals with the normal quantile for
  means and totals (R's ``confint()``) and logit intervals with Student's t on the design degrees
  of freedom for proportions (R's ``svyciprop``); ``ci="t"`` gives R's ``confint(x, df =
  degf(design))``. Every estimate carries its degrees of freedom (R's ``degf()``).
* **Missing values** of the variable are handled as R's ``na.rm=TRUE``: the rows stay in the
  design and are left out as a domain (zero weight), so the variance keeps every stratum and PSU.
  Rows whose ``by`` group is missing belong to no group. ``n`` counts the rows used.
* **Domains** (``by``) are subpopulations of the full design (R's ``svyby``): the design, its
  strata and PSUs are kept for the variance; a group is not analysed as a separate sample.
* **Weights** from the fpc, the checks and the errors are in :mod:`solidata.core.stats.design`.

Example::

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0]})
    >>> result = estimate_mean(frame, "x")
    >>> round(result.estimates[0].estimate, 2), result.weighted
    (2.5, False)
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import svy
from svy.core.design import PopSize

from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.stats.design import (
    BY,
    CELL,
    FPC,
    FPC2,
    PSU,
    SSU,
    STRATUM,
    WEIGHT,
    DesignSummary,
    PreparedSample,
    Statistic,
    SurveyDesign,
    Y,
    prepare_sample,
)
from solidata.core.stats.intervals import (
    CI_METHODS,
    CONFIDENCE,
    DESCRIPTIONS,
    CiMethod,
    default_ci,
    degrees_of_freedom,
    interval,
)
from solidata.core.stats.reading import read_survey_csv


@dataclass(frozen=True)
class Estimate:
    """One estimate: for a group ``by`` (or overall, ``None``) and a ``category`` (proportions)."""

    by: str | None
    category: str | None
    estimate: float
    se: float
    ci_low: float
    ci_high: float
    n: int
    df: int  # R's degf() of the design, or of the group's subset


@dataclass(frozen=True)
class EstimateResult:
    """Estimates of one statistic of one variable, with what they rest on and any warnings."""

    statistic: Statistic
    variable: str
    by: str | None
    estimates: tuple[Estimate, ...]
    summary: DesignSummary
    warnings: tuple[Problem, ...] = ()
    confidence: float = CONFIDENCE
    ci: CiMethod = "wald"

    @property
    def ci_method(self) -> str:
        """The interval in words, with the R call it reproduces."""
        return DESCRIPTIONS[self.ci]

    @property
    def weighted(self) -> bool:
        """False when no weights, fpc or post-strata were given: the sample describes itself."""
        return self.summary.weighted


def estimate(
    data: pd.DataFrame | str | Path,
    variable: str,
    *,
    statistic: Statistic,
    design: SurveyDesign | None = None,
    by: str | None = None,
    ci: CiMethod | None = None,
) -> EstimateResult:
    """Estimate the ``statistic`` of ``variable`` from ``data`` (a frame or a CSV path).

    ``ci`` is the interval (``wald``, ``t`` or ``logit``; ``logit`` for proportions only); by
    default R's: ``wald`` for means and totals, ``logit`` for proportions.

    >>> result = estimate(
    ...     apistrat_csv, "api00", statistic="mean",
    ...     design=SurveyDesign(strata="stype", weight="pw", fpc="fpc"))
    >>> round(result.estimates[0].estimate, 2), round(result.estimates[0].se, 4)
    (662.29, 9.4089)
    """
    file = None
    ci = ci or default_ci(statistic)
    if ci not in CI_METHODS or (ci == "logit" and statistic != "proportion"):
        raise SolidataError.of("stats.ci_method_invalid", method=ci, statistic=statistic)
    if not isinstance(data, pd.DataFrame):
        file = str(data)
        data = read_survey_csv(data)
    design = design or SurveyDesign()
    prepared = prepare_sample(
        data, variable=variable, statistic=statistic, design=design, by=by, file=file
    )
    rows, notes = _run_svy(prepared, statistic, by=by is not None)
    found = _estimates(rows, prepared, statistic, ci)
    missing = sorted(set(prepared.by_levels) - {e.by for e in found if e.by is not None})
    empty = [
        problem(
            "stats.empty_domain",
            severity="warning",
            file=file,
            column=by,
            group=g,
            variable=variable,
        )
        for g in missing
    ]
    return EstimateResult(
        statistic=statistic,
        variable=variable,
        by=by,
        estimates=found,
        summary=prepared.summary,
        warnings=(*prepared.warnings, *empty, *notes),
        ci=ci,
    )


def estimate_mean(
    data: pd.DataFrame | str | Path,
    variable: str,
    *,
    design: SurveyDesign | None = None,
    by: str | None = None,
    ci: CiMethod | None = None,
) -> EstimateResult:
    """The mean of a numeric ``variable`` (R's ``svymean``, or ``svyby(..., svymean)``)."""
    return estimate(data, variable, statistic="mean", design=design, by=by, ci=ci)


def estimate_total(
    data: pd.DataFrame | str | Path,
    variable: str,
    *,
    design: SurveyDesign | None = None,
    by: str | None = None,
    ci: CiMethod | None = None,
) -> EstimateResult:
    """The population total of a numeric ``variable`` (R's ``svytotal``)."""
    return estimate(data, variable, statistic="total", design=design, by=by, ci=ci)


def estimate_proportions(
    data: pd.DataFrame | str | Path,
    variable: str,
    *,
    design: SurveyDesign | None = None,
    by: str | None = None,
    ci: CiMethod | None = None,
) -> EstimateResult:
    """The share of each category of ``variable`` (R's ``svymean(~factor)``), one per category.

    The default interval is R's ``svyciprop(method="logit")``; ``ci="wald"`` gives
    ``confint(svymean(~factor))``.
    """
    return estimate(data, variable, statistic="proportion", design=design, by=by, ci=ci)


def _run_svy(
    prepared: PreparedSample, statistic: Statistic, *, by: bool
) -> tuple[list[dict[str, Any]], tuple[Problem, ...]]:
    """Call svy and return its result rows, with its warnings as ``stats`` warnings."""
    columns = set(prepared.frame.columns)
    two_stage = FPC2 in columns  # both stages' fpc: R's two-stage variance
    pop_size: str | PopSize | None = FPC if FPC in columns else None
    if two_stage:
        pop_size = PopSize(psu=FPC, ssu=FPC2)
    svy_design = svy.Design(
        stratum=STRATUM,
        psu=PSU,
        ssu=SSU if two_stage else None,
        wgt=WEIGHT,
        pop_size=pop_size,
        # Only certainty PSUs (N_h = n_h = 1) reach here as singletons; they add no variance.
        singleton="skip" if prepared.certainty_singletons else None,
    )
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            sample = svy.Sample(prepared.frame, svy_design)
            if CELL in columns and prepared.summary.design.poststrata is not None:
                given = prepared.summary.design.poststrata.totals
                totals: dict[str | int | float | bool, int | float] = {
                    str(k): float(v) for k, v in given.items()
                }
                sample = sample.weighting.poststratify(controls=totals, cells=CELL)
            group = BY if by else None
            if statistic == "mean":
                result = sample.estimation.mean(Y, by=group, drop_nulls=True)
            elif statistic == "total":
                result = sample.estimation.total(Y, by=group, drop_nulls=True)
            else:
                result = sample.estimation.prop(Y, by=group, drop_nulls=True)
    except (svy.SvyError, pl.exceptions.PolarsError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise SolidataError.of("stats.engine_failed", reason=reason) from error
    assert not isinstance(result, list)  # one variable in, one estimate out
    notes = tuple(
        problem("stats.engine_note", severity="warning", reason=str(w.message).strip())
        for w in caught
        if issubclass(w.category, svy.SvyUserWarning)
    )
    return result.to_polars().to_dicts(), notes


def _estimates(
    rows: list[dict[str, Any]], prepared: PreparedSample, statistic: Statistic, ci: CiMethod
) -> tuple[Estimate, ...]:
    """Estimates with their intervals and degrees of freedom, ordered as R orders factor levels."""
    df = _degrees_of_freedom(prepared)
    found = []
    for row in rows:
        group, value, se = _text(row.get(BY)), float(row["est"]), _se(row["se"])
        low, high = interval(ci, value, se, df=df.get(group, 0))
        found.append(
            Estimate(
                by=group,
                category=_text(row.get(Y)) if statistic == "proportion" else None,
                estimate=value,
                se=se,
                ci_low=low,
                ci_high=high,
                n=int(row["n"]),
                df=df.get(group, 0),
            )
        )
    by_rank = {level: i for i, level in enumerate(prepared.by_levels)}
    category_rank = {level: i for i, level in enumerate(prepared.categories)}
    found.sort(key=lambda e: (by_rank.get(e.by or "", -1), category_rank.get(e.category or "", -1)))
    return tuple(found)


def _degrees_of_freedom(prepared: PreparedSample) -> dict[str | None, int]:
    """R's ``degf()`` of the whole design (key ``None``) and of each group's subset."""
    frame = prepared.frame
    found: dict[str | None, int] = {
        None: degrees_of_freedom(strata=frame[STRATUM], psus=frame[PSU])
    }
    if BY in frame.columns:
        for (group,), rows in frame.filter(pl.col(BY).is_not_null()).group_by(BY):
            found[str(group)] = degrees_of_freedom(strata=rows[STRATUM], psus=rows[PSU])
    return found


def _se(value: Any) -> float:
    """svy's SE; tiny negative rounding noise of a zero variance is 0."""
    se = float(value) if value is not None else math.nan
    return 0.0 if se < 0 else se


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
