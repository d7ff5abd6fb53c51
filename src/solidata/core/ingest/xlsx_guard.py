"""The one pre-flight inspection of an XLSX workbook, before calamine or openpyxl may open it.

A workbook of a few kilobytes can make a reader allocate gigabytes: calamine gives every sheet a
dense table from its first to its last cell (cells at A1 and XFD1048576 are 17 billion cells), a
shared strings part can claim a billion strings, and a long shared string is copied into every cell
that refers to it. So every workbook that reaches a reader (an import, a method workbook, a stored
method version rewritten by the definition workbench) passes :func:`inspect_workbook` first:

- the zip: member count, declared and actual unpacked sizes, growth ratio (see
  :func:`solidata.core.ingest.files.check_zip`), every member unpacked once in blocks;
- every XML part: no document type or entity declarations (no "billion laughs", no external
  entities);
- every worksheet: its declared used range (``<dimension ref>``) and the true extent of its cells
  (the declaration may lie or be absent), against ``max_rows``, ``max_columns`` and ``max_cells``
  (rows x columns, what calamine allocates);
- the shared strings: how many (declared and actual), the longest (Excel stops at 32,767
  characters) and the characters that the cells referring to them add up to (``max_text``).

The worksheets are scanned as bytes, a block of cell references at a time with numpy (see
:mod:`solidata.core.ingest.sheet_scan`), when every cell carries a plain ``r="B7"`` reference (what
Excel, LibreOffice, KoboToolbox and openpyxl write), and with an XML parser that places cells as
calamine does otherwise. Memory stays at a few blocks.

Example::

    >>> try:
    ...     inspect_workbook(b"not a zip", name="a.xlsx")
    ... except SolidataError as error:
    ...     print(error.codes)
    ['ingest.zip_broken']
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO
from xml.parsers import expat

from solidata.core.errors import SolidataError
from solidata.core.ingest.files import BLOCK, Limits, check_declared, reason_of
from solidata.core.ingest.sheet_scan import (
    SheetExtent,
    cell_reference,
    column_letters,
    range_extent,
    scan_sheet,
)

SHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
STRINGS = re.compile(r"xl/sharedstrings\.xml", re.IGNORECASE)
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")  # XML is case-sensitive: nothing else declares


@dataclass
class WorkbookShape:
    """What the inspection found: each worksheet part's extent and the shared strings' size."""

    members: tuple[str, ...] = ()
    sheets: dict[str, SheetExtent] = field(default_factory=dict)
    strings: int = 0
    text: int = 0


Source = str | os.PathLike[str] | bytes | IO[bytes]


def inspect_workbook(
    source: Source, *, name: str | None = None, limits: Limits | None = None
) -> WorkbookShape:
    """Refuse a workbook that would take a reader more memory than ``limits`` allow.

    Raises SolidataError (``ingest.zip_broken``, ``ingest.zip_bomb``, ``ingest.xml_entities``,
    ``ingest.sheet_too_large``, ``ingest.strings_too_large``, ``ingest.string_too_long``,
    ``ingest.text_too_large``); returns the shape found.
    """
    limits = limits or Limits()
    handle: IO[bytes] = (
        io.BytesIO(source)
        if isinstance(source, bytes)
        else open(source, "rb")  # noqa: SIM115 - closed below
        if isinstance(source, str | os.PathLike)
        else source
    )
    try:
        with zipfile.ZipFile(handle) as archive:
            return _Inspection(archive, name, limits).run()
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise SolidataError.of("ingest.zip_broken", file=name, reason=reason_of(exc)) from None
    except OSError as exc:
        raise SolidataError.of("file.unreadable", file=name, reason=reason_of(exc)) from None
    finally:
        if handle is not source:
            handle.close()


def is_workbook(path: str | os.PathLike[str]) -> bool:
    """Whether the zip archive at ``path`` is an XLSX workbook (it has ``xl/workbook.xml``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return any(n.lower() == "xl/workbook.xml" for n in archive.namelist())
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        return False


class _Inspection:
    def __init__(self, archive: zipfile.ZipFile, name: str | None, limits: Limits):
        self.archive = archive
        self.name = name
        self.limits = limits
        self.shape = WorkbookShape()
        self.lengths: list[int] = []
        self.sheet_names = _sheet_names(archive)

    def run(self) -> WorkbookShape:
        infos = [i for i in self.archive.infolist() if not i.is_dir()]
        check_declared(infos, self.limits, self.name)
        self.shape.members = tuple(i.filename for i in infos)
        # shared strings first: the sheets' check needs their lengths
        infos.sort(key=lambda i: (not STRINGS.fullmatch(i.filename), i.header_offset))
        for info in infos:
            if STRINGS.fullmatch(info.filename):
                self._strings(info)
            elif SHEET.fullmatch(info.filename):
                self._sheet(info)
            else:
                for _ in self._blocks(info):
                    pass
        return self.shape

    # --- reading members ------------------------------------------------------------------------

    def _blocks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The member's bytes in blocks, counted against its declared size, checked for DTDs."""
        is_xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
        seen = 0
        tail = b""
        with self.archive.open(info) as member:
            while block := member.read(BLOCK):
                seen += len(block)
                if seen > info.file_size or seen > self.limits.max_unpacked:
                    reason = f"{info.filename} unpacks past its size"
                    raise SolidataError.of("ingest.zip_bomb", file=self.name, reason=reason)
                if is_xml and _DTD.search(tail + block):
                    self._entities(info.filename)
                tail = block[-16:]
                yield block

    def _entities(self, member: str) -> None:
        raise SolidataError.of("ingest.xml_entities", file=self.name, member=member)

    def _parser(self, member: str) -> expat.XMLParserType:
        parser = expat.ParserCreate()

        def refuse(*_: object) -> None:
            self._entities(member)

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        return parser

    # --- shared strings -------------------------------------------------------------------------

    def _strings(self, info: zipfile.ZipInfo) -> None:
        parser = self._parser(info.filename)
        lengths = self.lengths
        depth = {"si": 0}

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rpartition(":")[2]
            if local == "si":
                depth["si"] += 1
                lengths.append(0)
                if len(lengths) > self.limits.max_strings:
                    self._too_many_strings(len(lengths))
            elif local == "sst":
                for key in ("count", "uniqueCount"):
                    declared = _integer(attrs.get(key))
                    if declared > self.limits.max_strings:
                        self._too_many_strings(declared)

        def end(tag: str) -> None:
            if tag.rpartition(":")[2] == "si":
                depth["si"] -= 1

        def text(data: str) -> None:
            if depth["si"] and lengths:
                lengths[-1] += len(data)
                if lengths[-1] > self.limits.max_string:
                    raise SolidataError.of(
                        "ingest.string_too_long",
                        file=self.name,
                        index=len(lengths),
                        limit=f"{self.limits.max_string:,}",
                    )

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        parser.buffer_text = True
        self._parse(parser, info)
        self.shape.strings = len(lengths)

    def _too_many_strings(self, count: int) -> None:
        raise SolidataError.of(
            "ingest.strings_too_large",
            file=self.name,
            count=f"{count:,}",
            limit=f"{self.limits.max_strings:,}",
        )

    def _parse(self, parser: expat.XMLParserType, info: zipfile.ZipInfo) -> None:
        try:
            for block in self._blocks(info):
                parser.Parse(block, False)
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            reason = f"{info.filename}: {reason_of(exc)}"
            raise SolidataError.of("ingest.zip_broken", file=self.name, reason=reason) from None

    # --- worksheets -----------------------------------------------------------------------------

    def _sheet(self, info: zipfile.ZipInfo) -> None:
        sheet = self.sheet_names.get(info.filename.lower(), info.filename)
        budget = self.limits.max_text - self.shape.text
        fast = scan_sheet(self._blocks(info), self.lengths, budget)
        if fast is None:
            extent, text = self._exact_extent(info, sheet)
        else:
            extent, text, declared = fast
            if declared is not None:
                self._check(sheet, declared)
        self._check(sheet, extent)
        self.shape.sheets[sheet] = extent
        self.shape.text += text
        if self.shape.text > self.limits.max_text:
            raise SolidataError.of(
                "ingest.text_too_large",
                file=self.name,
                limit=f"{self.limits.max_text:,}",
            )

    def _check(self, sheet: str, extent: SheetExtent) -> None:
        limits = self.limits
        if (
            extent.rows <= limits.max_rows
            and extent.columns <= limits.max_columns
            and extent.cells <= limits.max_cells
        ):
            return
        raise SolidataError.of(
            "ingest.sheet_too_large",
            file=self.name,
            sheet=sheet,
            ref=f"{column_letters(extent.columns)}{extent.rows}",
            rows=f"{extent.rows:,}",
            columns=f"{extent.columns:,}",
            limit=f"{limits.max_cells:,}",
        )

    def _exact_extent(self, info: zipfile.ZipInfo, sheet: str) -> tuple[SheetExtent, int]:
        """Place every cell as calamine does: by its ``r`` reference, or after the previous one."""
        parser = self._parser(info.filename)
        extent = SheetExtent()
        state = {"row": 0, "column": 0, "string": False, "value": False, "text": 0, "in": 0}
        lengths = self.lengths

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rpartition(":")[2]
            if local == "row":
                state["row"] = _integer(attrs.get("r")) or state["row"] + 1
                state["column"] = 0
            elif local == "c":
                ref = cell_reference(attrs.get("r", ""))
                if ref:
                    state["row"], state["column"] = ref
                else:
                    state["column"] += 1
                extent.take(max(state["row"], 1), state["column"])
                if extent.rows > self.limits.max_rows or extent.cells > self.limits.max_cells:
                    self._check(sheet, extent)
                state["string"] = attrs.get("t") == "s"
            if local in ("t", "v"):
                state["in"] += 1
            if local == "v" and state["string"]:
                state["value"] = True
            elif local == "dimension":
                declared = range_extent(attrs.get("ref", ""))
                if declared is not None:
                    self._check(sheet, declared)

        def end(tag: str) -> None:
            local = tag.rpartition(":")[2]
            if local in ("t", "v"):
                state["in"] -= 1
            if local == "v":
                state["value"] = False

        def text(data: str) -> None:
            if state["in"]:
                state["text"] += len(data)
            if state["value"]:
                index = _integer(data.strip())
                state["text"] += lengths[index] if index < len(lengths) else 0

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        parser.buffer_text = True
        self._parse(parser, info)
        return extent, state["text"]


def _integer(text: str | None) -> int:
    return int(text) if text and text.isdigit() and len(text) < 19 else 0


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part (lower case) -> the sheet's name, for messages; empty when unreadable."""
    try:
        book = archive.read("xl/workbook.xml") if _small(archive, "xl/workbook.xml") else b""
        rels = (
            archive.read("xl/_rels/workbook.xml.rels")
            if _small(archive, "xl/_rels/workbook.xml.rels")
            else b""
        )
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError):
        return {}
    if _DTD.search(book) or _DTD.search(rels):
        return {}  # refused when the member itself is checked
    targets = dict(
        re.findall(rb'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"', rels)
    )
    names = {}
    for sheet_name, rid in re.findall(
        rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"', book
    ):
        target = targets.get(rid, b"").decode("utf-8", "replace").lstrip("/")
        part = target if target.startswith("xl/") else f"xl/{target}"
        names[part.lower()] = sheet_name.decode("utf-8", "replace")
    return names


def _small(archive: zipfile.ZipFile, member: str) -> bool:
    try:
        return archive.getinfo(member).file_size <= BLOCK
    except KeyError:
        return False
