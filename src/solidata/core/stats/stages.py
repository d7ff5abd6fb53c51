"""The second sampling stage: units sampled within each cluster, and its fpc.

A two-stage sample draws clusters (PSUs, e.g. districts) and then units within each drawn cluster
(second-stage units, SSUs, e.g. schools), as R's ``svydesign(id=~dnum+snum, fpc=~fpc1+fpc2)``.
The second-stage fpc is read as R reads it: if every value is at most 1, the sampling fractions
of units within their cluster (``M_i = m_i / f_i``); otherwise ``M_i``, the number of units in
the cluster's population, one value per cluster and at least the ``m_i`` units sampled there.
A cluster with a single sampled unit is an error unless it is the cluster's only unit (``M_i =
1``), as R's default ``survey.lonely.psu = "fail"`` has it at every stage.

Example::

    >>> import pandas as pd
    >>> psu = pd.Series(["d1", "d1", "d2"])
    >>> sizes, kind = unit_population(
    ...     pd.Series([10.0, 10.0, 1.0]).to_numpy(), psu, pd.Series(["a", "b", "c"]),
    ...     column="fpc2")
    >>> sizes.tolist(), kind
    ([10.0, 10.0, 1.0], 'population')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.stats.weights import ALL, FpcKind

# Stratum and cluster are joined with this in a PSU key (see design.py); shown as "a / b".
SEPARATOR = "\x1f"


def unit_population(
    fpc2: np.ndarray, psu: pd.Series, ssu: pd.Series, *, column: str, file: str | None = None
) -> tuple[np.ndarray, FpcKind]:
    """``M_i`` for each row (the units in its cluster's population), and how the fpc was read.

    ``psu`` holds each row's cluster key, ``ssu`` its second-stage unit key (unique across
    clusters). Raises ``stats.fpc2_not_constant``, ``stats.fpc2_invalid`` or, for a cluster with
    one sampled unit of several (R's lonely unit at stage 2), ``stats.singleton_cluster``.
    """
    values = pd.Series(fpc2, index=psu.index)
    sampled = {str(k): int(v) for k, v in ssu.groupby(psu).nunique().items()}
    per_cluster = values.groupby(psu)
    problems = [
        problem(
            "stats.fpc2_not_constant",
            file=file,
            column=column,
            cluster=_label(str(key)),
            values=", ".join(f"{v:g}" for v in sorted(set(group))[:5]),
        )
        for key, group in per_cluster
        if group.nunique() > 1
    ]
    if problems:
        raise SolidataError(problems)
    first = per_cluster.first()
    kind: FpcKind = "fraction" if bool((first <= 1).all()) else "population"
    sizes: dict[str, float] = {}
    for key, value in first.items():
        m = sampled[str(key)]
        reason = _unusable(float(value), m, kind)
        if reason:
            problems.append(_invalid(column, file, str(key), float(value), reason))
        else:
            sizes[str(key)] = m / value if kind == "fraction" else float(value)
    problems += [
        problem("stats.singleton_cluster", file=file, column=column, cluster=_label(key), size=size)
        for key, size in sizes.items()
        if sampled[key] == 1 and size > 1
    ]
    if problems:
        raise SolidataError(problems)
    return psu.map(sizes).to_numpy(dtype=float), kind


def unit_weights(sizes: np.ndarray, psu: pd.Series, ssu: pd.Series) -> np.ndarray:
    """The second-stage factor of each row's weight: ``M_i / m_i``."""
    sampled = ssu.groupby(psu).transform("nunique").to_numpy(dtype=float)
    return np.asarray(sizes / sampled, dtype=float)


def _unusable(value: float, sampled: int, kind: FpcKind) -> str | None:
    if value <= 0:
        return "it must be greater than 0"
    if kind == "population" and value < sampled:
        return f"it is smaller than the {sampled} unit(s) sampled there (R: >100% sampling)"
    return None


def _invalid(column: str, file: str | None, key: str, value: float, reason: str) -> Problem:
    return problem(
        "stats.fpc2_invalid",
        file=file,
        column=column,
        value=f"{value:g}",
        cluster=_label(key),
        reason=reason,
    )


def _label(key: str) -> str:
    """A PSU key as people read it: the cluster, after its stratum when there are strata."""
    stratum, _, cluster = key.partition(SEPARATOR)
    return cluster if stratum == ALL or not cluster else f"{cluster} (stratum {stratum})"
