"""Reads for the findings: one survey's wide table, kept in memory until its data change.

The scores are those stored (``SubmissionScore.record`` under the survey's method version), the
same numbers the result pages and profiles show; they are never computed again here. The answers
are still read, for what definition rules, choices and awareness tables ask of them. Building a
survey's table (decoding the stored scores, coding the answers for rules) takes a fraction of a
second for the demo and a few seconds for a very large survey; the workbench then recomputes a
rule in milliseconds. The table is kept per process -- the one cache of the stored scores -- and
rebuilt when its *signature* changes: the number of approved scored submissions, the latest change
to any of them, to their scores or to their organisations, the survey's method, its sampling
frame and the number of submissions waiting for review. The guard (which small groups every page
hides) is kept apart, by the classification it protects (:func:`guard_of`): new scores for the
same entities keep the decisions worked out.

A submission without a stored score under the survey's method version (scored under an earlier
version and not scored again, or whose scoring failed) is not counted: the findings never show a
score that no page shows. The pages say how many approved submissions are left out for it
(:attr:`Dataset.unscored`). Saving a definition into the survey's method scores every submission
under the new version (``submissions_score``); scoring is never done while reading.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
from django.conf import settings
from django.db.models import Count, Max, QuerySet, TextField
from django.db.models.functions import Cast

from solidata.core.errors import Problem, SolidataError
from solidata.core.findings.dataset import CLASSIFIERS, SurveyData, survey_data
from solidata.core.findings.guard import Guard
from solidata.core.kept import Kept
from solidata.core.scoring import INSTANCE_ID
from solidata.core.stats.frames import PopulationFrame, Weighting, weighting
from solidata.web.accounts import rights
from solidata.web.findings.models import FrameCount, SamplingFrame
from solidata.web.problems import text as problem_text
from solidata.web.surveys.models import Submission, SubmissionScore, Survey
from solidata.web.surveys.score_records import score_table_of
from solidata.web.surveys.selectors import answers_frame, method_of

KEEP = 8  # surveys kept in memory per process
_FIELDS = {
    "admin_area": "admin_area_id",
    "entity_type": "entity_type_id",
    "legal_form": "legal_form_id",
    "sector": "sector_id",
}
# A stored frame's kind, as the population frame takes it.
_KINDS: dict[str, Literal["design", "poststrata"]] = {
    SamplingFrame.Kind.DESIGN: "design",
    SamplingFrame.Kind.POSTSTRATA: "poststrata",
}


@dataclass(frozen=True)
class Dataset:
    """A survey's data for the findings: the table, its guard and its weighting (if any)."""

    survey_id: int
    signature: tuple[Any, ...]
    data: SurveyData
    guard: Guard
    weighting: Weighting | None
    frame_problems: list[Problem]  # why the sampling frame could not be used

    @property
    def frame_problem(self) -> str:
        """Why the sampling frame could not be used, in the current language ("" when it can)."""
        return " ".join(problem_text(p) for p in self.frame_problems[:3])

    pending: int  # submissions not yet approved (left out)
    unscored: int = 0  # approved submissions without a stored score under the method (left out)


_cache: OrderedDict[int, Dataset] = OrderedDict()
_guards: Kept[str, Guard] = Kept(KEEP)  # by classification (see guard_of)
_weightings: OrderedDict[str, list[tuple[pd.DataFrame, Weighting]]] = OrderedDict()
_lock = threading.Lock()


def surveys_with_findings(user: Any) -> list[Survey]:
    return [
        s
        for s in Survey.objects.select_related("country", "method").order_by("slug")
        if rights.can_see_aggregates(user, s)
    ]


def survey_by_slug(slug: str) -> Survey:
    """The survey with this short name; ``ingest.survey_unknown`` when there is none."""
    found = Survey.objects.select_related("method").filter(slug=slug).first()
    if found is None:
        raise SolidataError.of("ingest.survey_unknown", slug=slug)
    return found


def counted_submissions(survey: Survey) -> QuerySet[Submission]:
    """The submissions the findings count: approved, scored under the survey's method."""
    return Submission.objects.filter(
        survey=survey,
        review_status=Submission.Review.APPROVED,
        scores__method_id=survey.method_id,
    )


def counted_scores(survey: Survey) -> QuerySet[SubmissionScore]:
    """The stored scores of :func:`counted_submissions`, one each (under the survey's method)."""
    return SubmissionScore.objects.filter(
        method_id=survey.method_id,
        submission__survey=survey,
        submission__review_status=Submission.Review.APPROVED,
    )


def pending_submissions(survey: Survey) -> QuerySet[Submission]:
    """The survey's submissions still waiting for review (pending or on hold): the pages say how
    many the findings leave out."""
    return (
        Submission.objects.filter(survey=survey)
        .exclude(review_status=Submission.Review.APPROVED)
        .exclude(review_status=Submission.Review.REJECTED)
    )


def signature(survey: Survey) -> tuple[Any, ...]:
    found = counted_submissions(survey).aggregate(
        n=Count("id", distinct=True),
        changed=Max("updated_at"),
        scored=Max("scores__computed_at"),
        organisations=Max("organisation__updated_at"),
    )
    frame = SamplingFrame.objects.filter(survey=survey).values_list("updated_at", flat=True)
    counts = FrameCount.objects.filter(frame__survey=survey).aggregate(n=Count("id"), m=Max("id"))
    return (
        survey.method_id,
        found["n"],
        found["changed"],
        found["scored"],
        found["organisations"],
        tuple(frame),
        counts["n"],
        counts["m"],
        settings.SOLIDATA_MIN_CELL,
        pending_submissions(survey).count(),  # the pages' "N pending"
    )


def survey_dataset(survey: Survey) -> Dataset:
    """The survey's data, from memory when nothing changed since it was built."""
    current = signature(survey)
    with _lock:
        found = _cache.get(survey.pk)
        if found is not None and found.signature == current:
            _cache.move_to_end(survey.pk)
            return found
    built = _build(survey, current)
    with _lock:
        _cache[survey.pk] = built
        _cache.move_to_end(survey.pk)
        while len(_cache) > KEEP:
            _cache.popitem(last=False)
    return built


def forget(survey: Survey) -> None:
    with _lock:
        _cache.pop(survey.pk, None)


def classification(groups: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The entities' classification as the guard takes it, and a digest of it (order included)."""
    frame = groups[list(CLASSIFIERS)].reset_index(drop=True).astype(str)
    digest = hashlib.sha256(
        pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes()
        + str(len(frame)).encode()
    ).hexdigest()
    return frame, digest


def guard_of(groups: pd.DataFrame, min_count: int) -> Guard:
    """The guard of the entities classified as ``groups`` (one row each, in the dataset's order).

    Its decisions depend on the classification and the minimum alone -- a measure's are keyed by
    the partition it makes -- so a dataset rebuilt with the same entities in the same order (new
    scores after a method version, a changed answer or name) keeps its guard and every decision
    it has worked out, instead of computing the suppression of every page again."""
    frame, digest = classification(groups)
    digest += f"/{min_count}"
    found = _guards.get(digest)
    if found is not None and found.groups.equals(frame):  # a digest is checked, not trusted
        return found
    guard = Guard(frame, variables=CLASSIFIERS, min_count=min_count)
    _guards.put(digest, guard)
    return guard


def weighting_of(groups: pd.DataFrame, frame: PopulationFrame) -> Weighting:
    """``frame`` applied to the entities classified as ``groups``, kept like their guard: the
    weights, and the estimates made with them (:attr:`Weighting.memo`), depend on nothing else.

    Raises ``stats.*`` when the frame does not fit the entities."""
    classes, digest = classification(groups)
    with _lock:
        for kept_classes, kept in _weightings.get(digest, []):
            if kept.frame == frame and kept_classes.equals(classes):
                _weightings.move_to_end(digest)
                return kept
    applied = weighting(classes, frame)
    with _lock:
        kept_here = _weightings.setdefault(digest, [])
        kept_here.insert(0, (classes, applied))
        del kept_here[2:]  # a survey has one frame; two while it is being replaced
        _weightings.move_to_end(digest)
        while len(_weightings) > KEEP:
            _weightings.popitem(last=False)
    return applied


def population_frame(survey: Survey) -> PopulationFrame | None:
    """The survey's sampling frame as counts by stratum (None without one).

    Raises ``stats.frame_columns`` when the rows do not fix the same variables."""
    frame = SamplingFrame.objects.filter(survey=survey).first()
    if frame is None:
        return None
    rows = list(FrameCount.objects.filter(frame=frame).values(*_FIELDS.values(), "population"))
    if not rows:
        return None
    used = [[name for name, field in _FIELDS.items() if row[field] is not None] for row in rows]
    variables = tuple(used[0])
    if not variables or any(u != used[0] for u in used):
        raise SolidataError.of(
            "stats.frame_columns",
            missing="consistent stratum",
            columns="every row must give the same ones of " + ", ".join(_FIELDS),
        )
    counts = {
        tuple(str(row[_FIELDS[v]]) for v in variables): float(row["population"]) for row in rows
    }
    return PopulationFrame(variables, counts, kind=_KINDS[frame.kind], name=frame.description)


def _build(survey: Survey, current: tuple[Any, ...]) -> Dataset:
    method = method_of(survey.method)
    organisation = [f"submission__organisation__{field}" for field in _FIELDS.values()]
    rows = list(
        counted_scores(survey)
        .order_by("submission_id")
        .annotate(stored=Cast("record", TextField()))  # decoded by Arrow, not row by row
        .values_list(
            "submission__instance_id",
            "submission__answers",
            "submission__organisation__name",
            *organisation,
            "stored",
        )
    )
    answers = answers_frame(method, [(r[0], r[1] or {}) for r in rows])
    first = 3 + len(organisation)
    groups = pd.DataFrame(
        [r[3:first] for r in rows], columns=list(CLASSIFIERS), dtype=object
    ).assign(**{INSTANCE_ID: [r[0] for r in rows]})
    labels = {r[0]: r[2] or r[0] for r in rows}
    scores = score_table_of(method, [r[first] for r in rows], answers[INSTANCE_ID])
    data = survey_data(method, answers, groups, labels=labels, scores=scores)
    guard = guard_of(data.groups, settings.SOLIDATA_MIN_CELL)
    applied, frame_problems = None, []
    try:
        frame = population_frame(survey)
        if frame is not None and data.size:
            applied = weighting_of(data.groups, frame)
    except SolidataError as error:
        frame_problems = error.problems
    pending = current[-1]  # pending_submissions(survey).count(), read for the signature
    approved = Submission.objects.filter(survey=survey, review_status=Submission.Review.APPROVED)
    return Dataset(
        survey_id=survey.pk,
        signature=current,
        data=data,
        guard=guard,
        weighting=applied,
        frame_problems=frame_problems,
        pending=pending,
        unscored=approved.count() - len(rows),
    )
