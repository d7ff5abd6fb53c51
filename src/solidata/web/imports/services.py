"""Storing imported submissions: once, all or nothing, with an audit record of every change.

Guarantees (see docs/import.md):

- all or nothing: an import that fails or is killed leaves nothing visible. New submissions are
  staged in short transactions, one part at a time, invisible until the import's last short
  transaction publishes them (see :mod:`solidata.web.imports.staging`), so that web autosaves and
  submissions get the database between parts; a dry run writes nothing and opens no transaction;
- importing the same file again creates and changes nothing: each submission is known by its
  instance id within the survey, and its answers by a fingerprint (SHA-256 of their canonical JSON);
- a submission whose answers (or review status, when the file gives one) changed is updated, and a
  :class:`~solidata.web.imports.models.SubmissionChange` keeps what it was before;
- created and updated submissions are matched to organisations and scored; organisations the file
  names for the first time are staged with the new submissions, and the updates of stored
  submissions are written in the publishing transaction.

Rows are read, matched, encoded and scored outside any transaction, then stored in parts of
:data:`WRITE_BATCH` rows in instance-id order by :class:`~solidata.web.imports.writer.Writer`
(which prepares and scores the next part on a helper thread while the database stores one),
written in bulk (see :mod:`solidata.web.surveys.bulk`).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser

from solidata.core.errors import Problem
from solidata.core.ingest import ImportResult, Limits, read_answers
from solidata.core.ingest.result import ID
from solidata.web.imports.staging import run_begin, run_discard
from solidata.web.imports.writer import Writer
from solidata.web.surveys.bulk import large_writes
from solidata.web.surveys.models import Survey
from solidata.web.surveys.selectors import method_of

# Rows stored (and scored) at a time: scoring a part has a fixed cost of some tens of milliseconds;
# each part is written in a transaction of its own, which holds SQLite's write lock for about a
# second per 10,000 rows, while web writes wait (see SOLIDATA_DB_TIMEOUT).
WRITE_BATCH = 10_000
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
    do. ``progress`` is called with (rows done, rows in all) after each part, outside any
    transaction: a part's new rows are staged (committed, invisible) by then, and nothing is
    locked (the import tests pause an import there, then kill it). Example::

        >>> result = read_answers(path, method)  # doctest: +SKIP
        >>> summary = submissions_import(survey=survey, result=result)  # doctest: +SKIP
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
    with large_writes():
        run = None
        if not dry_run:
            run = run_begin(
                survey=survey,
                imported_by=user if user is not None and user.is_authenticated else None,
                file_name=result.file[:255],
                file_sha256=file_sha256,
                file_size=file_size,
                format=result.format,
            )
        writer = Writer(survey, result, run, summary)

        def staged(rows: int) -> None:
            summary.rows += rows
            if progress is not None:
                progress(summary.rows, len(result))

        try:
            writer.write(_parts(result.batches, WRITE_BATCH), staged)
            summary.organisations_created = writer.matcher.created
            if run is not None:
                writer.publish()
                summary.run_id = run.pk
        except BaseException:
            if run is not None:
                run_discard(run_id=run.pk)
            raise
    # scoring runs on a helper thread while the database writes: the two overlap
    summary.seconds["score"] = writer.scoring
    summary.seconds["store"] = time.perf_counter() - started
    return summary


def _parts(batches: Sequence[pd.DataFrame], size: int) -> Iterator[pd.DataFrame]:
    """The rows of ``batches`` (as the reader gives them, some thousands of rows each) in parts of
    ``size`` rows (the last one smaller), in the order of their instance ids.

    A survey's submissions are indexed by instance id, and ids (KoboToolbox's and ODK's are
    UUIDs) come in no order: a part of rows in file order puts an entry into nearly every page of
    that index, and every part's commit writes all those pages again (a million-row import into
    SQLite spent half its time there). Parts in id order each fill a narrow range of the index.
    """
    if not batches:
        return
    whole = pd.concat(batches, ignore_index=True) if len(batches) > 1 else batches[0]
    if len(whole) <= size:
        yield whole
        return
    whole = _single_chunks(whole)
    ids = pa.array(whole[ID].astype(str).to_numpy(dtype=object), type=pa.large_string())
    order = pc.sort_indices(ids).to_numpy()
    for start in range(0, len(order), size):
        # each part in file order: the gather reads forward through memory
        yield whole.take(np.sort(order[start : start + size])).reset_index(drop=True)


def _single_chunks(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each Arrow-backed column in one chunk (joined batches leave one chunk per
    batch, and Arrow's ``take`` from many chunks joins them again at every call)."""
    columns = {}
    for name in frame.columns:
        column = frame[name]
        arrow = getattr(column.array, "__arrow_array__", None)
        data = arrow() if arrow is not None else None
        if isinstance(data, pa.ChunkedArray) and data.num_chunks > 1:
            joined = pa.concat_arrays(data.chunks)
            column = pd.Series(pd.array(joined, dtype=column.dtype), name=name)
        columns[name] = column
    return pd.DataFrame(columns)
