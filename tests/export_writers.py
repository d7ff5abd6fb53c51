"""Write submissions in every layout Solidata reads, as the tools themselves write them.

Test support, not shipped with the package (nothing in ``src/`` may import it; a test checks):
used to make the fixtures in ``tests/data/ingest`` (``scripts/make_ingest_fixtures.py``) and the
benchmark files (``bench/ingest.py``), and to check that every layout of the same answers imports
to the same submissions. The tests import it as ``export_writers`` (``tests/`` is on pytest's
``pythonpath``); the script and the benchmark put ``tests/`` on ``sys.path`` first. The rules
follow docs/import.md and the public descriptions of the tools' exports; they are not the tools'
code.

Example::

    >>> import pandas as pd
    >>> from solidata.core.method.model import Method, Question
    >>> m = Method(id="m", version="1", questions=(Question("age", "integer"),))
    >>> subs = submissions_from_answers(m, pd.DataFrame({"instance_id": ["uuid:1"], "age": ["41"]}))
    >>> print(plain_csv_text(subs, m), end="")
    instance_id,age,submitted_at,review_status
    uuid:1,41,,
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import xlsxwriter

from solidata.core.ingest.layout import parent_repeat, questions_of, repeat_depth, top_repeats
from solidata.core.ingest.result import (
    ID,
    KEY,
    PARENT,
    POSITION,
    REVIEW,
    ROW,
    SUBMITTED_AT,
    ImportResult,
)
from solidata.core.ingest.values import convert_distinct, mask_distinct
from solidata.core.method.model import Method, Question

Multiple = Literal["summary", "options", "both"]
GEO_KOBO = ("latitude", "longitude", "altitude", "precision")
GEO_ODK = ("Latitude", "Longitude", "Altitude", "Accuracy")
KOBO_REVIEW = {
    "approved": "validation_status_approved",
    "rejected": "validation_status_not_approved",
    "on_hold": "validation_status_on_hold",
}
ODK_REVIEW = {"approved": "approved", "rejected": "rejected", "on_hold": "hasIssues"}
FIXED_TIME = dt.datetime(2024, 1, 1)


@dataclass(frozen=True)
class Options:
    """How an export spells its columns and values.

    ``labels``: a language code for label headers and label values (None: XML names);
    ``groups``: group paths in headers; ``separator`` between groups; ``multiple``: how a
    select_multiple is written; ``typed``: numbers and dates as spreadsheet numbers and dates
    (XLSX only; the default writes every cell as text, as KoboToolbox does).
    """

    labels: str | None = None
    groups: bool = False
    separator: str = "/"
    multiple: Multiple = "both"
    typed: bool = False


def submissions_from_answers(
    method: Method,
    answers: pd.DataFrame,
    *,
    submitted_at: Sequence[dt.datetime | None] | None = None,
    review: Sequence[str | None] | None = None,
    repeats: Mapping[str, pd.DataFrame] | None = None,
) -> ImportResult:
    """Submissions from a plain answers frame (``instance_id`` + question columns).

    ``repeats`` maps a repeat group to its rows: a frame with ``instance_id`` (the submission),
    optionally ``parent`` (the key of an enclosing repeat row, default the submission) and one
    column per question; rows are numbered in order within each parent.
    """
    n = len(answers)
    questions = tuple(q.name for q in method.questions if q.is_answer and not q.in_repeat)
    batch = pd.DataFrame(
        {
            ID: answers["instance_id"].astype("str").to_numpy(),
            SUBMITTED_AT: pd.Series(
                list(submitted_at) if submitted_at is not None else [None] * n, dtype=object
            )
            .pipe(pd.to_datetime, utc=True)
            .astype("datetime64[us, UTC]"),
            REVIEW: pd.array(list(review) if review is not None else [None] * n, dtype="str"),
            ROW: np.arange(2, n + 2, dtype=np.int64),
        }
    )
    for name in questions:
        column = answers[name] if name in answers.columns else pd.Series([None] * n)
        values = pd.Series(pd.array(column.tolist(), dtype="str"))
        batch[name] = values.where(values != "").to_numpy()
    return ImportResult(
        format="plain-csv",
        source="csv",
        file="",
        batches=[batch],
        repeats={k: _repeat_frame(v) for k, v in (repeats or {}).items()},
        rows_read=n,
        questions=questions,
    )


def _repeat_frame(rows: pd.DataFrame) -> pd.DataFrame:
    parents = rows["parent"] if "parent" in rows.columns else rows["instance_id"]
    counts: dict[str, int] = {}
    positions = []
    for parent in parents.tolist():
        counts[parent] = counts.get(parent, 0) + 1
        positions.append(counts[parent])
    name = str(rows.attrs.get("repeat", "repeat"))
    keys = [f"{p}/{name}[{k}]" for p, k in zip(parents.tolist(), positions, strict=True)]
    meta = pd.DataFrame(
        {
            KEY: keys,
            PARENT: parents.tolist(),
            POSITION: positions,
            ID: rows["instance_id"].tolist(),
            ROW: np.arange(2, len(rows) + 2),
        }
    )
    fields = rows.drop(columns=[c for c in ("instance_id", "parent") if c in rows.columns])
    return pd.concat([meta, fields.reset_index(drop=True)], axis=1)


# --- spelling headers and values ------------------------------------------------------------------


def _text(texts: Mapping[str, str], name: str, lang: str | None) -> str:
    return (texts.get(lang) or name) if lang is not None else name


def header_of(method: Method, q: Question, options: Options, separator: str | None = None) -> str:
    """A question's header: its name or label, after its group path when ``options.groups``."""
    text = _text(q.labels, q.name, options.labels)
    if not options.groups:
        return text
    parts = []
    for name in q.group:
        group = method.group(name)
        parts.append(_text(group.labels, name, options.labels) if group else name)
    return (separator or options.separator).join([*parts, text])


def _choice_text(method: Method, q: Question, lang: str | None) -> dict[str, str]:
    return {c.name: _text(c.labels, c.name, lang) for c in method.choice_list(q)}


def _values(method: Method, q: Question, column: pd.Series, lang: str | None) -> pd.Series:
    """Answers as the export writes them: labels of choices when ``lang`` is given."""
    if lang is None or not q.is_select:
        return column
    texts = _choice_text(method, q, lang)
    return convert_distinct(
        column, lambda v: (" ".join(texts.get(t, t) for t in v.split()), True)
    ).series


def _option_cells(column: pd.Series, choice: str, true: str, false: str) -> pd.Series:
    chosen = mask_distinct(column, lambda v: choice in v.split())
    out = np.where(chosen, true, false).astype(object)
    out[column.isna().to_numpy()] = None
    return pd.Series(out, index=column.index)


@dataclass
class _Table:
    """Columns of one table of an export, built in order."""

    headers: list[str]
    columns: list[pd.Series]

    def add(self, header: str, column: pd.Series | Sequence[Any]) -> None:
        self.headers.append(header)
        self.columns.append(column if isinstance(column, pd.Series) else pd.Series(column))

    def frame(self) -> pd.DataFrame:
        data = {i: c.reset_index(drop=True) for i, c in enumerate(self.columns)}
        frame = pd.DataFrame(data)
        frame.columns = pd.Index(self.headers)
        return frame


def _field_columns(
    table: _Table,
    method: Method,
    questions: Sequence[Question],
    data: pd.DataFrame,
    options: Options,
    *,
    odk: bool = False,
    true: str = "1",
    false: str = "0",
) -> None:
    sep = "-" if odk else options.separator
    for q in questions:
        if not q.is_answer:
            continue
        column = data[q.name] if q.name in data.columns else pd.Series([None] * len(data))
        header = header_of(method, q, options, sep)
        if q.type == "geopoint":
            if not odk:
                table.add(header, column)
            parts = column.str.split(" ", expand=False)
            for k, part in enumerate(GEO_ODK if odk else GEO_KOBO):
                values = parts.map(
                    lambda p, k=k: p[k] if isinstance(p, list) and len(p) > k else None
                )
                table.add(f"{header}-{part}" if odk else f"_{q.name}_{part}", values)
            continue
        if q.type == "select_multiple":
            if odk or options.multiple != "options":
                table.add(header, _values(method, q, column, options.labels))
            if options.multiple != "summary":
                option_sep = "/" if odk else options.separator
                texts = _choice_text(method, q, None if odk else options.labels)
                for choice, text in texts.items():
                    cells = _option_cells(column, choice, true, false)
                    table.add(f"{header}{option_sep}{text}", cells)
            continue
        table.add(header, _values(method, q, column, options.labels))


def _whole(subs: ImportResult) -> pd.DataFrame:
    return pd.concat(subs.batches, ignore_index=True) if subs.batches else pd.DataFrame()


def _iso(times: pd.Series, fmt: str) -> pd.Series:
    text: pd.Series = times.dt.strftime(fmt)
    return text.where(times.notna())


def _kobo_main(method: Method, subs: ImportResult, options: Options) -> _Table:
    data = _whole(subs)
    table = _Table([], [])
    _field_columns(table, method, questions_of(method, None), data, options)
    n = len(data)
    ids = data[ID].str.removeprefix("uuid:")
    table.add("_id", pd.Series(range(1, n + 1)).astype(str))
    table.add("_uuid", ids)
    table.add("_submission_time", _iso(data[SUBMITTED_AT], "%Y-%m-%dT%H:%M:%S"))
    table.add("_validation_status", data[REVIEW].map(lambda r: KOBO_REVIEW.get(r, "")))
    for header in ("_notes", "_status", "_submitted_by", "__version__", "_tags"):
        value = {"_notes": "[]", "_tags": "[]", "_status": "submitted_via_web"}.get(header, "")
        table.add(header, [value] * n)
    table.add("_index", pd.Series(range(1, n + 1)).astype(str))
    return table


def _kobo_repeats(
    method: Method, subs: ImportResult, options: Options, main_sheet: str
) -> dict[str, _Table]:
    data = _whole(subs)
    index_of = {iid: str(i) for i, iid in enumerate(data[ID].tolist(), start=1)}
    out = {}
    row_index: dict[str, str] = {}
    order = sorted(subs.repeats, key=lambda r: repeat_depth(method, r))
    for name in order:
        rows = subs.repeats[name]
        table = _Table([], [])
        grouped = Options(options.labels, True, options.separator, options.multiple)
        _field_columns(table, method, questions_of(method, name, subs.repeats), rows, grouped)
        own = [str(i) for i in range(1, len(rows) + 1)]
        parent = parent_repeat(method, name, subs.repeats)
        table.add("_index", own)
        table.add("_parent_table_name", [_sheet_name(parent) if parent else main_sheet] * len(rows))
        links = index_of if parent is None else row_index
        table.add("_parent_index", [links.get(p, "") for p in rows[PARENT].tolist()])
        table.add("_submission__uuid", rows[ID].str.removeprefix("uuid:"))
        row_index.update(zip(rows[KEY].tolist(), own, strict=True))
        out[_sheet_name(name)] = table
    return out


def _sheet_name(name: str) -> str:
    cleaned = "".join(c for c in name if c not in "[]:*?/\\")
    return cleaned[:31] or "Sheet"


def write_kobo_xlsx(
    subs: ImportResult, method: Method, path: str | os.PathLike[str], options: Options = Options()
) -> Path:
    """A KoboToolbox XLSX export: the submissions sheet, then one sheet per repeat group."""
    main_sheet = _sheet_name(method.title or method.id)
    tables = {main_sheet: _kobo_main(method, subs, options)}
    tables.update(_kobo_repeats(method, subs, options, main_sheet))
    types = _types(method) if options.typed else {}
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    book.set_properties({"created": FIXED_TIME})  # the same answers give the same file
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for sheet_name, table in tables.items():
        sheet = book.add_worksheet(sheet_name)
        sheet.write_row(0, 0, table.headers)
        kinds = [types.get(h) for h in table.headers]
        columns = [c.tolist() for c in table.columns]
        for r in range(len(columns[0]) if columns else 0):
            for c, column in enumerate(columns):
                value = column[r]
                if value is None or value != value or value == "":
                    continue
                _write_cell(sheet, r + 1, c, str(value), kinds[c], date_format)
    book.close()
    return Path(path)


def _types(method: Method) -> dict[str, str]:
    return {q.name: q.type for q in method.questions}


def _write_cell(sheet: Any, row: int, col: int, value: str, kind: str | None, fmt: Any) -> None:
    if kind in ("integer", "decimal"):
        try:
            sheet.write_number(row, col, float(value))
            return
        except ValueError:
            pass
    if kind == "date":
        try:
            sheet.write_datetime(row, col, dt.datetime.fromisoformat(value), fmt)
            return
        except ValueError:
            pass
    sheet.write_string(row, col, value)


def _csv_text(frame: pd.DataFrame, sep: str, quoting: Literal[0, 1], newline: str) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, sep=sep, quoting=quoting, lineterminator=newline, na_rep="")
    return buffer.getvalue()


def kobo_csv_text(
    subs: ImportResult,
    method: Method,
    options: Options = Options(),
    delimiter: str = ";",
    newline: str = "\r\n",
) -> str:
    """A KoboToolbox CSV export: every field quoted, semicolon-separated by default."""
    frame = _kobo_main(method, subs, options).frame()
    return _csv_text(frame, delimiter, csv.QUOTE_ALL, newline)


def kobocat_csv_text(subs: ImportResult, method: Method, newline: str = "\r\n") -> str:
    """The legacy KoBoCAT/Ona CSV: group paths, repeats flattened, ``n/a``, True/False options."""
    data = _whole(subs)
    options = Options(groups=True, multiple="both")
    table = _Table([], [])
    _field_columns(
        table, method, questions_of(method, None), data, options, true="True", false="False"
    )
    _flattened_repeats(table, method, subs, data[ID])
    table.add("meta/instanceID", data[ID])
    table.add("_id", pd.Series(range(1, len(data) + 1)).astype(str))
    table.add("_uuid", data[ID].str.removeprefix("uuid:"))
    table.add("_submission_time", _iso(data[SUBMITTED_AT], "%Y-%m-%dT%H:%M:%S"))
    table.add("_tags", [""] * len(data))
    table.add("_notes", [""] * len(data))
    frame = table.frame().fillna("n/a").replace({"": "n/a"})
    frame[["_tags", "_notes"]] = ""
    return _csv_text(frame, ",", csv.QUOTE_MINIMAL, newline)


def _flattened_repeats(table: _Table, method: Method, subs: ImportResult, ids: pd.Series) -> None:
    for name in top_repeats(method):
        rows = subs.repeats.get(name)
        if rows is None or rows.empty:
            continue
        most = int(rows.groupby(PARENT)[POSITION].max().max())
        questions = [q for q in questions_of(method, name) if q.is_answer]
        for k in range(1, most + 1):
            picked = rows[rows[POSITION] == k].set_index(PARENT)
            aligned = picked.reindex(ids.tolist())
            for q in questions:
                header = header_of(method, q, Options(groups=True))
                flat = header.replace(f"{name}/", f"{name}[{k}]/", 1)
                column = aligned[q.name] if q.name in aligned.columns else [None] * len(ids)
                table.add(flat, pd.Series(list(column)))


def odk_tables(
    subs: ImportResult,
    method: Method,
    form_id: str,
    *,
    group_paths: bool = True,
    split_multiple: bool = False,
) -> dict[str, str]:
    """ODK Central's CSV files by name: ``{form_id}.csv`` and ``{form_id}-{repeat}.csv``."""
    data = _whole(subs)
    options = Options(groups=group_paths, multiple="both" if split_multiple else "summary")
    root = _Table([], [])
    root.add("SubmissionDate", _iso(data[SUBMITTED_AT], "%Y-%m-%dT%H:%M:%S.000Z"))
    _field_columns(root, method, questions_of(method, None), data, options, odk=True)
    root.add("meta-instanceID" if group_paths else "instanceID", data[ID])
    root.add("KEY", data[ID])
    n = len(data)
    for header, value in (
        ("SubmitterID", "5"),
        ("SubmitterName", "enumerator"),
        ("AttachmentsPresent", "0"),
        ("AttachmentsExpected", "0"),
        ("Status", ""),
    ):
        root.add(header, [value] * n)
    root.add("ReviewState", data[REVIEW].map(lambda r: ODK_REVIEW.get(r, "")))
    root.add("DeviceID", [""] * n)
    root.add("Edits", ["0"] * n)
    root.add("FormVersion", [method.version] * n)
    files = {f"{form_id}.csv": _csv_text(root.frame(), ",", csv.QUOTE_MINIMAL, "\n")}
    for name, rows in subs.repeats.items():
        table = _Table([], [])
        _field_columns(
            table, method, questions_of(method, name, subs.repeats), rows, options, odk=True
        )
        table.add("PARENT_KEY", rows[PARENT])
        table.add("KEY", rows[KEY])
        files[f"{form_id}-{name}.csv"] = _csv_text(table.frame(), ",", csv.QUOTE_MINIMAL, "\n")
    return files


def write_odk_zip(
    subs: ImportResult, method: Method, path: str | os.PathLike[str], form_id: str, **kwargs: bool
) -> Path:
    """ODK Central's ``submissions.csv.zip``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in odk_tables(subs, method, form_id, **kwargs).items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            archive.writestr(info, text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return Path(path)


def plain_csv_text(subs: ImportResult, method: Method, newline: str = "\n") -> str:
    """The plain answers CSV: instance_id, one column per question, submitted_at, review_status."""
    data = _whole(subs)
    frame = pd.DataFrame({"instance_id": data[ID].tolist()})
    for name in method.answer_columns():
        frame[name] = data[name].tolist() if name in data.columns else None
    frame["submitted_at"] = _iso(data[SUBMITTED_AT], "%Y-%m-%dT%H:%M:%SZ").tolist()
    frame["review_status"] = data[REVIEW].tolist()
    return _csv_text(frame, ",", csv.QUOTE_MINIMAL, newline)


def write_csv(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    """Write an export's text in ``encoding`` (utf-8, utf-8-sig, utf-16, cp1251, ...)."""
    Path(path).write_bytes(text.encode(encoding))
    return Path(path)


@dataclass(frozen=True)
class Variant:
    """One way a tool writes an export: its layout, file name and the options that vary."""

    name: str
    layout: str
    options: Options = Options()
    delimiter: str = ";"
    encoding: str = "utf-8"
    newline: str = "\r\n"
    group_paths: bool = True
    split_multiple: bool = False
    carries_review: bool = True


VARIANTS: tuple[Variant, ...] = (
    Variant("kobo-names.xlsx", "kobo-xlsx"),
    Variant("kobo-labels-mn-groups.xlsx", "kobo-xlsx", Options(labels="mn", groups=True)),
    Variant(
        "kobo-labels-en-dot-options.xlsx",
        "kobo-xlsx",
        Options(labels="en", groups=True, separator=".", multiple="options"),
    ),
    Variant("kobo-typed-cells.xlsx", "kobo-xlsx", Options(typed=True)),
    Variant("kobo-names.csv", "kobo-csv"),
    Variant("kobo-labels-en-groups.csv", "kobo-csv", Options(labels="en", groups=True)),
    Variant(
        "kobo-comma-dot-summary.csv",
        "kobo-csv",
        Options(groups=True, separator=".", multiple="summary"),
        delimiter=",",
    ),
    Variant(
        "kobo-options-only-bom-lf.csv",
        "kobo-csv",
        Options(multiple="options"),
        encoding="utf-8-sig",
        newline="\n",
    ),
    Variant("kobo-labels-mn-utf16.csv", "kobo-csv", Options(labels="mn"), encoding="utf-16"),
    # Windows-1251 has no Mongolian Ө and Ү: only answers without them can be written in it.
    Variant(
        "kobo-labels-en-cp1251.csv",
        "kobo-csv",
        Options(labels="en"),
        delimiter=",",
        encoding="cp1251",
    ),
    Variant("kobocat-legacy.csv", "kobocat-csv", carries_review=False),
    Variant("odk-groups-split.zip", "odk-zip", split_multiple=True),
    Variant("odk-bare-names.zip", "odk-zip", group_paths=False),
    Variant("odk-root.csv", "odk-csv"),
    Variant("plain.csv", "plain-csv", newline="\n"),
)


def write_variant(
    variant: Variant,
    subs: ImportResult,
    method: Method,
    folder: str | os.PathLike[str],
    form_id: str = "form",
) -> Path:
    """Write ``subs`` as ``variant`` into ``folder``; returns the file written."""
    path = Path(folder) / variant.name
    if variant.layout == "kobo-xlsx":
        return write_kobo_xlsx(subs, method, path, variant.options)
    if variant.layout == "odk-zip":
        return write_odk_zip(
            subs,
            method,
            path,
            form_id,
            group_paths=variant.group_paths,
            split_multiple=variant.split_multiple,
        )
    if variant.layout == "odk-csv":
        text = odk_tables(subs, method, form_id, group_paths=variant.group_paths)[f"{form_id}.csv"]
    elif variant.layout == "kobocat-csv":
        text = kobocat_csv_text(subs, method, variant.newline)
    elif variant.layout == "plain-csv":
        text = plain_csv_text(subs, method, variant.newline)
    else:
        text = kobo_csv_text(subs, method, variant.options, variant.delimiter, variant.newline)
    return write_csv(path, text, variant.encoding)


@cache
def bundled_method() -> Method:
    """The bundled method workbook, read once per test process (a Method is frozen)."""
    from solidata.core.method import bundled_method_path, read_method

    path = bundled_method_path()
    assert path is not None, "the bundled method workbook is not installed"
    return read_method(path)


def synthetic_submissions(count: int | None = None) -> tuple[Method, ImportResult]:
    """The bundled method and the SYNTHETIC answers of its demo organisations, as submissions
    (the first ``count`` of them), with submission times and a mix of review statuses."""
    from solidata.core.demo import synthetic_organisations
    from solidata.core.demo_answers import synthetic_answers

    method = bundled_method()
    orgs = synthetic_organisations()[:count] if count else synthetic_organisations()
    answers = synthetic_answers(orgs)
    start = dt.datetime(2023, 3, 1, 9, tzinfo=dt.UTC)
    times = [start + dt.timedelta(hours=17 * i) for i in range(len(answers))]
    cycle = ("approved", None, "on_hold", "rejected")
    review = [cycle[i % len(cycle)] for i in range(len(answers))]
    return method, submissions_from_answers(method, answers, submitted_at=times, review=review)
