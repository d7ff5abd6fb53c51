"""What every ingest stage hands on: the submissions of one file, their repeats and the problems.

Submissions are kept column-wise, in batches (one per chunk of the file read), so that a file of a
million rows costs a fraction of its size in memory: each batch is a frame with the reserved columns
:data:`ID`, :data:`SUBMITTED_AT`, :data:`REVIEW` and :data:`ROW` and one column per question (text,
``NA`` where unanswered). Reserved names start with ``@``, which no XLSForm name may contain.
Repeat rows are frames too, one per repeat group, each row linked to its parent by :data:`PARENT`.

Example::

    >>> import pandas as pd
    >>> batch = pd.DataFrame({ID: ["uuid:1"], SUBMITTED_AT: [pd.NaT], REVIEW: [None], ROW: [2],
    ...                       "age": ["41"], "name": [None]})
    >>> result = ImportResult(format="plain-csv", source="csv", file="a.csv",
    ...                       questions=("age", "name"), batches=[batch])
    >>> [(s.instance_id, dict(s.answers)) for s in result.submissions()]
    [('uuid:1', {'age': '41'})]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from solidata.core.errors import Problem

# Reserved columns of a batch frame.
ID = "@instance_id"
SUBMITTED_AT = "@submitted_at"
REVIEW = "@review"
ROW = "@row"
META = (ID, SUBMITTED_AT, REVIEW, ROW)
# Reserved columns of a repeat frame: the row's own key, its parent's key (the submission's
# instance id for a top-level repeat), its position among its siblings (from 1) and the submission.
KEY = "@key"
PARENT = "@parent"
POSITION = "@position"
REPEAT_META = (KEY, PARENT, POSITION, ID, ROW)

# Layouts, by the id users give to --format, and the submission source each one stands for.
LAYOUTS: dict[str, str] = {
    "kobo-xlsx": "KoboToolbox XLSX export (repeats on their own sheets)",
    "kobo-csv": "KoboToolbox CSV export (semicolon or comma)",
    "kobocat-csv": "legacy KoBoCAT / Ona CSV export (repeats flattened as group[1]/q)",
    "odk-zip": "ODK Central submissions.csv.zip (root CSV and one CSV per repeat)",
    "odk-csv": "ODK Central root CSV (no repeats)",
    "plain-csv": "plain answers CSV: instance_id and one column per question",
}
SOURCES: dict[str, str] = {
    "kobo-xlsx": "kobo",
    "kobo-csv": "kobo",
    "kobocat-csv": "kobo",
    "odk-zip": "odk",
    "odk-csv": "odk",
    "plain-csv": "csv",
}
REVIEW_STATUSES = ("pending", "approved", "on_hold", "rejected")
# Called with (work done, total work): bytes of a text file, rows of a workbook sheet.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportedSubmission:
    """One submission as the file gives it, with field names already translated to Solidata's.

    ``answers`` holds the non-empty answers by question name (select_multiple: choice names
    separated by spaces); ``repeats`` the rows of each top-level repeat group, in order, each a
    mapping of question names to answers (a nested repeat is a list under its group name).
    ``review_status`` is ``None`` when the file says nothing about review.
    """

    instance_id: str
    answers: Mapping[str, str]
    source: str
    row: int
    submitted_at: dt.datetime | None = None
    review_status: str | None = None
    repeats: Mapping[str, list[dict[str, Any]]] = field(default_factory=dict)

    def stored_answers(self) -> dict[str, Any]:
        """The answers as Solidata stores them: answers, then each repeat group as a list."""
        return {**self.answers, **{k: v for k, v in self.repeats.items() if v}}


@dataclass
class ImportResult:
    """The submissions read from one file, in batches, and every problem found on the way.

    ``rejected`` counts rows that cannot be stored (no instance id, a duplicate one); each has an
    error in ``problems`` naming its row. Other errors (a number that is not a number, a broken
    constraint) name the row and column, but the submission is kept as the file gives it.
    """

    format: str
    source: str
    file: str
    batches: list[pd.DataFrame] = field(default_factory=list)
    repeats: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rows_read: int = 0
    rejected: int = 0
    questions: tuple[str, ...] = ()

    def __len__(self) -> int:
        return sum(len(b) for b in self.batches)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def frame(self) -> pd.DataFrame:
        """All submissions as a plain answers frame: ``instance_id`` and one column per question."""
        columns = ["instance_id", *self.questions]
        if not self.batches:
            return pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
        frames = [b.drop(columns=[SUBMITTED_AT, REVIEW, ROW]) for b in self.batches]
        whole = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        return whole.rename(columns={ID: "instance_id"})[columns]

    def submissions(self) -> Iterator[ImportedSubmission]:
        """Every submission as an object (convenient for small files; batches are faster)."""
        nested = nest_repeats(self.repeats)
        for batch in self.batches:
            yield from _batch_submissions(batch, self.questions, self.source, nested)


def _batch_submissions(
    batch: pd.DataFrame,
    questions: tuple[str, ...],
    source: str,
    nested: Mapping[str, Mapping[str, list[dict[str, Any]]]],
) -> Iterator[ImportedSubmission]:
    columns = {q: batch[q].tolist() for q in questions}
    times = batch[SUBMITTED_AT].tolist()
    for i, (instance_id, review, row) in enumerate(
        zip(batch[ID].tolist(), batch[REVIEW].tolist(), batch[ROW].tolist(), strict=True)
    ):
        answers = {q: v for q, values in columns.items() if isinstance(v := values[i], str)}
        when = times[i]
        yield ImportedSubmission(
            instance_id=instance_id,
            answers=answers,
            source=source,
            row=int(row),
            submitted_at=None if pd.isna(when) else when.to_pydatetime(),
            review_status=review if isinstance(review, str) else None,
            repeats=nested.get(instance_id, {}),
        )


def nest_repeats(repeats: Mapping[str, pd.DataFrame]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Repeat rows nested under their parents: instance id -> repeat name -> list of rows.

    A row of a nested repeat sits in its parent row, as a list under the nested repeat's name.
    Rows are ordered by their position.
    """
    rows: dict[str, dict[str, Any]] = {}
    children: list[tuple[str, str, int, dict[str, Any]]] = []
    for name, frame in repeats.items():
        fields = [c for c in frame.columns if c not in REPEAT_META]
        values = {f: frame[f].tolist() for f in fields}
        for i, (key, parent, position) in enumerate(
            zip(frame[KEY].tolist(), frame[PARENT].tolist(), frame[POSITION].tolist(), strict=True)
        ):
            row = {f: v for f in fields if isinstance(v := values[f][i], str)}
            rows[key] = row
            children.append((parent, name, int(position), row))
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for parent, name, _, row in sorted(children, key=lambda c: c[2]):
        holder = rows.get(parent)
        if holder is not None:
            holder.setdefault(name, []).append(row)
        else:
            out.setdefault(parent, {}).setdefault(name, []).append(row)
    return out
