"""Stage 1 of an import: look at the file before trusting it.

Files come from the internet and from old laptops. Before any parser sees them they are checked:
size against :class:`Limits`; zip archives (XLSX workbooks are zips too) for truncation, for members
that unpack to far more than they weigh (zip bombs, including headers that lie about sizes, caught
by the CRC check of a full unpacking pass) and, in workbooks, for XML document types and entities
(the "billion laughs"), which no spreadsheet program writes; text for binary content and for its
encoding: UTF-8 with or without BOM, UTF-16 (BOM or not), or Windows-1251 Cyrillic, recognised by
its letters. Anything else is refused with a catalogue error, never a traceback.

Example::

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = path.write_bytes("instance_id,name\\r\\nx,Алтай\\r\\n".encode("cp1251"))
    >>> inspect_file(path).encoding
    'cp1251'
"""

from __future__ import annotations

import codecs
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from solidata.core.errors import SolidataError

BLOCK = 1 << 20
Kind = Literal["zip", "text"]


@dataclass(frozen=True)
class Limits:
    """How much an import may read. ``max_bytes`` applies to the file as given; ``max_unpacked``
    to everything inside a zip; ``max_ratio`` to how much a member may grow when unpacked.
    In a workbook, ``max_cells`` bounds a sheet's rows x columns (from A1 to its last cell),
    ``max_strings`` the shared strings, ``max_string`` the characters of one (Excel's own limit)
    and ``max_text`` the text of the cells (their own, and the shared strings they refer to):
    an import holds it several times over while it reads, about 4 bytes a character."""

    max_bytes: int = 1 << 30
    max_unpacked: int = 8 << 30
    max_ratio: int = 100
    max_members: int = 1000
    # Workbooks (see xlsx_guard): calamine gives a sheet a dense table of rows x columns cells of
    # about 32 bytes each, and copies a shared string into every cell that refers to it.
    max_cells: int = 20_000_000
    max_rows: int = 1_048_576
    max_columns: int = 16_384
    max_strings: int = 10_000_000
    max_string: int = 32_767
    max_text: int = 200_000_000


@dataclass(frozen=True)
class InputFile:
    """A file that passed the checks: what kind it is and, for text, its encoding."""

    path: Path
    name: str
    kind: Kind
    size: int
    encoding: str | None = None
    members: tuple[str, ...] = ()


def inspect_file(
    path: str | os.PathLike[str], limits: Limits | None = None, name: str | None = None
) -> InputFile:
    """Check a file against ``limits`` and find its kind and encoding; raises SolidataError.

    ``name`` is the file name for messages (default: the path's).
    """
    limits = limits or Limits()
    path = Path(path)
    name = name or path.name
    if not path.is_file():
        raise SolidataError.of("file.not_found", file=name, path=str(path))
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise SolidataError.of("file.too_large", file=name, size=size, limit=limits.max_bytes)
    with path.open("rb") as handle:
        head = handle.read(8)
    if size == 0 or not head.strip(b"\xef\xbb\xbf\xff\xfe \t\r\n"):
        raise SolidataError.of("ingest.empty", file=name)
    if head.startswith(b"PK"):
        members = check_zip(path, limits, name)
        return InputFile(path, name, "zip", size, members=members)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SolidataError.of("ingest.old_excel", file=name)
    encoding = text_encoding(lambda: file_blocks(path), name, _tail(path, size))
    return InputFile(path, name, "text", size, encoding=encoding)


def _tail(path: Path, size: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(max(size - BLOCK, 0))
        return handle.read()


def file_blocks(path: Path) -> Iterator[bytes]:
    """The bytes of ``path`` in blocks of :data:`BLOCK`."""
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            yield block


# --- zip archives ---------------------------------------------------------------------------------

_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_zip(path: Path, limits: Limits, name: str) -> tuple[str, ...]:
    """The members of a sound zip archive; refuses truncated archives and zip bombs.

    Every member is unpacked once, counting bytes: a member that grows past its declared size or
    fails its checksum is refused, as is an XML member that declares a document type. A workbook
    is inspected by :func:`solidata.core.ingest.xlsx_guard.inspect_workbook` instead, which does
    all this and checks its sheets and shared strings too.
    """
    # Imported here: the workbook inspection builds on this module's checks.
    from solidata.core.ingest.xlsx_guard import inspect_workbook, is_workbook

    if is_workbook(path):
        return inspect_workbook(path, name=name, limits=limits).members
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            check_declared(infos, limits, name)
            for info in infos:
                _unpack_counting(archive, info, limits, name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        raise SolidataError.of("ingest.zip_broken", file=name, reason=reason_of(exc)) from None
    except OSError as exc:
        raise SolidataError.of("file.unreadable", file=name, reason=reason_of(exc)) from None
    return tuple(i.filename for i in infos)


def check_declared(infos: list[zipfile.ZipInfo], limits: Limits, name: str | None) -> None:
    if len(infos) > limits.max_members:
        raise SolidataError.of("ingest.zip_bomb", file=name, reason=f"it holds {len(infos)} files")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unpacked:
        raise SolidataError.of("ingest.zip_bomb", file=name, reason=f"it unpacks to {total} bytes")
    for info in infos:
        if info.file_size > BLOCK and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise SolidataError.of(
                "ingest.zip_bomb",
                file=name,
                reason=f"{info.filename} grows {info.file_size // max(info.compress_size, 1)} "
                "times when unpacked",
            )
    # Members that overlap one another are a way to unpack the same bytes many times.
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.header_offset + first.compress_size > second.header_offset:
            raise SolidataError.of(
                "ingest.zip_bomb", file=name, reason="its files overlap one another"
            )


def _unpack_counting(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, name: str
) -> None:
    is_xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
    seen = 0
    tail = b""
    with archive.open(info) as member:
        while block := member.read(BLOCK):
            seen += len(block)
            if seen > info.file_size or seen > limits.max_unpacked:
                raise SolidataError.of(
                    "ingest.zip_bomb", file=name, reason=f"{info.filename} unpacks past its size"
                )
            if is_xml and _DTD.search(tail + block):
                raise SolidataError.of("ingest.xml_entities", file=name, member=info.filename)
            tail = block[-16:]


def reason_of(exc: BaseException) -> str:
    text = str(exc).strip().rstrip(".")
    return text or type(exc).__name__


# --- text -----------------------------------------------------------------------------------------

_CONTROL = bytes(c for c in range(32) if c not in b"\t\n\r\x0c")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def text_encoding(open_blocks: Callable[[], Iterator[bytes]], name: str, tail: bytes = b"") -> str:
    """The encoding of a text file: utf-8-sig, utf-8, utf-16(-le/-be) or cp1251.

    ``open_blocks`` gives the file's bytes, block by block, from the start (it may be called
    again); ``tail`` is the file's last megabyte, if known. UTF-8 is recognised from a sample (the
    first megabytes and the tail: decoding a gigabyte would cost more than parsing it); the reader
    checks the rest as it converts cells. Every other encoding is checked over the whole file. A
    NUL byte anywhere in a file that is not UTF-16 makes it binary.
    """
    iterator = open_blocks()
    first = next(iterator, b"")
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoding_all("utf-16", _chain(first, iterator), name)
    sample = first[:4096]
    unmarked = _utf16_without_bom(sample)
    if unmarked is not None:
        return _decoding_all(unmarked, _chain(first, iterator), name)
    if sum(sample.count(c) for c in _CONTROL) > 0.02 * len(sample):
        raise SolidataError.of("ingest.binary", file=name)
    head = first + b"".join(_first_bytes(iterator, SAMPLE - len(first)))
    if b"\x00" in head or any(b"\x00" in block for block in iterator):
        raise SolidataError.of("ingest.binary", file=name)
    if _utf8_sample(head, tail):
        return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    _decoding_all("cp1251", open_blocks(), name)
    if _looks_like_cp1251(head):
        return "cp1251"
    raise SolidataError.of("ingest.encoding_unknown", file=name)


SAMPLE = 4 << 20


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without a byte order mark: many NUL bytes, and one byte order that reads as text."""
    if len(sample) < 4 or sample.count(0) < len(sample) // 5:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
        good = sum(1 for c in text if c.isprintable() or c in "\t\r\n")
        if good >= 0.95 * len(text):
            return encoding
    return None


def _utf8_sample(head: bytes, tail: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        # the tail may start inside a character: skip its continuation bytes
        start = next((i for i, byte in enumerate(tail[:4]) if not 0x80 <= byte < 0xC0), 0)
        tail[start:].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _first_bytes(blocks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    seen = 0
    while seen < limit:
        block = next(blocks, None)
        if block is None:
            return
        seen += len(block)
        yield block


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _decoding_all(encoding: str, blocks: Iterable[bytes], name: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        for block in blocks:
            if "\x00" in decoder.decode(block):
                raise SolidataError.of("ingest.binary", file=name)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise SolidataError.of("ingest.encoding_unknown", file=name) from None
    return encoding


def _looks_like_cp1251(data: bytes) -> bool:
    """Windows-1251 decodes almost any bytes, so ask whether the result reads as Cyrillic words:
    most non-ASCII letters Cyrillic, and Cyrillic rarely glued to Latin letters in one word (a
    Western-European file read as cp1251 gives ``cafй``)."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return False
    if any(c < " " and c not in "\t\r\n" for c in text[:65536]):
        return False
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    cyrillic = sum(1 for c in non_ascii if _CYRILLIC.match(c))
    if cyrillic < 0.8 * len(non_ascii):
        return False
    words = [w for w in re.findall(r"\w+", text) if _CYRILLIC.search(w)]
    mixed = sum(1 for w in words if _LATIN.search(w))
    return mixed <= 0.05 * len(words)
