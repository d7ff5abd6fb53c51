"""Survey designs: the columns that say how a sample was drawn, checked before any estimate.

A :class:`SurveyDesign` names the columns holding the strata, the clusters (primary sampling units,
PSUs), the sampling weights and the finite population correction (fpc), as R's
``svydesign(ids=~cluster, strata=~strata, weights=~weight, fpc=~fpc)`` does. Without ``cluster``
each row is its own PSU; without ``strata`` there is one stratum. Supported: simple random
sampling (with or without weights), stratified, one-stage cluster and stratified cluster samples.
A second sampling stage (``subcluster``, R's ``ids=~cluster+subcluster``) with the fpc of both
stages (``fpc`` and ``fpc2``, R's ``fpc=~fpc1+fpc2``) gives R's two-stage variance (see
:mod:`solidata.core.stats.stages`). Without any fpc the variance uses the first stage only, as R
does. With only the first-stage fpc, R refuses; here the variance uses the first stage with its
fpc, which leaves out the second stage's variance, and the result carries the warning
``stats.second_stage_fpc_missing``.

Rules, and where they follow R's ``survey`` package:

* Clusters are numbered within strata (R's ``nest=TRUE``): the code 7 in two strata is two
  clusters. R stops instead when a code repeats across strata without ``nest=TRUE``.
* The fpc is read as R reads it: if every value is at most 1 they are sampling fractions, else
  population sizes (clusters in the stratum's population). It must be one value per stratum (R
  only warns when it varies; here it is an error).
* Weights: the weight column if given; else, with an fpc, ``N_h / n_h`` (as R derives the
  sampling probabilities from the fpc); else every row weighs 1, the result is flagged unweighted
  and carries the ``stats.unweighted`` warning (R warns "assuming equal probability").
* A stratum with a single sampled cluster is an error (R's default
  ``options(survey.lonely.psu="fail")``), unless its fpc says the cluster is the stratum's whole
  population (a certainty PSU), which then adds no variance, as in R.
* Design columns (strata, cluster, weight, fpc, post-strata) may have no missing value; weights
  must be greater than 0. Missing values of the analysed variable or of ``by`` are handled in
  :mod:`solidata.core.stats.estimates` (as domains, like R's ``na.rm=TRUE``).

Example::

    >>> design = SurveyDesign(strata="stype", weight="pw", fpc="fpc")
    >>> design.kind
    'stratified'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeVar

import numpy as np
import pandas as pd
import polars as pl

from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.stats.columns import (
    as_labels,
    as_numbers,
    missing_problem,
    require_columns,
    row_of,
    sorted_labels,
)
from solidata.core.stats.stages import SEPARATOR, unit_population, unit_weights
from solidata.core.stats.weights import (
    ALL,
    FpcKind,
    check_poststrata,
    complete_labels,
    population_sizes,
)

Statistic = Literal["mean", "total", "proportion"]
WeightSource = Literal["column", "fpc", "none"]

# Column names of the frame handed to svy; fixed, so that no user column name can collide.
Y = "sd_y"  # the variable
BY = "sd_by"  # the group (domain) labels
STRATUM = "sd_stratum"
PSU = "sd_psu"  # stratum and cluster: clusters nested in strata
WEIGHT = "sd_w"
FPC = "sd_fpc"  # population size N_h, also when the fpc was given as fractions
CELL = "sd_cell"  # the post-stratum
SSU = "sd_ssu"  # the second-stage unit, nested in its PSU
FPC2 = "sd_fpc2"  # the number of second-stage units in the PSU's population, M_i

T = TypeVar("T")


@dataclass(frozen=True)
class PostStrata:
    """Post-stratify on ``column``, whose categories have these population ``totals``."""

    column: str
    totals: Mapping[str, float]


@dataclass(frozen=True)
class SurveyDesign:
    """Which columns describe the sample design; all optional (then: unweighted simple sample)."""

    strata: str | None = None
    cluster: str | None = None
    weight: str | None = None
    fpc: str | None = None
    poststrata: PostStrata | None = None
    subcluster: str | None = None  # the second-stage unit within ``cluster``
    fpc2: str | None = None  # the second stage's fpc: units in the cluster's population

    def __post_init__(self) -> None:
        if self.subcluster and not self.cluster:
            raise ValueError("a second-stage cluster needs a first-stage cluster")
        if self.fpc2 and not (self.subcluster and self.fpc):
            raise ValueError("a second-stage fpc needs a second stage and a first-stage fpc")

    @property
    def kind(self) -> str:
        """``simple``, ``stratified``, ``cluster`` or ``stratified cluster``; ``two-stage``."""
        cluster = "two-stage cluster" if self.subcluster else "cluster"
        if self.strata and self.cluster:
            return f"stratified {cluster}"
        return "stratified" if self.strata else cluster if self.cluster else "simple"


@dataclass(frozen=True)
class DesignSummary:
    """What the estimates rest on, for people and for the record."""

    kind: str
    rows: int
    strata: int
    clusters: int
    weight_source: WeightSource
    fpc_kind: FpcKind | None
    poststratified: bool
    design: SurveyDesign

    @property
    def weighted(self) -> bool:
        return self.weight_source != "none" or self.poststratified


@dataclass(frozen=True)
class PreparedSample:
    """A checked sample as a polars frame with the fixed column names above, ready for svy."""

    frame: pl.DataFrame
    summary: DesignSummary
    by_levels: tuple[str, ...]
    categories: tuple[str, ...]
    certainty_singletons: bool
    warnings: tuple[Problem, ...] = field(default_factory=tuple)


def prepare_sample(
    frame: pd.DataFrame,
    *,
    variable: str,
    statistic: Statistic,
    design: SurveyDesign,
    by: str | None = None,
    file: str | None = None,
) -> PreparedSample:
    """Check ``frame`` against ``design`` and build the frame for estimation.

    Raises :class:`SolidataError` with every problem found in the design columns.
    """
    ps = design.poststrata
    wanted = [
        ("variable", variable),
        ("by", by),
        ("stratum", design.strata),
        ("cluster", design.cluster),
        ("second-stage cluster", design.subcluster),
        ("weight", design.weight),
        ("fpc", design.fpc),
        ("second-stage fpc", design.fpc2),
        ("post-stratification", ps.column if ps else None),
    ]
    require_columns(frame, [(r, c) for r, c in wanted if c is not None], file=file)
    parts = _read_columns(frame, variable=variable, statistic=statistic, design=design, file=file)
    strata, psu, weights, y = parts.strata, parts.psu, parts.weights, parts.y

    sampled = {str(k): int(v) for k, v in psu.groupby(strata).nunique().items()}
    sizes = kind = None
    if parts.fpc is not None and design.fpc:
        sizes, kind = _population(parts.fpc, strata, sampled, design.fpc, file)
    certainty = _check_singletons(sampled, sizes, design, file)

    stage2 = _second_stage(frame, parts, design, file)
    warnings: list[Problem] = []
    if design.subcluster and design.fpc and not design.fpc2:
        warnings.append(
            problem(
                "stats.second_stage_fpc_missing",
                severity="warning",
                file=file,
                column=design.fpc,
                cluster=design.cluster,
                subcluster=design.subcluster,
            )
        )
    source: WeightSource = "column" if weights is not None else "fpc" if sizes else "none"
    if weights is None:
        weights = (
            strata.map(lambda s: sizes[s] / sampled[s]).to_numpy(dtype=float)
            if sizes
            else np.ones(len(frame))
        )
        if stage2 is not None:
            weights = weights * unit_weights(stage2[1], psu, stage2[0])
        if not sizes and ps is None:
            warnings.append(problem("stats.unweighted", severity="warning", file=file))

    by_labels = as_labels(frame[by]) if by else None
    columns = [
        _y_series(y),
        pl.Series(STRATUM, strata.tolist(), dtype=pl.String),
        pl.Series(PSU, psu.tolist(), dtype=pl.String),
        pl.Series(WEIGHT, weights, dtype=pl.Float64),
        *_optional_columns(strata, sizes, by_labels, parts.cells),
        *_stage_columns(stage2),
    ]
    summary = DesignSummary(
        kind=design.kind,
        rows=len(frame),
        strata=len(sampled),
        clusters=sum(sampled.values()),
        weight_source=source,
        fpc_kind=kind,
        poststratified=ps is not None,
        design=design,
    )
    return PreparedSample(
        frame=pl.DataFrame(columns),
        summary=summary,
        by_levels=tuple(sorted_labels(by_labels.dropna())) if by_labels is not None else (),
        categories=tuple(sorted_labels(y.dropna())) if statistic == "proportion" else (),
        certainty_singletons=certainty,
        warnings=tuple(warnings),
    )


@dataclass(frozen=True)
class _Columns:
    strata: pd.Series
    psu: pd.Series
    weights: np.ndarray | None
    fpc: np.ndarray | None
    cells: pd.Series | None
    y: pd.Series
    ssu: pd.Series | None = None
    fpc2: np.ndarray | None = None


def _read_columns(
    frame: pd.DataFrame,
    *,
    variable: str,
    statistic: Statistic,
    design: SurveyDesign,
    file: str | None,
) -> _Columns:
    """Read every design column and the variable, raising all their problems at once."""
    problems: list[Problem] = []

    def attempt(step: Callable[[], T]) -> T | None:
        try:
            return step()
        except SolidataError as error:
            problems.extend(error.problems)
            return None

    def labels(column: str | None, role: str, default: list[str]) -> pd.Series | None:
        if column is None:
            return pd.Series(default, index=frame.index, dtype=object)
        return attempt(lambda: complete_labels(frame, column, role=role, file=file))

    strata = labels(design.strata, "stratum", [ALL] * len(frame))
    clusters = labels(design.cluster, "cluster", [str(i) for i in range(len(frame))])
    units = labels(design.subcluster, "second-stage cluster", []) if design.subcluster else None
    weight, fpc, ps = design.weight, design.fpc, design.poststrata
    weights = attempt(lambda: _weights(frame, weight, file)) if weight else None
    fpcs = attempt(lambda: _fpc(frame, fpc, file)) if fpc else None
    fpc2 = design.fpc2
    fpcs2 = attempt(lambda: _fpc(frame, fpc2, file)) if fpc2 else None
    cells = as_labels(frame[ps.column]) if ps else None
    if ps and cells is not None:
        attempt(lambda: check_poststrata(cells, ps.totals, column=ps.column, file=file))
    y = attempt(lambda: _variable(frame, variable, statistic, file))
    if problems or strata is None or clusters is None or y is None:
        raise SolidataError(problems)
    # Clusters are nested in strata (R's nest=TRUE): the PSU key carries its stratum.
    psu = strata + SEPARATOR + clusters
    ssu = psu + SEPARATOR + units if units is not None else None
    return _Columns(
        strata=strata, psu=psu, weights=weights, fpc=fpcs, cells=cells, y=y, ssu=ssu, fpc2=fpcs2
    )


def _optional_columns(
    strata: pd.Series,
    sizes: dict[str, float] | None,
    by_labels: pd.Series | None,
    cells: pd.Series | None,
) -> list[pl.Series]:
    columns = []
    if sizes:
        columns.append(pl.Series(FPC, strata.map(sizes).tolist(), dtype=pl.Float64))
    if by_labels is not None:
        columns.append(pl.Series(BY, by_labels.tolist(), dtype=pl.String))
    if cells is not None:
        columns.append(pl.Series(CELL, cells.tolist(), dtype=pl.String))
    return columns


def _second_stage(
    frame: pd.DataFrame, parts: _Columns, design: SurveyDesign, file: str | None
) -> tuple[pd.Series, np.ndarray] | None:
    """The second-stage unit keys and ``M_i`` per row, when both stages' fpc are given."""
    if parts.ssu is None or parts.fpc2 is None or design.fpc2 is None:
        return None
    sizes, _ = unit_population(parts.fpc2, parts.psu, parts.ssu, column=design.fpc2, file=file)
    return parts.ssu, sizes


def _stage_columns(stage2: tuple[pd.Series, np.ndarray] | None) -> list[pl.Series]:
    if stage2 is None:
        return []
    return [
        pl.Series(SSU, stage2[0].tolist(), dtype=pl.String),
        pl.Series(FPC2, stage2[1], dtype=pl.Float64),
    ]


def _weights(frame: pd.DataFrame, column: str, file: str | None) -> np.ndarray:
    values = as_numbers(frame[column], column=column, role="weight", file=file)
    found = missing_problem(np.isnan(values), column=column, role="weight", file=file)
    if found:
        raise SolidataError([found])
    bad = values <= 0
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise SolidataError.of(
            "stats.weight_not_positive",
            file=file,
            row=row_of(first),
            column=column,
            value=float(values[first]),
            count=int(bad.sum()),
        )
    return values


def _fpc(frame: pd.DataFrame, column: str, file: str | None) -> np.ndarray:
    values = as_numbers(frame[column], column=column, role="fpc", file=file)
    found = missing_problem(np.isnan(values), column=column, role="fpc", file=file)
    if found:
        raise SolidataError([found])
    return values


def _population(
    fpc: np.ndarray, strata: pd.Series, sampled: dict[str, int], column: str, file: str | None
) -> tuple[dict[str, float], FpcKind]:
    per_stratum = pd.Series(fpc, index=strata.index).groupby(strata)
    problems = [
        problem(
            "stats.fpc_not_constant",
            file=file,
            column=column,
            stratum=stratum,
            values=", ".join(f"{v:g}" for v in sorted(set(values))[:5]),
        )
        for stratum, values in per_stratum
        if values.nunique() > 1
    ]
    if problems:
        raise SolidataError(problems)
    first = {str(k): float(v) for k, v in per_stratum.first().items()}
    return population_sizes(first, sampled, column=column, file=file)


def _check_singletons(
    sampled: dict[str, int], sizes: dict[str, float] | None, design: SurveyDesign, file: str | None
) -> bool:
    """Raise for strata with one sampled cluster, unless it is a certainty PSU (``N_h = 1``)."""
    single = [s for s, n in sampled.items() if n == 1]
    certain = [s for s in single if sizes is not None and sizes[s] <= 1]
    lonely = [s for s in single if s not in certain]
    if lonely:
        column = design.strata or design.cluster
        raise SolidataError(
            [
                problem("stats.singleton_stratum", file=file, column=column, stratum=s)
                for s in sorted_labels(lonely)
            ]
        )
    return bool(certain)


def _variable(
    frame: pd.DataFrame, variable: str, statistic: Statistic, file: str | None
) -> pd.Series:
    if statistic == "proportion":
        values = as_labels(frame[variable])
    else:
        role = "mean" if statistic == "mean" else "total"
        numbers = as_numbers(frame[variable], column=variable, role=role, file=file)
        values = pd.Series(numbers, index=frame.index, dtype=float)
    if values.isna().all():
        raise SolidataError.of("stats.no_data", file=file, column=variable)
    return values


def _y_series(y: pd.Series) -> pl.Series:
    if y.dtype == object:
        return pl.Series(Y, y.tolist(), dtype=pl.String)
    return pl.Series(Y, y.to_numpy(dtype=float), dtype=pl.Float64).fill_nan(None)
