"""Peer benchmarks: how an entity's dimension scores compare with its peers.

Peer groups are the rows that share the target's value in a column (same entity type, same aimag)
or all rows (the whole country). A group smaller than ``min_n`` is not shown at all: with fewer
peers a mean would let a reader guess individual answers. The target itself counts as one of its
peers, as in any published average it belongs to.

The statistics of one group come from :func:`group_scores`, which the findings tables use too, so
a benchmark and the findings never disagree about a group's mean.

Example::

    >>> import pandas as pd
    >>> scores = pd.DataFrame({"type": ["coop"] * 5 + ["ngo"], "P1": [50, 60, 70, 80, 90, 10.0]})
    >>> [(b.group, b.n, b.means["P1"]) for b in peer_benchmarks(
    ...     scores, {"type": "coop"}, groups=[("type", "type"), ("all", None)], dimensions=["P1"])]
    [('type', 5, 70.0), ('all', 6, 60.0)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

MIN_PEERS = 5


@dataclass(frozen=True)
class GroupScores:
    """Statistics of the scores of one group: what peer benchmarks and findings tables show."""

    n: int  # entities with a score in at least one of the dimensions
    counts: dict[str, int]  # dimension id -> entities with that score
    means: dict[str, float | None]
    medians: dict[str, float | None]
    lower_quartiles: dict[str, float | None]
    upper_quartiles: dict[str, float | None]


def group_scores(members: pd.DataFrame, dimensions: Sequence[str]) -> GroupScores:
    """Means, medians and quartiles (rounded to 0.1) of each dimension over ``members``' rows,
    leaving out missing scores (NaN).

    >>> g = group_scores(pd.DataFrame({"P1": [50.0, 60, None, 90]}), ["P1"])
    >>> g.n, g.counts["P1"], g.means["P1"], g.medians["P1"]
    (3, 3, 66.7, 60.0)
    """
    frame = members[list(dimensions)].to_numpy(dtype="float64", na_value=np.nan)
    found = {d: summary(frame[:, i]) for i, d in enumerate(dimensions)}
    return GroupScores(
        n=int((~np.isnan(frame)).any(axis=1).sum()),
        counts={d: s.n for d, s in found.items()},
        means={d: s.mean for d, s in found.items()},
        medians={d: s.median for d, s in found.items()},
        lower_quartiles={d: s.p25 for d, s in found.items()},
        upper_quartiles={d: s.p75 for d, s in found.items()},
    )


@dataclass(frozen=True)
class Summary:
    """The statistics of one score over one group, as :func:`group_scores` gives them."""

    n: int  # entities with the score
    mean: float | None
    median: float | None
    p25: float | None
    p75: float | None


def summary(values: npt.ArrayLike, *, mean_only: bool = False) -> Summary:
    """:class:`Summary` of one array of scores (NaN: no score); ``mean_only`` leaves the
    median and quartiles out (None).

    Computed as pandas computes them, with the same numpy calls (the sum with missing scores
    as 0 over their number, ``nanmedian``, type 7 quantiles), but on the array: the findings ask
    for thousands of groups, and building a frame for each took most of a report's time.

    >>> summary(np.array([50.0, 60, np.nan, 90]))
    Summary(n=3, mean=66.7, median=60.0, p25=55.0, p75=75.0)
    """
    scores = np.asarray(values, dtype="float64")
    missing = np.isnan(scores)
    present = scores[~missing]
    n = int(present.size)
    if n == 0:
        return Summary(0, None, None, None, None)
    mean = _number(np.where(missing, 0.0, scores).sum() / n)
    if mean_only:
        return Summary(n, mean, None, None, None)
    p25, p75 = np.quantile(present, [0.25, 0.75])
    return Summary(n, mean, _number(np.nanmedian(scores)), _number(p25), _number(p75))


@dataclass(frozen=True)
class PeerBenchmark:
    group: str  # the name of the peer group, e.g. "entity_type", "admin_area", "country"
    value: str | None  # the target's value in that column (None for the whole set)
    n: int  # entities in the group (with a score in at least one dimension)
    means: dict[str, float | None]  # dimension id -> mean score of the group
    medians: dict[str, float | None]


def peer_benchmarks(
    scores: pd.DataFrame,
    target: Mapping[str, str | None],
    *,
    groups: Sequence[tuple[str, str | None]],
    dimensions: Sequence[str],
    min_n: int = MIN_PEERS,
) -> list[PeerBenchmark]:
    """Benchmarks for each ``(name, column)`` in ``groups`` (column None: every row).

    ``scores`` has one row per entity, the group columns and one numeric column per dimension
    (missing scores as NaN). Groups with fewer than ``min_n`` entities are left out.
    """
    out = []
    for name, column in groups:
        if column is None:
            members, value = scores, None
        else:
            value = target.get(column)
            if value is None:
                continue
            members = scores[scores[column] == value]
        stats = group_scores(members, dimensions)
        if stats.n < min_n:
            continue
        out.append(
            PeerBenchmark(
                group=name, value=value, n=stats.n, means=stats.means, medians=stats.medians
            )
        )
    return out


def _number(value: object) -> float | None:
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else round(number, 1)
