"""Writing one import's parts: new rows staged in a short transaction each, then everything
published in a last short one (see :mod:`solidata.web.imports.staging` and
:mod:`solidata.web.imports.services`)."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from solidata.core.errors import problem
from solidata.core.ingest import ImportResult, nest_repeats
from solidata.core.ingest.result import ID, REVIEW, ROW, SUBMITTED_AT
from solidata.web.imports.models import ImportRun, SubmissionChange, SubmissionFingerprint
from solidata.web.imports.organisations import (
    AREA_QUESTIONS,
    LEGAL_FORM_QUESTIONS,
    LOCALITY_QUESTIONS,
    NAME_QUESTIONS,
    REGISTRY_QUESTIONS,
    OrganisationMatcher,
)
from solidata.web.imports.staging import run_heartbeat
from solidata.web.imports.stored import answers_json, canonical_json, fingerprint
from solidata.web.surveys.bulk import (
    db_datetime,
    db_datetimes,
    in_batches,
    insert_rows,
    update_rows,
)
from solidata.web.surveys.models import Submission, Survey
from solidata.web.surveys.services import ComputedScores, scores_compute, scores_store

if TYPE_CHECKING:
    from solidata.web.imports.services import ImportSummary

KEPT_PROBLEMS = 1000
_ORGANISATION_QUESTIONS = (
    REGISTRY_QUESTIONS + NAME_QUESTIONS + AREA_QUESTIONS + LEGAL_FORM_QUESTIONS + LOCALITY_QUESTIONS
)
# A NUL character as JSON writes it: \u0000 after an even number of backslashes.
_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


@dataclass(frozen=True)
class _Existing:
    pk: int
    review_status: str
    organisation_id: int | None
    sha256: str | None


def run_finish(run: ImportRun, summary: ImportSummary) -> None:
    run.finished_at = timezone.now()
    run.created, run.updated = summary.created, summary.updated
    run.unchanged, run.rejected = summary.unchanged, summary.rejected
    run.organisations_created = summary.organisations_created
    run.problem_count = len(summary.problems)
    run.problems = [p.as_dict() for p in summary.problems[:KEPT_PROBLEMS]]
    run.save()


@dataclass
class _Update:
    """A stored submission the file changes: applied by the publishing transaction."""

    pk: int
    text: str
    sha256: str
    review: str | None  # None: the file gives none, the stored one stays
    organisation: int | None  # matched (staged when new) for a submission without one


class Writer:
    """Writes the parts of one import's batches (nothing for a dry run, whose ``run`` is None)."""

    def __init__(
        self, survey: Survey, result: ImportResult, run: ImportRun | None, summary: ImportSummary
    ) -> None:
        self.survey = survey
        self.run = run
        self.summary = summary
        self.questions = list(result.questions)
        self.nested = nest_repeats(result.repeats)
        self.matcher = OrganisationMatcher.for_survey(
            survey, staged_by=run.pk if run is not None else None, deferred=run is None
        )
        self.source = _source(result.source)
        self.now = timezone.now()
        self.scoring = 0.0  # seconds spent scoring and storing scores
        self.updates: list[_Update] = []
        self.update_scores: list[ComputedScores] = []
        # In a survey without submissions, every row is new: rows of the file share no instance id
        # (a repeated one is rejected on reading), so there is nothing to look up.
        self.empty = not Submission.objects.filter(survey=survey).exists()

    def store(self, part: pd.DataFrame) -> None:
        """Classify, match and score ``part`` outside any transaction, then stage its new rows in
        one short transaction and keep its changed rows for :meth:`publish`."""
        texts = answers_json(part, self.questions, self.nested)
        # the substring test first: the pattern's look-behind made this 1/6 of a PostgreSQL import
        if any("\\u0000" in t and _NUL.search(t) for t in texts):
            part = self._without_nul(part, texts)
            texts = answers_json(part, self.questions, self.nested)
        ids = [str(i) for i in part[ID].tolist()]
        existing = self._existing(ids)
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
        if self.run is None:
            return
        started = time.perf_counter()
        rows = part.iloc[sorted(new + changed)]
        frame = rows[[ID, *self.questions]].rename(columns={ID: "instance_id"})
        scores = scores_compute(survey=self.survey, answers=frame)
        self.scoring += time.perf_counter() - started
        for i in changed:
            found = existing[ids[i]]
            match = None if found.organisation_id else organisations.get(i)
            self.updates.append(_Update(found.pk, texts[i], hashes[i], reviews[i], match))
        if changed:
            self.update_scores.append(scores.subset({ids[i] for i in changed}))
        with transaction.atomic():
            run_heartbeat(run=self.run)
            pks = self._insert(part, new, ids, texts, hashes, reviews, organisations)
            started = time.perf_counter()
            scores_store(
                survey=self.survey,
                scores=scores.subset(pks),
                submission_ids=pks,
                unscored=set(pks.values()),
            )
            self.scoring += time.perf_counter() - started

    def _without_nul(self, part: pd.DataFrame, texts: list[str]) -> pd.DataFrame:
        """``part`` without its rows whose answers hold a NUL character (PostgreSQL cannot store
        one; SQLite is held to the same rule), each named as a problem and counted as rejected."""
        bad = [i for i, t in enumerate(texts) if _NUL.search(t)]
        rows = part.iloc[bad]
        for position in range(len(rows)):
            row = rows.iloc[position]
            columns = [
                q for q in self.questions if isinstance(row.get(q), str) and "\x00" in row[q]
            ]
            self.summary.problems.append(
                problem(
                    "ingest.nul_character",
                    file=self.summary.file,
                    row=int(row[ROW]) if ROW in row and pd.notna(row[ROW]) else None,
                    column=columns[0] if columns else None,
                )
            )
        self.summary.rejected += len(bad)
        return part.drop(part.index[bad]).reset_index(drop=True)

    def publish(self) -> None:
        """The last, short transaction: apply the updates and finish the run, which makes the
        organisations and submissions it staged visible (they are not written again)."""
        assert self.run is not None
        with transaction.atomic():
            self._update()
            run_finish(self.run, self.summary)

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
        """The organisation of each new row, and of each changed row that has none yet (new ones
        are created staged; a dry run's are negative placeholders)."""
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
        """Stage the new rows (invisible until published); returns their primary keys."""
        if not new:
            return {}
        assert self.run is not None
        now = db_datetime(self.now)
        times = db_datetimes(part[SUBMITTED_AT], default=self.now)
        fields = [
            "survey", "organisation", "instance_id", "answers", "source", "submitted_at",
            "review_status", "reviewer_note", "created_at", "updated_at", "staged_by",
        ]  # fmt: skip
        last = Submission.every.aggregate(last=Max("pk"))["last"] or 0
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
                    self.run.pk,
                )
                for i in new
            ),
        )
        # The rows just written are this run's rows above the last primary key seen before.
        written = Submission.every.filter(staged_by=self.run.pk, pk__gt=last).values_list(
            "instance_id", "pk"
        )
        wanted = {ids[i] for i in new}
        pks = {k: pk for k, pk in written if k in wanted}
        insert_rows(
            SubmissionFingerprint,
            ["submission", "answers_sha256", "run"],
            ((pks[ids[i]], hashes[i], self.run.pk) for i in new),
        )
        return pks

    def _update(self) -> None:
        """Apply the changes to stored submissions, with their audit records, fingerprints and
        scores (inside the publishing transaction: they change visible rows)."""
        if not self.updates:
            return
        assert self.run is not None
        now = db_datetime(self.now)
        pks = [u.pk for u in self.updates]
        current: dict[int, tuple[Any, str, int | None]] = {}
        for batch in in_batches(pks):
            rows = Submission.objects.filter(pk__in=batch).values_list(
                "pk", "answers", "review_status", "organisation_id"
            )
            current.update((pk, (a, r, o)) for pk, a, r, o in rows)

        def organisation(u: _Update) -> int | None:
            return current[u.pk][2] or u.organisation

        update_rows(
            Submission,
            "id",
            ["answers", "review_status", "organisation", "updated_at"],
            (
                (u.text, u.review or current[u.pk][1], organisation(u), now, u.pk)
                for u in self.updates
            ),
        )
        printed = set(self._fingerprints(pks))
        update_rows(
            SubmissionFingerprint,
            "submission",
            ["answers_sha256", "run"],
            ((u.sha256, self.run.pk, u.pk) for u in self.updates if u.pk in printed),
        )
        insert_rows(
            SubmissionFingerprint,
            ["submission", "answers_sha256", "run"],
            ((u.pk, u.sha256, self.run.pk) for u in self.updates if u.pk not in printed),
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
                    u.pk,
                    canonical_json(current[u.pk][0]),
                    u.text,
                    current[u.pk][1],
                    u.review or current[u.pk][1],
                    now,
                )
                for u in self.updates
            ),
        )
        ids = self._instance_pks(pks)
        started = time.perf_counter()
        for scores in self.update_scores:
            scores_store(survey=self.survey, scores=scores, submission_ids=ids)
        self.scoring += time.perf_counter() - started

    def _instance_pks(self, pks: Sequence[int]) -> dict[str, int]:
        out: dict[str, int] = {}
        for batch in in_batches(pks):
            out.update(Submission.objects.filter(pk__in=batch).values_list("instance_id", "pk"))
        return out


def _source(source: str) -> str:
    return {"kobo": Submission.Source.KOBO, "odk": Submission.Source.ODK}.get(
        source, Submission.Source.CSV
    )
