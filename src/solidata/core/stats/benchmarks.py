"""Peer benchmarks: how an entity's dimension scores compare with its peers.

Peer groups are the rows that share the target's value in a column (same entity type, same aimag) or
all rows (the whole country). A group smaller than ``min_n`` is not shown at all: with fewer peers a
mean would let a reader guess individual answers. The target itself counts as one of its peers, as in
any published average it belongs to.

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

import pandas as pd

MIN_PEERS = 5


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
        frame = members[list(dimensions)].astype("float64")
        n = int(frame.notna().any(axis=1).sum())
        if n < min_n:
            continue
        means = frame.mean()
        medians = frame.median()
        out.append(
            PeerBenchmark(
                group=name,
                value=value,
                n=n,
                means={d: _number(means[d]) for d in dimensions},
                medians={d: _number(medians[d]) for d in dimensions},
            )
        )
    return out


def _number(value: object) -> float | None:
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else round(number, 1)
