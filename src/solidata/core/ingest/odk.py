"""ODK Central exports: ``submissions.csv.zip`` (a root CSV and one CSV per repeat) or the root CSV.

Root columns: ``SubmissionDate``, the fields (group paths joined with ``-``, or bare names), among
them ``meta-instanceID``, then ``KEY``, ``SubmitterID``, ..., ``ReviewState``, ``FormVersion``. A
repeat file ``{formId}-{repeat}.csv`` holds the repeat's fields, then ``PARENT_KEY`` and ``KEY``:
the parent's ``KEY`` (the submission's, or an enclosing repeat row's).

Example::

    >>> ODK_META["ReviewState"], ODK_REPEAT_META["PARENT_KEY"]
    ('review', 'parent_key')
"""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath

from solidata.core.errors import SolidataError
from solidata.core.ingest.columns import HeaderIndex, normal, plan_columns
from solidata.core.ingest.delimited import TextTable
from solidata.core.ingest.files import text_encoding
from solidata.core.ingest.layout import (
    ReadContext,
    find_repeat,
    parent_repeat,
    questions_of,
    read_repeat_table,
    repeat_depth,
    report_columns,
    require_id,
    result_of,
)
from solidata.core.ingest.result import ImportResult
from solidata.core.ingest.submissions import MainTable, RepeatTable
from solidata.core.ingest.tables import TableConverter

ODK_META = {
    "SubmissionDate": "submitted_at",
    "meta-instanceID": "instance_id",
    "instanceID": "instance_id",
    "KEY": "key",
    "ReviewState": "review",
}
ODK_IGNORED = (
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "DeviceID",
    "Edits",
    "FormVersion",
    "meta-instanceName",
    "instanceName",
    "meta-audit",
    "meta-deprecatedID",
    "deprecatedID",
)
ODK_REPEAT_META = {"PARENT_KEY": "parent_key", "KEY": "key"}
ID_COLUMNS = ("meta-instanceID", "KEY")


def _main_table(ctx: ReadContext, table: TextTable) -> MainTable:
    questions = questions_of(ctx.method, None)
    plan = plan_columns(
        HeaderIndex.of(ctx.method, questions), table.header, ODK_META, ignored=ODK_IGNORED
    )
    report_columns(ctx.problem_log, plan)
    convert = TableConverter(ctx.method, questions, plan, ctx.problem_log)
    main = MainTable(
        ctx.method,
        convert,
        ctx.problem_log,
        id_roles=("instance_id", "key"),
        parent_roles=("key",),
    )
    require_id(ctx, main, ID_COLUMNS)
    for rows, chunk in table.chunks(convert.positions(), ctx.chunk_rows, ctx.progress):
        main.add(rows, chunk)
    main.finish()
    return main


def read_odk_csv(ctx: ReadContext) -> ImportResult:
    file = ctx.file
    assert file.encoding is not None
    table = TextTable.open(lambda: file.path.open("rb"), file.encoding, file.name, file.size)
    return result_of(ctx, _main_table(ctx, table), [])


def _member_table(ctx: ReadContext, archive: zipfile.ZipFile, member: str) -> TextTable:
    def blocks():  # type: ignore[no-untyped-def]
        with archive.open(member) as handle:
            while block := handle.read(1 << 20):
                yield block

    name = f"{ctx.file.name}/{member}"
    encoding = text_encoding(blocks, name)
    size = archive.getinfo(member).file_size
    return TextTable.open(lambda: archive.open(member), encoding, name, size)


def read_odk_zip(ctx: ReadContext) -> ImportResult:
    csvs = [m for m in ctx.file.members if m.lower().endswith(".csv")]
    if not csvs:
        raise SolidataError.of(
            "ingest.format_unknown", file=ctx.file.name, reason="the archive holds no CSV file"
        )
    with zipfile.ZipFile(ctx.file.path) as archive:
        tables = {m: _member_table(ctx, archive, m) for m in csvs}
        roots = [m for m, t in tables.items() if "submissiondate" in map(normal, t.header)]
        root = roots[0] if roots else min(csvs, key=len)
        main = _main_table(ctx, tables[root])
        repeats = _repeat_files(ctx, main, root, {m: t for m, t in tables.items() if m != root})
    return result_of(ctx, main, repeats)


def _repeat_files(
    ctx: ReadContext, main: MainTable, root: str, files: dict[str, TextTable]
) -> list[RepeatTable]:
    stem = PurePosixPath(root).stem
    named: dict[str, TextTable] = {}
    for member, source in files.items():
        suffix = PurePosixPath(member).stem.removeprefix(stem).lstrip("-")
        repeat = find_repeat(ctx.method, suffix)
        if repeat is None:
            ctx.problem_log.add("ingest.repeat_unknown", sheet=member, name=member)
        else:
            named[repeat] = source
    order = sorted(named, key=lambda r: repeat_depth(ctx.method, r))
    keys_by_repeat: dict[str | None, dict[str, str]] = {None: main.parents.get("key", {})}
    out = []
    for repeat in order:
        parent = parent_repeat(ctx.method, repeat, named)
        table, keys = _read_repeat_file(ctx, repeat, named, keys_by_repeat.get(parent, {}))
        keys_by_repeat[repeat] = keys
        out.append(table)
    return out


def _read_repeat_file(
    ctx: ReadContext, repeat: str, named: dict[str, TextTable], parents: dict[str, str]
) -> tuple[RepeatTable, dict[str, str]]:
    source = named[repeat]
    questions = questions_of(ctx.method, repeat, named)
    plan = plan_columns(HeaderIndex.of(ctx.method, questions), source.header, ODK_REPEAT_META)
    report_columns(ctx.problem_log, plan, source.name)
    convert = TableConverter(ctx.method, questions, plan, ctx.problem_log, sheet=source.name)
    link, key = plan.meta.get("parent_key"), plan.meta.get("key")
    return read_repeat_table(ctx, repeat, source, convert, parents, link, key)
