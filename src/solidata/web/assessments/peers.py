"""Published peer groups: the peer means a result page may show, safe against differencing.

A peer mean recomputed on every read would let anyone who reads it before and after one new
assessment recover that assessment's scores (mean after x n after - mean before x n before). So a
result page never reads live data. It reads a *release* of each peer group (same entity type, same
area, whole country), built from published results only:

- members are organisations of the survey's country whose assessment under the same method
  version a reviewer **approved**, each with its latest approved one; pending, on hold, rejected,
  unreviewed imports and unnamed assessments never count, not even the viewer's own;
- a group gets its first release once it has at least ``batch()`` members, and a new release only
  once at least ``batch()`` of its members changed (joined, left, or a new approved result or new
  scores): one new or re-approved assessment never moves a published mean on its own;
- means and medians are published as whole numbers.

``batch()`` is the small-cell rule of the findings (``SOLIDATA_MIN_CELL``, never below 5).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from django.conf import settings

from solidata.core.findings.benchmarks import MIN_PEERS, PeerBenchmark, group_scores
from solidata.web.assessments.models import PeerRelease
from solidata.web.surveys.models import MethodVersion, Submission, SubmissionScore

# One organisation's counted result: submission id, dimension scores, entity type, area.
Member = tuple[int, dict[str, Any], str | None, str | None]


def batch() -> int:
    """The smallest group shown, and the fewest changed members that publish a new release."""
    return max(MIN_PEERS, int(settings.SOLIDATA_MIN_CELL))


def approved_members(country: str, method: MethodVersion) -> dict[str, Member]:
    """Each organisation's latest approved result under ``method`` (keys: organisation ids as
    text, as they are stored in a release's JSON)."""
    rows = (
        SubmissionScore.objects.filter(
            method=method,
            submission__review_status=Submission.Review.APPROVED,
            submission__organisation__country_id=country,
        )
        .order_by("submission__submitted_at", "submission_id")
        .values_list(
            "submission__organisation_id",
            "submission_id",
            "dimension_scores",
            "submission__organisation__entity_type_id",
            "submission__organisation__admin_area_id",
        )
    )
    return {str(org): (sub, dict(scores), kind, area) for org, sub, scores, kind, area in rows}


def _in_group(member: Member, column: str | None, value: str | None) -> bool:
    if column is None:
        return True
    kind, area = member[2], member[3]
    return (kind if column == "entity_type" else area) == value


def _changed(before: Mapping[str, Any], now: Mapping[str, Any]) -> int:
    return sum(1 for org in set(before) | set(now) if before.get(org) != now.get(org))


def _release(
    *,
    country: str,
    method: MethodVersion,
    name: str,
    column: str | None,
    value: str | None,
    everyone: Mapping[str, Member],
) -> PeerRelease | None:
    """The group's current release, publishing a new one when a batch of members changed."""
    # JSON-shaped ([submission id, scores]), to compare with what a release stored
    members: dict[str, list[Any]] = {
        org: [m[0], m[1]] for org, m in everyone.items() if _in_group(m, column, value)
    }
    scores: list[dict[str, Any]] = [m[1] for m in members.values()]
    last = (
        PeerRelease.objects.filter(country_id=country, method=method, group=name, value=value or "")
        .order_by("-pk")
        .first()
    )
    if _changed(last.members if last else {}, members) < batch():
        return last
    dimensions = sorted({d for one in scores for d in one})
    frame = pd.DataFrame(
        [{d: one.get(d) for d in dimensions} for one in scores], columns=dimensions
    ).apply(pd.to_numeric, errors="coerce")
    stats = group_scores(frame, dimensions)
    return PeerRelease.objects.create(
        country_id=country,
        method=method,
        group=name,
        value=value or "",
        n=stats.n,
        means=_whole(stats.means),
        medians=_whole(stats.medians),
        members=members,
    )


def _whole(values: Mapping[str, float | None]) -> dict[str, float | None]:
    return {d: None if v is None else float(round(v)) for d, v in values.items()}


def published_benchmarks(
    country: str,
    method: MethodVersion,
    target: Mapping[str, str | None],
    groups: Sequence[tuple[str, str | None]],
) -> list[PeerBenchmark]:
    """The released means of each ``(name, column)`` group the target belongs to (groups of at
    least ``batch()`` organisations), publishing due releases first."""
    everyone = approved_members(country, method)
    out = []
    for name, column in groups:
        value = None if column is None else target.get(column)
        if column is not None and value is None:
            continue
        found = _release(
            country=country,
            method=method,
            name=name,
            column=column,
            value=value,
            everyone=everyone,
        )
        if found is None or found.n < batch():
            continue
        out.append(
            PeerBenchmark(
                group=name, value=value, n=found.n, means=found.means, medians=found.medians
            )
        )
    return out
