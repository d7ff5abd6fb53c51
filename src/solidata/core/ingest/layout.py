"""What the layout readers share: the reading context, the questions of each table, and the
step that turns a main table and its repeats into an :class:`ImportResult`.

Which questions a table holds follows the form: the main table has the questions outside any
repeat; the table of a repeat group has the questions inside it and not inside a deeper repeat that
has its own table. (The method model marks every group inside a repeat as ``repeat``; the tables of
an export tell which of them are repeats of their own.)

Example::

    >>> from solidata.core.method.model import Group, Method, Question
    >>> m = Method(id="m", version="1",
    ...     groups=(Group("kids", repeat=True),),
    ...     questions=(Question("n", "integer"), Question("age", "integer", group=("kids",),
    ...                                                   in_repeat=True)))
    >>> [q.name for q in questions_of(m, None)], [q.name for q in questions_of(m, "kids")]
    (['n'], ['age'])
    >>> top_repeats(m)
    ['kids']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import pandas as pd

from solidata.core.errors import SolidataError
from solidata.core.ingest.columns import Plan, normal
from solidata.core.ingest.files import InputFile
from solidata.core.ingest.problems import ProblemLog
from solidata.core.ingest.result import SOURCES, ImportResult, Progress
from solidata.core.ingest.submissions import (
    MainTable,
    RepeatTable,
    lookup_parents,
    report_orphans,
)
from solidata.core.ingest.tables import TableConverter
from solidata.core.method.model import Method, Question


@dataclass(frozen=True)
class ReadContext:
    """What every reader needs: the method, the checked file, where problems go, how to chunk."""

    method: Method
    file: InputFile
    problem_log: ProblemLog
    layout: str
    chunk_rows: int = 20_000
    progress: Progress | None = None


def top_repeats(method: Method) -> list[str]:
    """Repeat groups that are not inside another repeat."""
    repeats = {g.name for g in method.groups if g.repeat}
    return [g.name for g in method.groups if g.repeat and not any(p in repeats for p in g.path)]


def find_repeat(method: Method, name: str) -> str | None:
    """The repeat group a table is named after (sheet names are cut to 31 characters)."""
    wanted = normal(name)
    for g in method.groups:
        if g.repeat and (normal(g.name) == wanted or normal(g.name[:31]) == wanted):
            return g.name
    return None


def questions_of(
    method: Method, repeat: str | None, tables: Iterable[str] | None = None
) -> list[Question]:
    """The questions held by the main table (``repeat`` None) or by the table of ``repeat``.

    ``tables`` names the repeats that have a table of their own (default: the top-level ones).
    """
    if repeat is None:
        return [q for q in method.questions if not q.in_repeat]
    own = set(tables if tables is not None else top_repeats(method)) | {repeat}
    out = []
    for q in method.questions:
        if repeat not in q.group:
            continue
        deeper = q.group[q.group.index(repeat) + 1 :]
        if not any(g in own for g in deeper):
            out.append(q)
    return out


def repeat_depth(method: Method, name: str) -> int:
    """How many groups enclose ``name`` (repeats are read outermost first)."""
    group = method.group(name)
    return len(group.path) if group else 0


def parent_repeat(method: Method, repeat: str, tables: Iterable[str]) -> str | None:
    """The repeat (among ``tables``) that holds ``repeat``; None for a top-level one."""
    group = method.group(repeat)
    if group is None:
        return None
    own = set(tables)
    return next((g for g in reversed(group.path) if g in own), None)


def report_columns(problem_log: ProblemLog, plan: Plan, sheet: str | None = None) -> None:
    for column in plan.unknown:
        problem_log.add(
            "ingest.column_unknown", sheet=sheet, column=column.header, header=column.header
        )


def require_id(ctx: ReadContext, main: MainTable, looked_for: Sequence[str]) -> None:
    if main.id_column() is None:
        raise SolidataError.of(
            "ingest.instance_id_missing", file=ctx.file.name, columns=", ".join(looked_for)
        )
    if not main.plan.mapped_questions() and not main.plan.flat:
        raise SolidataError.of(
            "ingest.no_questions",
            file=ctx.file.name,
            method=f"{ctx.method.id} {ctx.method.version}",
        )


def result_of(ctx: ReadContext, main: MainTable, repeats: Iterable[RepeatTable]) -> ImportResult:
    return ImportResult(
        format=ctx.layout,
        source=SOURCES[ctx.layout],
        file=ctx.file.name,
        batches=main.batches,
        repeats={r.name: r.frame() for r in repeats if r.frames},
        problems=ctx.problem_log.problems(),
        rows_read=main.rows_read,
        rejected=main.rejected,
        questions=tuple(q.name for q in main.convert.questions),
    )


class ChunkedTable(Protocol):
    """A table read a chunk of rows at a time (a CSV file or a workbook sheet)."""

    @property
    def name(self) -> str: ...

    def chunks(
        self, positions: list[int], size: int, progress: Progress | None = None
    ) -> Iterator[tuple[list[int], pd.DataFrame]]: ...


def read_repeat_table(
    ctx: ReadContext,
    repeat: str,
    table: ChunkedTable,
    convert: TableConverter,
    parents: Mapping[str, str],
    link: int | None,
    own_key: int | None,
) -> tuple[RepeatTable, dict[str, str]]:
    """The rows of one repeat table, each under the parent its ``link`` column names (looked up
    in ``parents``); returns them and this table's keys (from column ``own_key``) for the tables
    of repeats inside it."""
    rows_of = RepeatTable(repeat)
    own: dict[str, str] = {}
    header = convert.plan.headers[link] if link is not None else ""
    for rows, chunk in table.chunks(convert.positions(), ctx.chunk_rows):
        raw = chunk[link].tolist() if link is not None else [None] * len(chunk)
        parent_keys = lookup_parents(raw, parents)
        report_orphans(ctx.problem_log, parent_keys, raw, rows, header, table.name)
        submissions = [k.split("/", 1)[0] if k else None for k in parent_keys]
        keys = rows_of.add(convert.checked(chunk, rows), parent_keys, rows, submissions)
        if own_key is not None:
            for value, key in zip(chunk[own_key].tolist(), keys, strict=True):
                if isinstance(value, str) and key is not None:
                    own[value.strip()] = key
    return rows_of, own
