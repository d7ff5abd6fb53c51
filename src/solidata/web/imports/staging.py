"""The life of an import run: begun, staged part by part, then published or discarded.

SQLite lets one connection write at a time. An import that wrote a million rows in one transaction
held the write lock for minutes, and every web autosave and submission in that time failed with
"database is locked". So an import writes its new submissions and organisations in short
transactions, one part at a time, marked ``staged_by = run`` so that nobody sees them while the run
is unfinished (the default managers of :class:`~solidata.web.surveys.models.Submission`,
``SubmissionScore`` and :class:`~solidata.web.registry.models.Organisation` leave out the rows of
unfinished runs, :func:`~solidata.web.registry.models.unpublished_runs`). Its last short transaction
applies what changes rows already visible (updates) and finishes the run, which publishes its rows
all at once without writing them again (a million rows rewritten to clear a flag took as long as
writing them). The guarantee is the one of a single transaction:

- a run that fails discards what it staged before it re-raises;
- a run that is killed leaves only invisible rows and an unfinished run record; the next import
  (or ``solidata manage prune``) finds the run dead (its process is gone, or it has not written
  for :data:`STALE`) and deletes them, so a re-run creates no duplicates.

One import at a time per survey: a second one is refused (``import.running``) while the first is
alive.
"""

from __future__ import annotations

import datetime
import os
import socket
from typing import Any

from django.db import transaction
from django.utils import timezone

from solidata.core.errors import SolidataError
from solidata.web.imports.models import ImportRun
from solidata.web.registry.models import Organisation
from solidata.web.surveys.bulk import in_batches
from solidata.web.surveys.models import Submission, Survey

# A run that has not written for this long is dead, whatever its process table says.
STALE = datetime.timedelta(hours=1)
# Rows deleted per transaction when a dead run's staged rows are discarded.
DISCARD_BATCH = 5000


def _worker() -> str:
    return f"{socket.gethostname()[:80]} {os.getpid()}"


def run_is_dead(run: ImportRun, *, now: datetime.datetime | None = None) -> bool:
    """Whether an unfinished run will never finish: its process on this host is gone, or it has
    not written for :data:`STALE`."""
    if run.finished_at is not None:
        return False
    now = now or timezone.now()
    if run.heartbeat_at is None or run.heartbeat_at < now - STALE:
        return True
    host, _, pid = run.worker.rpartition(" ")
    if host == socket.gethostname()[:80] and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
    return False


def run_begin(*, survey: Survey, **fields: Any) -> ImportRun:
    """Record a new, unfinished run into ``survey`` after discarding dead runs; refuses while
    another run into the same survey is alive."""
    runs_discard_dead()
    with transaction.atomic():
        # serialises concurrent starts (PostgreSQL; SQLite's immediate transactions already do)
        Survey.objects.select_for_update().filter(pk=survey.pk).first()
        other = ImportRun.objects.filter(survey=survey, finished_at__isnull=True).first()
        if other is not None:
            raise SolidataError.of(
                "import.running", slug=survey.slug, started=f"{other.started_at:%Y-%m-%d %H:%M}"
            )
        now = timezone.now()
        return ImportRun.objects.create(
            survey=survey, started_at=now, heartbeat_at=now, worker=_worker(), **fields
        )


def run_heartbeat(*, run: ImportRun) -> None:
    """Note that ``run`` is alive (called inside each part's transaction)."""
    run.heartbeat_at = timezone.now()
    ImportRun.objects.filter(pk=run.pk).update(heartbeat_at=run.heartbeat_at)


def run_discard(*, run_id: int) -> int:
    """Delete what an unfinished run staged, then the run itself, in short transactions; returns
    how many staged submissions were deleted (their scores and fingerprints go with them). A
    finished run's rows are published: nothing is deleted."""
    deleted = 0
    while True:
        with transaction.atomic():
            if ImportRun.objects.filter(pk=run_id, finished_at__isnull=False).exists():
                return deleted
            pks = list(
                Submission.every.filter(staged_by=run_id).values_list("pk", flat=True)[
                    :DISCARD_BATCH
                ]
            )
            if not pks:
                Organisation.every.filter(staged_by=run_id).delete()
                ImportRun.objects.filter(pk=run_id, finished_at__isnull=True).delete()
                return deleted
            for part in in_batches(pks):
                Submission.every.filter(pk__in=part).delete()
            deleted += len(pks)


def runs_discard_dead() -> list[int]:
    """Discard every unfinished run that is dead; returns their ids."""
    now = timezone.now()
    unfinished = ImportRun.objects.filter(finished_at__isnull=True)
    dead = [run.pk for run in unfinished if run_is_dead(run, now=now)]
    for run_id in dead:
        run_discard(run_id=run_id)
    return dead
