"""Writing one import's parts: new rows staged in a short transaction each, then everything
published in a last short one (see :mod:`solidata.web.imports.staging` and
:mod:`solidata.web.imports.services`)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
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
from solidata.web.surveys.selectors import method_of
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
class _Part:
    """One part of an import on its way through :meth:`Writer.write`: its rows in stored form,
    then (once classified) which are new or changed, then (once scored) their scores."""

    rows: pd.DataFrame
    ids: list[str]
    texts: list[str]
    hashes: list[str]
    reviews: list[str | None]
    existing: dict[str, _Existing] = field(default_factory=dict)
    new: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    organisations: dict[int, int | None] = field(default_factory=dict)
    scores: Future[ComputedScores] | None = None

    @property
    def scored(self) -> list[int]:
        """The rows to score: the new and the changed ones, in the part's order."""
        return sorted(self.new + self.changed)


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
        self.method = method_of(survey.method)  # read here: the helper thread scores with it
        self.scoring = 0.0  # seconds spent scoring (on the helper thread)
        self.updates: list[_Update] = []
        self.update_scores: list[ComputedScores] = []
        # In a survey without submissions, every row is new: rows of the file share no instance id
        # (a repeated one is rejected on reading), so there is nothing to look up.
        self.empty = not Submission.objects.filter(survey=survey).exists()

    def write(self, parts: Iterable[pd.DataFrame], staged: Callable[[int], None]) -> None:
        """Classify, match, score and stage ``parts``; ``staged`` is called with the rows of each
        part once its new rows are staged (committed, invisible), outside any transaction.

        A pipeline on two threads, so that a second core works while the database writes: a
        helper thread takes each part out of ``parts``, turns it into JSON texts and
        fingerprints and scores its rows (computation only, no database), while this thread
        classifies the part against what is stored, matches its organisations and stages the
        part before it in one short transaction. The database work stays on this thread and its
        connection; parts are staged in order.
        """
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="solidata-import")
        iterator = iter(parts)  # advanced on the helper thread only: taking a part out is work too

        def prepare_next() -> _Part | None:
            part = next(iterator, None)
            return None if part is None else self._prepare(part)

        try:
            ahead: Future[_Part | None] | None = pool.submit(prepare_next)
            waiting: _Part | None = None
            while ahead is not None or waiting is not None:
                current = ahead.result() if ahead is not None else None
                ahead = None
                if current is not None:
                    self._classify(current)
                    if self.run is not None and current.scored:
                        current.scores = pool.submit(self._score, current)
                    ahead = pool.submit(prepare_next)  # after the scoring just asked for
                if waiting is not None:
                    self._stage(waiting)
                    staged(len(waiting.ids))
                waiting = current
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _prepare(self, part: pd.DataFrame) -> _Part:
        """The stored form of each row of ``part`` (helper thread: no database)."""
        texts = answers_json(part, self.questions, self.nested)
        # the substring test first: the pattern's look-behind made this 1/6 of a PostgreSQL import
        if any("\\u0000" in t and _NUL.search(t) for t in texts):
            part = self._without_nul(part, texts)
            texts = answers_json(part, self.questions, self.nested)
        return _Part(
            rows=part,
            ids=[str(i) for i in part[ID].tolist()],
            texts=texts,
            hashes=[fingerprint(t) for t in texts],
            reviews=[r if isinstance(r, str) else None for r in part[REVIEW].tolist()],
        )

    def _classify(self, p: _Part) -> None:
        """Which rows of ``p`` are new, changed or unchanged, and their organisations."""
        p.existing = existing = self._existing(p.ids)
        for i, instance_id in enumerate(p.ids):
            found = existing.get(instance_id)
            if found is None:
                p.new.append(i)
            elif p.hashes[i] != found.sha256 or (
                p.reviews[i] and p.reviews[i] != found.review_status
            ):
                p.changed.append(i)
        self.summary.unchanged += len(p.ids) - len(p.new) - len(p.changed)
        self.summary.created += len(p.new)
        self.summary.updated += len(p.changed)
        p.organisations = self._organisations(p.rows, p.new, p.changed, existing, p.ids)

    def _score(self, p: _Part) -> ComputedScores:
        """The scores of the new and changed rows of ``p`` (helper thread: no database)."""
        started = time.perf_counter()
        rows = p.rows.iloc[p.scored]
        frame = rows[[ID, *self.questions]].rename(columns={ID: "instance_id"})
        scores = scores_compute(survey=self.survey, answers=frame, method=self.method)
        self.scoring += time.perf_counter() - started
        return scores

    def _stage(self, p: _Part) -> None:
        """Stage the new rows of ``p`` in one short transaction and keep its changed rows for
        :meth:`publish`."""
        if self.run is None or p.scores is None:
            return
        scores = p.scores.result()
        for i in p.changed:
            found = p.existing[p.ids[i]]
            match = None if found.organisation_id else p.organisations.get(i)
            self.updates.append(_Update(found.pk, p.texts[i], p.hashes[i], p.reviews[i], match))
        if p.changed:
            self.update_scores.append(scores.subset({p.ids[i] for i in p.changed}))
        with transaction.atomic():
            run_heartbeat(run=self.run)
            pks = self._insert(p)
            scores_store(
                survey=self.survey,
                scores=scores.subset(pks),
                submission_ids=pks,
                unscored=set(pks.values()),
            )

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

    def _insert(self, p: _Part) -> dict[str, int]:
        """Stage the new rows (invisible until published); returns their primary keys."""
        new, ids, texts, hashes, reviews = p.new, p.ids, p.texts, p.hashes, p.reviews
        if not new:
            return {}
        assert self.run is not None
        now = db_datetime(self.now)
        times = db_datetimes(p.rows[SUBMITTED_AT], default=self.now)
        fields = [
            "survey", "organisation", "instance_id", "answers", "source", "submitted_at",
            "review_status", "reviewer_note", "created_at", "updated_at", "staged_by",
        ]  # fmt: skip
        last = Submission.every.aggregate(last=Max("pk"))["last"] or 0
        survey, run = self.survey.pk, self.run.pk
        insert_rows(
            Submission,
            fields,
            (
                (
                    survey,
                    p.organisations.get(i),
                    ids[i],
                    texts[i],
                    self.source,
                    times[i],
                    reviews[i] or Submission.Review.PENDING,
                    "",
                    now,
                    now,
                    run,
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
            ((pks[ids[i]], hashes[i], run) for i in new),
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
        for scores in self.update_scores:
            scores_store(survey=self.survey, scores=scores, submission_ids=ids)

    def _instance_pks(self, pks: Sequence[int]) -> dict[str, int]:
        out: dict[str, int] = {}
        for batch in in_batches(pks):
            out.update(Submission.objects.filter(pk__in=batch).values_list("instance_id", "pk"))
        return out


def _source(source: str) -> str:
    return {"kobo": Submission.Source.KOBO, "odk": Submission.Source.ODK}.get(
        source, Submission.Source.CSV
    )
