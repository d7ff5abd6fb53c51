"""The plain answers CSV of a method: ``instance_id`` and one column per question name.

This is what ``solidata method template`` writes. Two optional columns are read when present:
``submitted_at`` (ISO 8601) and ``review_status`` (pending, approved, on_hold, rejected). Headers
may also be labels, and values labels, in any language of the method, as in the other layouts.

Example::

    >>> PLAIN_META["instance_id"]
    'instance_id'
"""

from __future__ import annotations

from solidata.core.ingest.columns import HeaderIndex, plan_columns
from solidata.core.ingest.delimited import TextTable
from solidata.core.ingest.layout import ReadContext, report_columns, require_id, result_of
from solidata.core.ingest.result import ImportResult
from solidata.core.ingest.submissions import MainTable
from solidata.core.ingest.tables import TableConverter

PLAIN_META = {
    "instance_id": "instance_id",
    "submitted_at": "submitted_at",
    "review_status": "review",
}


def read_plain_csv(ctx: ReadContext) -> ImportResult:
    file = ctx.file
    assert file.encoding is not None
    table = TextTable.open(lambda: file.path.open("rb"), file.encoding, file.name, file.size)
    questions = [q for q in ctx.method.questions if q.is_answer]
    plan = plan_columns(HeaderIndex.of(ctx.method, questions), table.header, PLAIN_META)
    report_columns(ctx.problem_log, plan)
    convert = TableConverter(ctx.method, questions, plan, ctx.problem_log)
    main = MainTable(ctx.method, convert, ctx.problem_log, id_roles=("instance_id",))
    require_id(ctx, main, ("instance_id",))
    for rows, chunk in table.chunks(convert.positions(), ctx.chunk_rows, ctx.progress):
        main.add(rows, chunk)
    main.finish()
    return result_of(ctx, main, [])
