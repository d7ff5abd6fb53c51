"""Storing imported submissions: once, in one transaction, with an audit record of every change.

Guarantees (see docs/import.md):

- one transaction per import: an import that fails or is killed writes nothing;
- importing the same file again creates and changes nothing: each submission is known by its
  instance id within the survey, and its answers by a fingerprint (SHA-256 of their canonical JSON);
- a submission whose answers (or review status, when the file gives one) changed is updated, and a
  :class:`~solidata.web.imports.models.SubmissionChange` keeps what it was before;
- created and updated submissions are matched to organisations and scored in the same transaction.

Rows are stored and scored in parts of :data:`WRITE_BATCH` rows, written in bulk (see
:mod:`solidata.web.surveys.bulk`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from solidata.core.errors import Problem
from solidata.core.ingest import ImportResult, Limits, nest_repeats, read_answers
from solidata.core.ingest.result import ID, REVIEW, SUBMITTED_AT
from solidata.web.imports.models import ImportRun, SubmissionChange, SubmissionFingerprint
from solidata.web.imports.organisations import (
    AREA_QUESTIONS,
    LEGAL_FORM_QUESTIONS,
    LOCALITY_QUESTIONS,
    NAME_QUESTIONS,
    REGISTRY_QUESTIONS,
    OrganisationMatcher,
)
from solidata.web.imports.stored import answers_json, canonical_json, fingerprint
from solidata.web.surveys.bulk import (
    db_datetime,
    db_datetimes,
    in_batches,
    insert_rows,
    large_writes,
    update_rows,
)
from solidata.web.surveys.models import Submission, Survey
from solidata.web.surveys.selectors import method_of
from solidata.web.surveys.services import submissions_score_frame

logger = logging.getLogger(__name__)

# Rows stored (and scored) at a time: scoring a part has a fixed cost of some tens of milliseconds,
# and 50,000 rows of answers, texts and scores take some hundreds of megabytes.
WRITE_BATCH = 50_000
KEPT_PROBLEMS = 1000
_ORGANISATION_QUESTIONS = (
    REGISTRY_QUESTIONS + NAME_QUESTIONS + AREA_QUESTIONS + LEGAL_FORM_QUESTIONS + LOCALITY_QUESTIONS
)
Progress = Callable[[int, int], None]  # (rows done, rows in all)


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    format: str
    file: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    organisations_created: int = 0
    problems: list[Problem] = field(default_factory=list)
    run_id: int | None = None
    dry_run: bool = False
    seconds: dict[str, float] = field(default_factory=dict)  # "read", "store", "score"

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def as_json(self) -> dict[str, Any]:
        """The shape ``solidata import --json`` prints."""
        return {
            "format": self.format,
            "dry_run": self.dry_run,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "organisations_created": self.organisations_created,
            "warnings": [p.as_dict() for p in self.warnings],
            "problems": [p.as_dict() for p in self.errors],
        }


@dataclass(frozen=True)
class _Existing:
    pk: int
    review_status: str
    organisation_id: int | None
    sha256: str | None


def file_sha256(path: str | os.PathLike[str]) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def file_import(
    *,
    survey: Survey,
    path: str | os.PathLike[str],
    user: AbstractBaseUser | None = None,
    name: str | None = None,
    format: str | None = None,
    limits: Limits | None = None,
    dry_run: bool = False,
    read_progress: Progress | None = None,
    store_progress: Progress | None = None,
) -> ImportSummary:
    """Read an export file and store its submissions in ``survey`` (see :func:`submissions_import`).

    Raises :class:`~solidata.core.errors.SolidataError` when the file is refused; nothing is
    written then.
    """
    limits = limits or Limits(
        max_bytes=settings.SOLIDATA_IMPORT_MAX_MB * 1_000_000,
        max_cells=settings.SOLIDATA_IMPORT_MAX_CELLS,
        max_text=settings.SOLIDATA_IMPORT_MAX_TEXT_MB * 1_000_000,
    )
    started = time.perf_counter()
    result = read_answers(
        path,
        method_of(survey.method),
        format,
        limits=limits,
        name=name or Path(path).name,
        progress=read_progress,
    )
    read = time.perf_counter() - started
    summary = submissions_import(
        survey=survey,
        result=result,
        user=user,
        file_sha256=file_sha256(path),
        file_size=Path(path).stat().st_size,
        dry_run=dry_run,
        progress=store_progress,
    )
    summary.seconds["read"] = read
    return summary


def submissions_import(
    *,
    survey: Survey,
    result: ImportResult,
    user: AbstractBaseUser | None = None,
    file_sha256: str = "",
    file_size: int = 0,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Store the submissions of ``result`` in ``survey``, in one transaction.

    A dry run does everything but keeps nothing (and does not score), to show what an import would
    do. Example::

        >>> summary = submissions_import(survey=survey, result=read_answers(path, method))
        >>> summary.created, summary.unchanged  # doctest: +SKIP
        (156, 0)
    """
    summary = ImportSummary(
        format=result.format,
        file=result.file,
        rejected=result.rejected,
        problems=list(result.problems),
        dry_run=dry_run,
    )
    started = time.perf_counter()
    with large_writes(), transaction.atomic():
        run = ImportRun.objects.create(
            survey=survey,
            imported_by=user if user is not None and user.is_authenticated else None,
            file_name=result.file[:255],
            file_sha256=file_sha256,
            file_size=file_size,
            format=result.format,
            started_at=timezone.now(),
        )
        writer = _Writer(survey, result, run, summary, dry_run)
        for part in _parts(result.batches, WRITE_BATCH):
            writer.store(part)
            summary.rows += len(part)
            if progress is not None:
                progress(summary.rows, len(result))
            _pause_if_asked(summary.rows, len(part))
        summary.organisations_created = writer.matcher.created
        _finish(run, summary)
        if dry_run:
            transaction.set_rollback(True)
        else:
            summary.run_id = run.pk
    summary.seconds["score"] = writer.scoring
    summary.seconds["store"] = time.perf_counter() - started - writer.scoring
    return summary


def _parts(batches: Iterable[pd.DataFrame], size: int) -> Iterator[pd.DataFrame]:
    """The rows of ``batches`` (as the reader gives them, some thousands of rows each) in parts of
    ``size`` rows (the last one smaller)."""
    pending: list[pd.DataFrame] = []
    count = 0
    for batch in batches:
        start = 0
        while start < len(batch):
            piece = batch.iloc[start : start + size - count]
            pending.append(piece)
            count += len(piece)
            start += len(piece)
            if count >= size:
                yield pd.concat(pending, ignore_index=True) if len(pending) > 1 else piece
                pending, count = [], 0
    if pending:
        yield pd.concat(pending, ignore_index=True) if len(pending) > 1 else pending[0]


def _finish(run: ImportRun, summary: ImportSummary) -> None:
    run.finished_at = timezone.now()
    run.created, run.updated = summary.created, summary.updated
    run.unchanged, run.rejected = summary.unchanged, summary.rejected
    run.organisations_created = summary.organisations_created
    run.problem_count = len(summary.problems)
    run.problems = [p.as_dict() for p in summary.problems[:KEPT_PROBLEMS]]
    run.save()


def _pause_if_asked(done: int, last: int) -> None:
    """The test hook of SOLIDATA_IMPORT_PAUSE_AFTER: sleep inside the transaction, once."""
    limit = settings.SOLIDATA_IMPORT_PAUSE_AFTER
    if limit and done >= limit > done - last:
        logger.warning("Import paused after %d rows (SOLIDATA_IMPORT_PAUSE_AFTER).", done)
        time.sleep(3600)


class _Writer:
    """Writes the parts of one import's batches."""

    def __init__(
        self,
        survey: Survey,
        result: ImportResult,
        run: ImportRun,
        summary: ImportSummary,
        dry_run: bool,
    ) -> None:
        self.survey = survey
        self.run = run
        self.summary = summary
        self.dry_run = dry_run
        self.questions = list(result.questions)
        self.nested = nest_repeats(result.repeats)
        self.matcher = OrganisationMatcher.for_survey(survey)
        self.source = _source(result.source)
        self.now = timezone.now()
        self.scoring = 0.0  # seconds spent scoring and storing scores
        # In a survey without submissions, every row is new: rows of the file share no instance id
        # (a repeated one is rejected on reading), so there is nothing to look up.
        self.empty = not Submission.objects.filter(survey=survey).exists()

    def store(self, part: pd.DataFrame) -> None:
        ids = [str(i) for i in part[ID].tolist()]
        existing = self._existing(ids)
        texts = answers_json(part, self.questions, self.nested)
        hashes = [fingerprint(t) for t in texts]
        reviews = [r if isinstance(r, str) else None for r in part[REVIEW].tolist()]
        new, changed = [], []
        for i, instance_id in enumerate(ids):
            found = existing.get(instance_id)
            if found is None:
                new.append(i)
            elif hashes[i] != found.sha256 or (reviews[i] and reviews[i] != found.review_status):
                changed.append(i)
        self.summary.unchanged += len(ids) - len(new) - len(changed)
        self.summary.created += len(new)
        self.summary.updated += len(changed)
        organisations = self._organisations(part, new, changed, existing, ids)
        pks = self._insert(part, new, ids, texts, hashes, reviews, organisations)
        new_pks = set(pks.values())
        pks.update(self._update(changed, ids, texts, hashes, reviews, organisations, existing))
        if not self.dry_run and pks:
            rows = part.iloc[sorted(new + changed)]
            frame = rows[[ID, *self.questions]].rename(columns={ID: "instance_id"})
            started = time.perf_counter()
            submissions_score_frame(
                survey=self.survey, answers=frame, submission_ids=pks, unscored=new_pks
            )
            self.scoring += time.perf_counter() - started

    def _existing(self, ids: Sequence[str]) -> dict[str, _Existing]:
        found: dict[str, _Existing] = {}
        if self.empty:
            return found
        for part in in_batches(ids):
            rows = Submission.objects.filter(survey=self.survey, instance_id__in=part).values_list(
                "instance_id",
                "pk",
                "review_status",
                "organisation_id",
                "import_fingerprint__answers_sha256",
            )
            for instance_id, pk, review, organisation, sha256 in rows:
                found[instance_id] = _Existing(pk, review, organisation, sha256)
        unprinted = {e.pk: k for k, e in found.items() if e.sha256 is None}
        for part in in_batches(list(unprinted)):
            # submitted another way (web form, demo): compare with the answers as stored
            for pk, answers in Submission.objects.filter(pk__in=part).values_list("pk", "answers"):
                e = found[unprinted[pk]]
                found[unprinted[pk]] = _Existing(
                    pk, e.review_status, e.organisation_id, fingerprint(canonical_json(answers))
                )
        return found

    def _fingerprints(self, pks: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for part in in_batches(pks):
            out.update(
                SubmissionFingerprint.objects.filter(submission_id__in=part).values_list(
                    "submission_id", "answers_sha256"
                )
            )
        return out

    def _organisations(
        self,
        part: pd.DataFrame,
        new: list[int],
        changed: list[int],
        existing: dict[str, _Existing],
        ids: list[str],
    ) -> dict[int, int | None]:
        """The organisation of each new row, and of each changed row that has none yet."""
        wanted = new + [i for i in changed if existing[ids[i]].organisation_id is None]
        if not wanted:
            return {}
        columns = [q for q in _ORGANISATION_QUESTIONS if q in part.columns]
        matched = self.matcher.match_table(part[columns].iloc[wanted])
        return dict(zip(wanted, matched, strict=True))

    def _insert(
        self,
        part: pd.DataFrame,
        new: list[int],
        ids: list[str],
        texts: list[str],
        hashes: list[str],
        reviews: list[str | None],
        organisations: dict[int, int | None],
    ) -> dict[str, int]:
        if not new:
            return {}
        now = db_datetime(self.now)
        times = db_datetimes(part[SUBMITTED_AT], default=self.now)
        fields = [
            "survey", "organisation", "instance_id", "answers", "source", "submitted_at",
            "review_status", "reviewer_note", "created_at", "updated_at",
        ]  # fmt: skip
        last = Submission.objects.aggregate(last=Max("pk"))["last"] or 0
        insert_rows(
            Submission,
            fields,
            (
                (
                    self.survey.pk,
                    organisations.get(i),
                    ids[i],
                    texts[i],
                    self.source,
                    times[i],
                    reviews[i] or Submission.Review.PENDING,
                    "",
                    now,
                    now,
                )
                for i in new
            ),
        )
        # The rows just written are the survey's rows above the last primary key seen before
        # (other transactions' rows are not visible, or not ours: filtered by instance id).
        wanted = {ids[i] for i in new}
        written = Submission.objects.filter(survey=self.survey, pk__gt=last).values_list(
            "instance_id", "pk"
        )
        pks = {k: pk for k, pk in written if k in wanted}
        insert_rows(
            SubmissionFingerprint,
            ["submission", "answers_sha256", "run"],
            ((pks[ids[i]], hashes[i], self.run.pk) for i in new),
        )
        return pks

    def _update(
        self,
        changed: list[int],
        ids: list[str],
        texts: list[str],
        hashes: list[str],
        reviews: list[str | None],
        organisations: dict[int, int | None],
        existing: dict[str, _Existing],
    ) -> dict[str, int]:
        if not changed:
            return {}
        now = db_datetime(self.now)
        pks = {ids[i]: existing[ids[i]].pk for i in changed}
        before: dict[int, Any] = {}
        for batch in in_batches(list(pks.values())):
            before.update(Submission.objects.filter(pk__in=batch).values_list("pk", "answers"))
        rows = []
        for i in changed:
            found = existing[ids[i]]
            review = reviews[i] or found.review_status
            organisation = found.organisation_id or organisations.get(i)
            rows.append((texts[i], review, organisation, now, found.pk))
        update_rows(
            Submission, "id", ["answers", "review_status", "organisation", "updated_at"], rows
        )
        printed = set(self._fingerprints(list(pks.values())))
        update_rows(
            SubmissionFingerprint,
            "submission",
            ["answers_sha256", "run"],
            ((hashes[i], self.run.pk, pks[ids[i]]) for i in changed if pks[ids[i]] in printed),
        )
        insert_rows(
            SubmissionFingerprint,
            ["submission", "answers_sha256", "run"],
            ((pks[ids[i]], hashes[i], self.run.pk) for i in changed if pks[ids[i]] not in printed),
        )
        insert_rows(
            SubmissionChange,
            [
                "run",
                "submission",
                "answers_before",
                "answers_after",
                "review_before",
                "review_after",
                "changed_at",
            ],  # fmt: skip
            (
                (
                    self.run.pk,
                    existing[ids[i]].pk,
                    canonical_json(before[existing[ids[i]].pk]),
                    texts[i],
                    existing[ids[i]].review_status,
                    reviews[i] or existing[ids[i]].review_status,
                    now,
                )
                for i in changed
            ),
        )
        return pks


def _source(source: str) -> str:
    return {"kobo": Submission.Source.KOBO, "odk": Submission.Source.ODK}.get(
        source, Submission.Source.CSV
    )
