"""Which layout a file is in, from its container and its header row.

A zip holding ``xl/workbook.xml`` is a KoboToolbox XLSX export; another zip of CSV files is an ODK
Central ``submissions.csv.zip``. For text, the header decides: ``SubmissionDate`` with ``KEY`` or
``meta-instanceID`` is ODK Central; a repeat flattened as ``group[1]/q`` or a ``meta/instanceID``
column is the legacy KoBoCAT layout; ``_uuid`` or ``_submission_time`` is KoboToolbox;
``instance_id`` is the plain answers CSV.

Example::

    >>> layout_of_header(["SubmissionDate", "q1", "meta-instanceID", "KEY"])
    'odk-csv'
    >>> layout_of_header(["instance_id", "age"])
    'plain-csv'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from solidata.core.errors import SolidataError
from solidata.core.ingest.columns import HeaderIndex, normal
from solidata.core.ingest.delimited import TextTable
from solidata.core.ingest.files import InputFile
from solidata.core.ingest.result import LAYOUTS
from solidata.core.method.model import Method

ZIP_LAYOUTS = ("kobo-xlsx", "odk-zip")
_FLATTENED = re.compile(r"\[\d+\]")


def layout_of_header(header: Sequence[str]) -> str | None:
    keys = {normal(h) for h in header}
    if "submissiondate" in keys and ({"key", "meta-instanceid", "instanceid"} & keys):
        return "odk-csv"
    if any(_FLATTENED.search(h) for h in header) or "meta/instanceid" in keys:
        return "kobocat-csv"
    if {"_uuid", "_submission_time"} & keys:
        return "kobo-csv"
    if "instance_id" in keys:
        return "plain-csv"
    return None


def detect_layout(file: InputFile, method: Method, forced: str | None = None) -> str:
    """The layout of ``file``: ``forced`` when it fits the file, else what the file looks like."""
    if forced is not None and forced not in LAYOUTS:
        raise SolidataError.of(
            "ingest.format_unknown",
            file=file.name,
            reason=f"{forced!r} is not one of {', '.join(LAYOUTS)}",
        )
    if file.kind == "zip":
        return _zip_layout(file, forced)
    if forced in ZIP_LAYOUTS:
        raise SolidataError.of(
            "ingest.format_mismatch",
            file=file.name,
            expected=forced,
            reason="it is a text file, not a zip archive",
        )
    if forced is not None:
        return forced
    assert file.encoding is not None
    table = TextTable.open(lambda: file.path.open("rb"), file.encoding, file.name)
    found = layout_of_header(table.header)
    if found is not None:
        return found
    index = HeaderIndex.of(method, method.questions)
    if any(index.match(h) for h in table.header):
        raise SolidataError.of(
            "ingest.instance_id_missing",
            file=file.name,
            columns="_uuid, meta/instanceID, meta-instanceID, KEY, instance_id",
        )
    raise SolidataError.of(
        "ingest.format_unknown",
        file=file.name,
        reason="its columns are neither an export's nor the method's questions",
    )


def _zip_layout(file: InputFile, forced: str | None) -> str:
    members = {m.lower() for m in file.members}
    found = (
        "kobo-xlsx"
        if "xl/workbook.xml" in members
        else "odk-zip"
        if any(m.endswith(".csv") for m in members)
        else None
    )
    if forced is not None and forced != found:
        what = {"kobo-xlsx": "a workbook", "odk-zip": "a zip of CSV files"}.get(found or "")
        raise SolidataError.of(
            "ingest.format_mismatch",
            file=file.name,
            expected=forced,
            reason=f"it is {what or 'a zip archive of other files'}",
        )
    if found is None:
        raise SolidataError.of(
            "ingest.format_unknown",
            file=file.name,
            reason="it is a zip archive without a workbook or CSV files",
        )
    return found
