"""Stage 5: rows of a main table become submissions; rows of repeat tables become repeat rows.

What every layout shares: the instance id (bare UUIDs get the ``uuid:`` prefix that the XForm
``meta/instanceID`` carries, so a KoboToolbox ``_uuid`` and an ODK ``meta-instanceID`` agree), the
submission time (ISO 8601; without a zone it is UTC, as KoboToolbox writes it), the review status
(KoboToolbox's validation status and ODK's review state mapped to Solidata's), rows left out for a
missing or repeated instance id, and repeat rows keyed ``<parent key>/<repeat>[<n>]``.

Example::

    >>> instance_id("6f1e0b9c-4d3a-4b8e-9a57-0c2f7d1e5a33")
    'uuid:6f1e0b9c-4d3a-4b8e-9a57-0c2f7d1e5a33'
    >>> review_status("validation_status_not_approved"), review_status("hasIssues")
    ('rejected', 'on_hold')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from solidata.core.ingest.columns import Plan
from solidata.core.ingest.problems import ProblemLog
from solidata.core.ingest.result import ID, KEY, PARENT, POSITION, REVIEW, ROW, SUBMITTED_AT
from solidata.core.ingest.tables import TableConverter
from solidata.core.ingest.values import convert_distinct, mask_distinct
from solidata.core.method.model import Method

MAX_INSTANCE_ID = 100
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_REVIEW = {
    "approved": "approved",
    "validation_status_approved": "approved",
    "not_approved": "rejected",
    "validation_status_not_approved": "rejected",
    "rejected": "rejected",
    "on_hold": "on_hold",
    "validation_status_on_hold": "on_hold",
    "hasissues": "on_hold",
    "has_issues": "on_hold",
    "pending": "pending",
    "edited": "pending",
    "received": "pending",
}


def instance_id(value: str) -> str:
    """An instance id as the XForm instance holds it (``uuid:`` before a bare UUID)."""
    text = value.strip()
    return f"uuid:{text}" if _UUID.fullmatch(text) else text


def instance_ids(raw: pd.Series) -> pd.Series:
    """:func:`instance_id` of a whole column (NA where empty)."""
    text = raw.str.strip()
    bare = text.str.fullmatch(_UUID.pattern).fillna(False).astype(bool)
    out = ("uuid:" + text).where(bare, text)
    return out.where(out.str.len() > 0)


def review_status(value: str) -> str | None:
    """Solidata's review status for a KoboToolbox, ODK or Solidata status; None if unknown."""
    key = re.sub(r"[\s-]+", "_", value.strip().lower())
    return _REVIEW.get(key)


ProgressFn = Callable[[int], None]


@dataclass
class MainTable:
    """Builds the batches of submissions from the chunks of a layout's main table.

    ``id_roles`` lists the metadata roles that can give the instance id, best first;
    ``parent_roles`` the roles under which repeat tables refer to a submission (Kobo's ``_index``,
    ODK's ``KEY``): their values are remembered with the submission's instance id.
    """

    method: Method
    convert: TableConverter
    problem_log: ProblemLog
    id_roles: Sequence[str] = ("instance_id", "uuid", "key")
    parent_roles: Sequence[str] = ()
    sheet: str | None = None
    batches: list[pd.DataFrame] = field(default_factory=list)
    parents: dict[str, dict[str, str]] = field(default_factory=dict)
    rejected: int = 0
    rows_read: int = 0
    _first_row: dict[str, int] = field(default_factory=dict)
    _bad_times: list[str] = field(default_factory=list)
    _bad_time_count: int = 0
    _bad_reviews: list[str] = field(default_factory=list)
    _bad_review_count: int = 0

    @property
    def plan(self) -> Plan:
        return self.convert.plan

    def id_column(self) -> int | None:
        return next((self.plan.meta[r] for r in self.id_roles if r in self.plan.meta), None)

    def add(self, rows: Sequence[int], chunk: pd.DataFrame) -> pd.DataFrame:
        """Convert and check one chunk; returns its batch (the rows kept)."""
        self.rows_read += len(chunk)
        position = self.id_column()
        assert position is not None
        ids = instance_ids(chunk[position])
        keep = self._keep(ids, rows)
        answers = self.convert(chunk, rows)
        frame = pd.DataFrame(
            {
                ID: ids,
                SUBMITTED_AT: self._times(chunk),
                REVIEW: self._reviews(chunk),
                ROW: np.asarray(rows, dtype=np.int64),
            },
            index=chunk.index,
        )
        for role in self.parent_roles:
            if role in self.plan.meta:
                values = chunk[self.plan.meta[role]]
                known = self.parents.setdefault(role, {})
                for k, v, ok in zip(values.tolist(), ids.tolist(), keep, strict=True):
                    if ok and isinstance(k, str):
                        known[k.strip()] = v
        batch = pd.concat([frame, answers], axis=1)[keep].reset_index(drop=True)
        self.convert.check(
            batch[list(answers.columns)], batch[ROW].tolist(), self.convert.headers()
        )
        self.batches.append(batch)
        return batch

    def _keep(self, ids: pd.Series, rows: Sequence[int]) -> np.ndarray:
        """Rows that can be stored: an instance id, not too long, not seen before."""
        keep = np.ones(len(ids), dtype=bool)
        header = self.plan.headers[self.id_column() or 0]
        for i, (value, row) in enumerate(zip(ids.tolist(), rows, strict=True)):
            if not isinstance(value, str):
                self.problem_log.row_error(
                    "ingest.instance_id_empty", row=row, column=header, sheet=self.sheet
                )
            elif len(value) > MAX_INSTANCE_ID:
                self.problem_log.row_error(
                    "ingest.instance_id_too_long",
                    row=row,
                    column=header,
                    sheet=self.sheet,
                    length=len(value),
                    limit=MAX_INSTANCE_ID,
                )
            elif value in self._first_row:
                self.problem_log.row_error(
                    "ingest.instance_id_duplicate",
                    row=row,
                    column=header,
                    sheet=self.sheet,
                    instance_id=value,
                    first=self._first_row[value],
                )
            else:
                self._first_row[value] = row
                continue
            keep[i] = False
            self.rejected += 1
        return keep

    def _times(self, chunk: pd.DataFrame) -> pd.Series:
        if "submitted_at" not in self.plan.meta:
            return pd.Series(pd.NaT, index=chunk.index, dtype="datetime64[us, UTC]")
        raw = chunk[self.plan.meta["submitted_at"]].str.strip()
        times = pd.to_datetime(raw, utc=True, format="ISO8601", errors="coerce")
        bad = raw.notna() & times.isna()
        if bad.any():
            self._bad_time_count += int(bad.sum())
            self._bad_times.extend(raw[bad].head(1).tolist())
        return times.astype("datetime64[us, UTC]")

    def _reviews(self, chunk: pd.DataFrame) -> pd.Series:
        if "review" not in self.plan.meta:
            return pd.Series(pd.array([None] * len(chunk), dtype="str"), index=chunk.index)
        raw = chunk[self.plan.meta["review"]]
        unknown = mask_distinct(raw, lambda v: review_status(v) is None and v.strip() != "")
        if unknown.any():
            self._bad_review_count += int(unknown.sum())
            self._bad_reviews.extend(raw[unknown].head(1).tolist())
        return convert_distinct(raw, lambda v: (review_status(v), True)).series

    def finish(self) -> None:
        """Report, once for the whole file, what was tallied chunk by chunk."""
        if self._bad_time_count:
            self.problem_log.add(
                "ingest.submitted_at_invalid",
                count=self._bad_time_count,
                example=self._bad_times[0],
            )
        if self._bad_review_count:
            self.problem_log.add(
                "ingest.review_unknown", count=self._bad_review_count, example=self._bad_reviews[0]
            )
        if self.rows_read == 0:
            self.problem_log.add("ingest.no_rows")


@dataclass
class RepeatTable:
    """Collects the rows of one repeat group (from any number of tables) with their parents."""

    name: str
    frames: list[pd.DataFrame] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(
        self,
        answers: pd.DataFrame,
        parent_keys: Sequence[str | None],
        rows: Sequence[int],
        submissions: Sequence[str | None],
    ) -> list[str | None]:
        """Add rows (answers already converted) under their parents; returns each row's key."""
        keys: list[str | None] = []
        positions: list[int] = []
        for parent in parent_keys:
            if parent is None:
                keys.append(None)
                positions.append(0)
                continue
            n = self.counts[parent] = self.counts.get(parent, 0) + 1
            keys.append(f"{parent}/{self.name}[{n}]")
            positions.append(n)
        meta = pd.DataFrame(
            {
                KEY: pd.array(keys, dtype="str"),
                PARENT: pd.array(list(parent_keys), dtype="str"),
                POSITION: np.asarray(positions, dtype=np.int64),
                ID: pd.array(list(submissions), dtype="str"),
                ROW: np.asarray(rows, dtype=np.int64),
            },
            index=answers.index,
        )
        frame = pd.concat([meta, answers], axis=1)
        self.frames.append(frame[meta[KEY].notna().to_numpy()])
        return keys

    def frame(self) -> pd.DataFrame:
        return pd.concat(self.frames, ignore_index=True)


def report_orphans(
    problem_log: ProblemLog,
    parents: Sequence[str | None],
    raw_parents: Sequence[object],
    rows: Sequence[int],
    header: str,
    sheet: str | None,
) -> None:
    for parent, raw, row in zip(parents, raw_parents, rows, strict=True):
        if parent is None:
            problem_log.row_error(
                "ingest.repeat_orphan",
                row=row,
                column=header,
                sheet=sheet,
                parent="" if raw is None or raw != raw else str(raw),
            )


def lookup_parents(values: Sequence[object], known: Mapping[str, str]) -> list[str | None]:
    """The submission (or repeat row) key of each raw parent reference."""
    return [known.get(v.strip()) if isinstance(v, str) else None for v in values]
