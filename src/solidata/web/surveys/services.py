"""Writes to method versions, surveys, submissions and scores. Each service owns its transaction."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from django.db import transaction
from django.utils import timezone

from solidata.core.demo import SyntheticOrganisation
from solidata.core.errors import SolidataError
from solidata.core.method import Method, bundled_method_path
from solidata.core.scoring import score
from solidata.web.registry.models import Organisation
from solidata.web.surveys.bulk import db_datetime, in_batches, insert_rows, update_rows
from solidata.web.surveys.models import MethodVersion, Submission, SubmissionScore, Survey
from solidata.web.surveys.score_records import dimension_scores_json, records_json
from solidata.web.surveys.selectors import answers_frame, method_of, parsed_method


@transaction.atomic
def method_version_store(*, workbook: bytes, bundled: bool = False) -> MethodVersion:
    """Store a validated method workbook once per (method id, version); returns the stored version.

    Raises SolidataError when the workbook is invalid, and when a different workbook already claims
    the same id and version (a changed method must get a new version).
    """
    digest = hashlib.sha256(workbook).hexdigest()
    method = parsed_method(digest, workbook)
    existing = MethodVersion.objects.filter(method_id=method.id, version=method.version).first()
    if existing:
        if existing.sha256 != digest:
            raise SolidataError.of(
                "method.version_exists", method_id=method.id, version=method.version
            )
        return existing
    return MethodVersion.objects.create(
        method_id=method.id,
        version=method.version,
        title=method.title or method.id,
        workbook=workbook,
        sha256=digest,
        is_bundled=bundled,
    )


def method_version_ensure_bundled() -> MethodVersion:
    path = bundled_method_path()
    if path is None:  # pragma: no cover - the workbook ships with the package
        raise FileNotFoundError("the bundled method workbook is missing")
    return method_version_store(workbook=path.read_bytes(), bundled=True)


@transaction.atomic
def survey_ensure_demo(*, slug: str, method: MethodVersion) -> Survey:
    """The synthetic demo campaign in Mongolia (created once, left as the user edited it)."""
    survey, _ = Survey.objects.get_or_create(
        slug=slug,
        defaults={
            "title": "Synthetic demo: SSE self-assessment, Mongolia",
            "titles": {"mn": "Зохиомол жишээ: өөрийн үнэлгээ, Монгол"},
            "country_id": "MN",
            "method": method,
            "period_start": datetime.date(2023, 3, 1),
            "period_end": datetime.date(2023, 6, 30),
            "status": Survey.Status.CLOSED,
            "description": "Invented answers for demonstration; not the real Mongolian survey.",
            "is_synthetic": True,
        },
    )
    return survey


@transaction.atomic
def submissions_load_synthetic(
    *, survey: Survey, organisations: Sequence[SyntheticOrganisation], answers: pd.DataFrame
) -> int:
    """Store one synthetic submission per organisation (matched by registry id); returns new ones.

    Submissions already stored (same instance id) are left as they are.
    """
    orgs = dict(
        Organisation.objects.filter(registry_id__in=[o.key for o in organisations]).values_list(
            "registry_id", "pk"
        )
    )
    existing = set(survey.submissions.values_list("instance_id", flat=True))
    start = datetime.datetime.combine(
        survey.period_start or datetime.date(2023, 3, 1), datetime.time(9)
    )
    new = []
    for i, (org, record) in enumerate(zip(organisations, answers.to_dict("records"), strict=True)):
        instance_id = str(record.pop("instance_id"))
        if instance_id in existing:
            continue
        new.append(
            Submission(
                survey=survey,
                instance_id=instance_id,
                organisation_id=orgs[org.key],
                answers={k: str(v) for k, v in record.items() if isinstance(v, str) and v != ""},
                source=Submission.Source.DEMO,
                submitted_at=timezone.make_aware(start + datetime.timedelta(hours=17 * i)),
                review_status=Submission.Review.APPROVED,
            )
        )
    Submission.objects.bulk_create(new, batch_size=500)
    return len(new)


def submissions_score(*, survey: Survey, submissions: Sequence[Submission] | None = None) -> int:
    """Score the stored answers of ``submissions`` (default: every submission of ``survey``) under
    the survey's method and store the scores with :func:`scores_store`, the one writer of
    scores; returns how many."""
    chosen = list(survey.submissions.all()) if submissions is None else list(submissions)
    if not chosen:
        return 0
    frame = answers_frame(method_of(survey.method), [(s.instance_id, s.answers) for s in chosen])
    return scores_store(
        survey=survey,
        scores=scores_compute(survey=survey, answers=frame),
        submission_ids={s.instance_id: s.pk for s in chosen},
    )


@dataclass(frozen=True)
class ComputedScores:
    """Scores computed for some submissions, not yet stored: by instance id, as JSON text."""

    instance_ids: list[str]
    records: list[str]
    dimensions: list[str]

    def __len__(self) -> int:
        return len(self.instance_ids)

    def subset(self, wanted: Collection[str]) -> ComputedScores:
        keep = [i for i, k in enumerate(self.instance_ids) if k in wanted]
        return ComputedScores(
            [self.instance_ids[i] for i in keep],
            [self.records[i] for i in keep],
            [self.dimensions[i] for i in keep],
        )


def scores_compute(
    *, survey: Survey, answers: pd.DataFrame, method: Method | None = None
) -> ComputedScores:
    """Score the submissions in ``answers`` (``instance_id`` and one column per question, as
    stored) under the survey's method, writing nothing (imports do it outside any transaction).

    ``method``: the survey's method already read, for callers that score on a thread of their own
    (which then makes no query; imports do).
    """
    if answers.empty:
        return ComputedScores([], [], [])
    table = score(method if method is not None else method_of(survey.method), answers)
    return ComputedScores(
        [str(i) for i in table.instance_ids.tolist()],
        records_json(table),
        dimension_scores_json(table),
    )


@transaction.atomic
def scores_store(
    *,
    survey: Survey,
    scores: ComputedScores,
    submission_ids: Mapping[str, int],
    unscored: Collection[int] = (),
) -> int:
    """Store ``scores`` in bulk under the survey's method; returns how many. The one writer of
    scores: imports, the web self-assessment and rescoring all store through it.

    ``submission_ids`` maps each instance id to its submission's primary key; ``unscored`` lists
    those known to have no score yet (just created), which saves looking.
    """
    if not scores:
        return 0
    version = survey.method
    pks = [submission_ids[i] for i in scores.instance_ids]
    scored: set[int] = set()
    for part in in_batches([pk for pk in pks if pk not in unscored]):
        scored.update(
            SubmissionScore.every.filter(method=version, submission_id__in=part).values_list(
                "submission_id", flat=True
            )
        )
    now = db_datetime(timezone.now())
    rows = list(zip(pks, scores.records, scores.dimensions, strict=True))
    update_rows(
        SubmissionScore,
        "submission",
        ["record", "dimension_scores", "computed_at"],
        ((r, d, now, pk) for pk, r, d in rows if pk in scored),
    )
    fields = ["submission", "method", "record", "dimension_scores", "computed_at"]
    method = version.pk
    insert_rows(
        SubmissionScore,
        fields,
        ((pk, method, r, d, now) for pk, r, d in rows if pk not in scored),
    )
    return len(rows)
