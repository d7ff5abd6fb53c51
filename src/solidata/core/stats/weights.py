"""Weights from what is known about the population: a sampling frame or population totals.

* :func:`design_weights` -- the weight of a stratified (cluster) sample drawn with equal
  probability in each stratum is ``N_h / n_h``: clusters (or units) in the stratum's population
  over clusters sampled from it. ``N_h`` comes from the sampling frame (counted) or is given.
* :func:`poststratified_weights` -- when only the population count of each category of some
  variable is known, the weights are scaled within each category so that they add up to its count
  (R's ``postStratify``). For estimates with standard errors, put a :class:`PostStrata` in the
  :class:`~solidata.core.stats.design.SurveyDesign` instead: the variance then accounts for the
  post-stratification, as R's does.
* :func:`population_sizes` -- reads an fpc as R's ``svydesign`` does: all values at most 1 are
  sampling fractions, otherwise they are population sizes.

Example::

    >>> import pandas as pd
    >>> sample = pd.DataFrame({"stype": ["E", "E", "H"]})
    >>> design_weights(sample, strata="stype", population={"E": 10, "H": 3}).weights.tolist()
    [5.0, 5.0, 3.0]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from solidata.core.errors import SolidataError, problem
from solidata.core.stats.columns import (
    as_labels,
    as_numbers,
    missing_problem,
    require_columns,
    row_of,
)

FpcKind = Literal["population", "fraction"]

# The stratum label used when a design has no strata.
ALL = "all"


@dataclass(frozen=True)
class StratumWeight:
    """One stratum of :class:`DesignWeights`: population and sample sizes, and the weight."""

    stratum: str
    population: float
    sampled: int
    weight: float


@dataclass(frozen=True)
class DesignWeights:
    """Design weights ``N_h / n_h`` per sample row, with ``N_h`` per row (usable as the fpc)."""

    weights: pd.Series
    fpc: pd.Series
    strata: tuple[StratumWeight, ...]


def population_sizes(
    fpc: Mapping[str, float], sampled: Mapping[str, int], *, column: str, file: str | None = None
) -> tuple[dict[str, float], FpcKind]:
    """Population sizes ``N_h`` from one fpc value per stratum, and how the fpc was read.

    As R's ``svydesign``: if every value is at most 1 they are sampling fractions ``f_h`` and
    ``N_h = n_h / f_h``; otherwise they are population sizes and must be at least ``n_h``.

    >>> population_sizes({"a": 0.5}, {"a": 3}, column="fpc")
    ({'a': 6.0}, 'fraction')
    """
    kind: FpcKind = "fraction" if all(v <= 1 for v in fpc.values()) else "population"
    sizes: dict[str, float] = {}
    problems = []
    for stratum, value in fpc.items():
        n = sampled[stratum]
        reason = None
        if value <= 0:
            reason = "it must be greater than 0"
        elif kind == "population" and value < n:
            reason = f"it is smaller than the {n} cluster(s) sampled there (R: >100% sampling)"
        if reason:
            problems.append(
                problem(
                    "stats.fpc_invalid",
                    file=file,
                    column=column,
                    value=f"{value:g}",
                    stratum=stratum,
                    reason=reason,
                )
            )
            continue
        sizes[stratum] = n / value if kind == "fraction" else float(value)
    if problems:
        raise SolidataError(problems)
    return sizes, kind


def design_weights(
    sample: pd.DataFrame,
    *,
    population: pd.DataFrame | Mapping[str, float] | float,
    strata: str | None = None,
    cluster: str | None = None,
) -> DesignWeights:
    """Weights ``N_h / n_h`` for a sample drawn with equal probability within strata.

    ``population`` is the sampling frame (a frame with the same ``strata``/``cluster`` columns,
    whose rows or distinct clusters are counted), a mapping ``stratum -> N_h``, or one number for
    an unstratified sample. ``n_h`` counts the sampled rows, or distinct clusters with ``cluster``.

    >>> sample = pd.DataFrame({"s": ["a", "a", "b"], "c": [1, 1, 2]})
    >>> result = design_weights(sample, strata="s", cluster="c", population={"a": 4, "b": 1})
    >>> result.weights.tolist()
    [4.0, 4.0, 1.0]
    """
    roles = [("stratum", strata), ("cluster", cluster)]
    require_columns(sample, [(role, c) for role, c in roles if c is not None])
    stratum_of = _stratum_labels(sample, strata)
    units = (
        complete_labels(sample, cluster, role="cluster")
        if cluster
        else pd.Series(range(len(sample)), index=sample.index, dtype=object)
    )
    sampled = {str(k): int(v) for k, v in units.groupby(stratum_of).nunique().items()}
    sizes = _population_counts(population, strata=strata, cluster=cluster)
    problems = []
    for stratum, n in sampled.items():
        if stratum not in sizes:
            problems.append(problem("stats.stratum_not_in_frame", stratum=stratum))
        elif not np.isfinite(sizes[stratum]) or sizes[stratum] < n:
            problems.append(
                problem(
                    "stats.population_invalid",
                    value=sizes[stratum],
                    category=stratum,
                    reason=f"the sample has {n} there",
                )
            )
    if problems:
        raise SolidataError(problems)
    per_stratum = tuple(
        StratumWeight(
            stratum=s, population=float(sizes[s]), sampled=int(n), weight=float(sizes[s]) / int(n)
        )
        for s, n in sorted(sampled.items())
    )
    weight_of = {w.stratum: w.weight for w in per_stratum}
    size_of = {w.stratum: w.population for w in per_stratum}
    return DesignWeights(
        weights=stratum_of.map(weight_of).astype(float).rename("weight"),
        fpc=stratum_of.map(size_of).astype(float).rename("fpc"),
        strata=per_stratum,
    )


def poststratified_weights(
    sample: pd.DataFrame, *, column: str, totals: Mapping[str, float], weight: str | None = None
) -> pd.Series:
    """Weights scaled within each category of ``column`` to add up to its population total.

    The weights are those of ``weight`` (1 when not given). Every sampled category needs a total
    and every total a sampled row (R's ``postStratify`` with ``partial=FALSE``).

    >>> sample = pd.DataFrame({"sex": ["f", "f", "m"]})
    >>> poststratified_weights(sample, column="sex", totals={"f": 60, "m": 40}).tolist()
    [30.0, 30.0, 40.0]
    """
    require_columns(sample, [("post-stratification variable", column)])
    cells = as_labels(sample[column])
    check_poststrata(cells, totals, column=column)
    base = (
        pd.Series(1.0, index=sample.index)
        if weight is None
        else pd.Series(as_numbers(sample[weight], column=weight, role="weight"), index=sample.index)
    )
    scale = {str(k): float(v) for k, v in totals.items()}
    sums = base.groupby(cells).sum()
    return (base * cells.map(lambda c: scale[c] / sums[c]).astype(float)).rename("weight")


def check_poststrata(
    cells: pd.Series, totals: Mapping[str, float], *, column: str, file: str | None = None
) -> None:
    """Every category has a positive total, every total sampled rows; no category is missing."""
    given = {str(k): v for k, v in totals.items()}
    problems = []
    missing = cells.isna().to_numpy()
    if missing.any():
        first = int(np.flatnonzero(missing)[0])
        problems.append(
            problem(
                "stats.design_value_missing",
                file=file,
                row=row_of(first),
                column=column,
                role="post-stratification",
                count=int(missing.sum()),
            )
        )
    present = set(cells.dropna())
    for category in sorted(present - set(given)):
        problems.append(
            problem("stats.poststratum_total_missing", file=file, column=column, category=category)
        )
    for category in sorted(set(given) - present):
        problems.append(
            problem("stats.poststratum_not_sampled", file=file, column=column, category=category)
        )
    for category, value in given.items():
        if not (isinstance(value, int | float) and np.isfinite(value) and value > 0):
            problems.append(
                problem(
                    "stats.population_invalid",
                    value=value,
                    category=category,
                    reason="a population total must be a positive number",
                )
            )
    if problems:
        raise SolidataError(problems)


def _stratum_labels(frame: pd.DataFrame, strata: str | None) -> pd.Series:
    if strata is None:
        return pd.Series(ALL, index=frame.index, dtype=object)
    return complete_labels(frame, strata, role="stratum")


def complete_labels(
    frame: pd.DataFrame, column: str, *, role: str, file: str | None = None
) -> pd.Series:
    """Labels of a design column; a missing value is ``stats.design_value_missing``."""
    labels = as_labels(frame[column])
    found = missing_problem(labels.isna().to_numpy(), column=column, role=role, file=file)
    if found:
        raise SolidataError([found])
    return labels


def _population_counts(
    population: pd.DataFrame | Mapping[str, float] | float,
    *,
    strata: str | None,
    cluster: str | None,
) -> dict[str, float]:
    if isinstance(population, pd.DataFrame):
        roles = [("stratum", strata), ("cluster", cluster)]
        require_columns(
            population, [(f"{r} (sampling frame)", c) for r, c in roles if c is not None]
        )
        stratum_of = _stratum_labels(population, strata)
        if cluster is None:
            return {str(k): float(v) for k, v in stratum_of.value_counts().items()}
        units = complete_labels(population, cluster, role="cluster (sampling frame)")
        return {str(k): float(v) for k, v in units.groupby(stratum_of).nunique().items()}
    if isinstance(population, Mapping):
        return {str(k): float(v) for k, v in population.items()}
    return {ALL: float(population)}
