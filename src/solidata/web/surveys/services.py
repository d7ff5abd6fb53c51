"""Writes to method versions, surveys, submissions and scores. Each service owns its transaction."""

from __future__ import annotations

import datetime
import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from django.db import transaction
from django.utils import timezone

from solidata.core.demo import SyntheticOrganisation
from solidata.core.errors import SolidataError
from solidata.core.method import bundled_method_path, read_method
from solidata.core.scoring import score
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import MethodVersion, Submission, SubmissionScore, Survey
from solidata.web.surveys.selectors import method_of


@transaction.atomic
def method_version_store(*, workbook: bytes, bundled: bool = False) -> MethodVersion:
    """Store a validated method workbook once per (method id, version); returns the stored version.

    Raises SolidataError when the workbook is invalid, and when a different workbook already claims
    the same id and version (a changed method must get a new version).
    """
    method = read_method(io.BytesIO(workbook))
    digest = hashlib.sha256(workbook).hexdigest()
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
    return method_version_store(workbook=Path(bundled_method_path()).read_bytes(), bundled=True)


@transaction.atomic
def survey_ensure_demo(*, slug: str, method: MethodVersion) -> Survey:
    """The synthetic demo campaign in Mongolia (created once, left as the user edited it)."""
    survey, _ = Survey.objects.get_or_create(
        slug=slug,
        defaults={
            "title": "Synthetic demo: SSE self-assessment, Mongolia",
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
    """Store one synthetic submission per organisation (matched by registry id); returns new ones."""
    orgs = {
        o.registry_id: o
        for o in Organisation.objects.filter(registry_id__in=[o.key for o in organisations])
    }
    start = datetime.datetime.combine(survey.period_start or datetime.date(2023, 3, 1), datetime.time(9))
    created = 0
    for i, (org, record) in enumerate(zip(organisations, answers.to_dict("records"), strict=True)):
        instance_id = str(record.pop("instance_id"))
        clean = {k: str(v) for k, v in record.items() if isinstance(v, str) and v != ""}
        _, was_created = Submission.objects.update_or_create(
            survey=survey,
            instance_id=instance_id,
            defaults={
                "organisation": orgs[org.key],
                "answers": clean,
                "source": Submission.Source.DEMO,
                "submitted_at": timezone.make_aware(start + datetime.timedelta(hours=17 * i)),
                "review_status": Submission.Review.APPROVED,
            },
        )
        created += was_created
    return created


@transaction.atomic
def submissions_score(*, survey: Survey, method: MethodVersion | None = None) -> int:
    """Score every submission of ``survey`` under ``method`` (default: the survey's); returns count."""
    version = method or survey.method
    core_method = method_of(version)
    submissions = list(survey.submissions.all())
    if not submissions:
        return 0
    columns = core_method.answer_columns()
    frame = pd.DataFrame(
        [{"instance_id": s.instance_id, **s.answers} for s in submissions],
        columns=["instance_id", *columns],
        dtype="string",
    )
    table = score(core_method, frame)
    by_lang = {
        lang: {r["instance_id"]: r for r in table.to_records(lang)}
        for lang in (core_method.languages or ("en",))
    }
    for submission in submissions:
        results = {lang: records[submission.instance_id] for lang, records in by_lang.items()}
        first = next(iter(results.values()))
        SubmissionScore.objects.update_or_create(
            submission=submission,
            method=version,
            defaults={
                "results": results,
                "dimension_scores": {k: v["score"] for k, v in first["dimensions"].items()},
            },
        )
    return len(submissions)
