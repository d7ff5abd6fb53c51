"""KoboToolbox exports: XLSX (repeats on their own sheets), CSV, and the legacy KoBoCAT/Ona CSV.

XLSX: the first sheet holds the submissions, each other sheet one repeat group (named after it,
cut to 31 characters); a repeat row's ``_parent_index`` points at the ``_index`` of its parent row
in the sheet named by ``_parent_table_name``. CSV: the main table only (semicolon or comma,
quoted). Legacy KoBoCAT CSV: repeats flattened into the main table as ``group[1]/q``, ``n/a`` for a
missing answer, ``True``/``False`` in select_multiple option columns, and ``meta/instanceID``.

Example::

    >>> sorted(KOBO_META)[:3]
    ['_index', '_parent_index', '_parent_table_name']
"""

from __future__ import annotations

from solidata.core.errors import SolidataError
from solidata.core.ingest.columns import HeaderIndex, Plan, plan_columns
from solidata.core.ingest.delimited import TextTable
from solidata.core.ingest.files import InputFile
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
from solidata.core.ingest.result import ID, ROW, ImportResult
from solidata.core.ingest.submissions import MainTable, RepeatTable
from solidata.core.ingest.tables import TableConverter
from solidata.core.ingest.workbook import SheetTable, open_sheets

KOBO_META = {
    "_uuid": "uuid",
    "meta/instanceID": "instance_id",
    "meta.instanceID": "instance_id",
    "instanceID": "instance_id",
    "_submission_time": "submitted_at",
    "_validation_status": "review",
    "_index": "index",
    "_parent_index": "parent_index",
    "_parent_table_name": "parent_table",
    "_submission__uuid": "submission_uuid",
}
KOBO_IGNORED = (
    "_id",
    "_notes",
    "_status",
    "_submitted_by",
    "_tags",
    "__version__",
    "_version_",
    "_version",
    "_xform_id_string",
    "_attachments",
    "_geolocation",
    "_duration",
    "_total_media",
    "_media_count",
    "_media_all_received",
    "formhub/uuid",
    "meta/instanceName",
    "meta/deprecatedID",
    "meta/rootUuid",
    "meta/audit",
)
ID_COLUMNS = ("_uuid", "meta/instanceID")
LEGACY_MISSING = frozenset({"n/a"})


def _main(
    ctx: ReadContext, headers: list[str], *, legacy: bool = False, sheets: bool = False
) -> MainTable:
    """The main table; with ``sheets``, its ``_index`` is kept for the repeat sheets."""
    method = ctx.method
    index = HeaderIndex.of(method, method.questions if legacy else questions_of(method, None))
    plan = plan_columns(index, headers, KOBO_META, ignored=KOBO_IGNORED, flat_repeats=legacy)
    report_columns(ctx.problem_log, plan)
    missing = LEGACY_MISSING if legacy else frozenset()
    convert = TableConverter(
        method, questions_of(method, None), plan, ctx.problem_log, missing=missing
    )
    parents = ("index",) if sheets else ()
    main = MainTable(method, convert, ctx.problem_log, parent_roles=parents)
    require_id(ctx, main, ID_COLUMNS)
    return main


def read_kobo_csv(ctx: ReadContext) -> ImportResult:
    table = _text_table(ctx.file)
    main = _main(ctx, table.header)
    for rows, chunk in table.chunks(main.convert.positions(), ctx.chunk_rows, ctx.progress):
        main.add(rows, chunk)
    main.finish()
    return result_of(ctx, main, [])


def _text_table(file: InputFile) -> TextTable:
    assert file.encoding is not None
    return TextTable.open(lambda: file.path.open("rb"), file.encoding, file.name, file.size)


def read_kobo_xlsx(ctx: ReadContext) -> ImportResult:
    sheets = open_sheets(ctx.file.path, ctx.file.name)
    if not sheets:
        raise SolidataError.of("ingest.empty", file=ctx.file.name)
    first, others = sheets[0], sheets[1:]
    main = _main(ctx, first.header, sheets=bool(others))
    for rows, chunk in first.chunks(main.convert.positions(), ctx.chunk_rows, ctx.progress):
        main.add(rows, chunk)
    main.finish()
    repeats = _repeat_sheets(ctx, main, first.name, others)
    return result_of(ctx, main, repeats)


def _repeat_sheets(
    ctx: ReadContext, main: MainTable, main_name: str, sheets: list[SheetTable]
) -> list[RepeatTable]:
    named = {}
    for sheet in sheets:
        repeat = find_repeat(ctx.method, sheet.name)
        if repeat is None:
            ctx.problem_log.add("ingest.repeat_unknown", sheet=sheet.name, name=sheet.name)
        else:
            named[repeat] = sheet
    # parents before children: a repeat inside another repeat is read after it
    order = sorted(named, key=lambda r: repeat_depth(ctx.method, r))
    keys_by_table: dict[str, dict[str, str]] = {main_name: main.parents.get("index", {})}
    out = []
    for repeat in order:
        sheet = named[repeat]
        parent = parent_repeat(ctx.method, repeat, named)
        known = keys_by_table.get(named[parent].name if parent else main_name, {})
        table, keys = _read_repeat_sheet(ctx, repeat, sheet, named, known)
        keys_by_table[sheet.name] = keys
        out.append(table)
    return out


def _read_repeat_sheet(
    ctx: ReadContext,
    repeat: str,
    sheet: SheetTable,
    tables: dict[str, SheetTable],
    parents: dict[str, str],
) -> tuple[RepeatTable, dict[str, str]]:
    questions = questions_of(ctx.method, repeat, tables)
    plan = plan_columns(HeaderIndex.of(ctx.method, questions), sheet.header, KOBO_META)
    report_columns(ctx.problem_log, plan, sheet.name)
    convert = TableConverter(ctx.method, questions, plan, ctx.problem_log, sheet=sheet.name)
    link: int | None
    if "parent_index" in plan.meta:
        link, known = plan.meta["parent_index"], parents
    else:  # older exports link repeat rows to the submission only
        link = plan.meta.get("submission_uuid")
        known = {v.removeprefix("uuid:"): v for v in parents.values()}
    return read_repeat_table(ctx, repeat, sheet, convert, known, link, plan.meta.get("index"))


def read_kobocat_csv(ctx: ReadContext) -> ImportResult:
    table = _text_table(ctx.file)
    main = _main(ctx, table.header, legacy=True)
    flat = _flat_converters(ctx, main.plan)
    positions = set(main.convert.positions())
    for _, convert in flat.values():
        positions.update(convert.positions())
    repeats: dict[str, RepeatTable] = {}
    for rows, chunk in table.chunks(sorted(positions), ctx.chunk_rows, ctx.progress):
        batch = main.add(rows, chunk)
        by_row = dict(zip(batch[ROW].tolist(), batch[ID].tolist(), strict=True))
        ids = [by_row.get(r) for r in rows]
        keys: dict[Indexes, list[str | None]] = {}
        for indexes, (name, convert) in flat.items():
            answers = convert.checked(chunk, rows)
            present = answers.notna().any(axis=1).to_numpy()
            above = ids if len(indexes) == 1 else keys.get(indexes[:-1], [None] * len(rows))
            parents = [p if ok else None for p, ok in zip(above, present, strict=True)]
            repeat = repeats.setdefault(name, RepeatTable(name))
            keys[indexes] = repeat.add(answers, parents, rows, ids)
    main.finish()
    return result_of(ctx, main, repeats.values())


Indexes = tuple[tuple[str, int], ...]


def _flat_converters(ctx: ReadContext, plan: Plan) -> dict[Indexes, tuple[str, TableConverter]]:
    """One converter per flattened repeat row (``kids[2]/...``), outer rows before inner ones."""
    out = {}
    for indexes in sorted(plan.flat, key=lambda k: (len(k), k)):
        tables = [find_repeat(ctx.method, name) or name for name, _ in indexes]
        questions = questions_of(ctx.method, tables[-1], tables)
        convert = TableConverter(
            ctx.method, questions, plan.flat[indexes], ctx.problem_log, missing=LEGACY_MISSING
        )
        out[indexes] = (tables[-1], convert)
    return out
