"""How far a worksheet part's cells reach, read from its bytes (for :mod:`xlsx_guard`).

Excel, LibreOffice, KoboToolbox (xlsxwriter) and openpyxl write every cell as ``<c r="B7" ...>``.
For such sheets, the references of a block of bytes are read at once with numpy (a few
milliseconds a megabyte, where an XML parser calling Python for each element takes ten times
more); a sheet with any cell written otherwise (no reference, a namespace prefix) gets ``None``,
and the caller places its cells with an XML parser instead.

Example::

    >>> extent, text, declared = scan_sheet(iter([b'<dimension ref="A1:B2"/><row r="1">'
    ...     b'<c r="A1"><v>1</v></c><c r="C9"><v>2</v></c></row>']), [], 0)
    >>> (extent.rows, extent.columns), (declared.rows, declared.columns)
    ((9, 3), (2, 2))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

_DIMENSION = re.compile(rb'<dimension\s+ref\s*=\s*["\']([^"\']*)["\']')
_REF = re.compile(r"^\$?([A-Za-z]{1,4})\$?(\d{1,9})$")
_STRING_CELL = re.compile(rb'<c r="[A-Z]{1,3}\d{1,7}"[^>]*?\st="s"[^>]*>\s*<v>(\d{1,10})</v>')
_TAG_END = np.frombuffer(b" \t\n\r/>", dtype=np.uint8)
_PAD = b"\0" * 32


@dataclass
class SheetExtent:
    """How far a worksheet's cells reach (1-based, as a spreadsheet numbers them)."""

    rows: int = 0
    columns: int = 0

    def take(self, row: int, column: int) -> None:
        self.rows = max(self.rows, row)
        self.columns = max(self.columns, column)

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def column_letters(number: int) -> str:
    """``1`` -> ``A``, ``16384`` -> ``XFD``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str | bytes) -> int:
    """``A`` -> 1, ``XFD`` -> 16384."""
    number = 0
    for char in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        number = number * 26 + ord(char) - 64
    return number


def range_extent(ref: str) -> SheetExtent | None:
    """``A1:XFD1048576`` -> its last cell's extent; None when the reference cannot be read."""
    found = _REF.match(ref.split(":")[-1].strip())
    if not found:
        return None
    return SheetExtent(int(found.group(2)), column_number(found.group(1)))


def cell_reference(text: str) -> tuple[int, int] | None:
    """``B7`` -> ``(7, 2)`` (row, column); None when it is not a cell reference."""
    found = _REF.match(text)
    return (int(found.group(2)), column_number(found.group(1))) if found else None


def scan_sheet(
    blocks: Iterator[bytes], lengths: list[int], budget: int
) -> tuple[SheetExtent, int, SheetExtent | None] | None:
    """A worksheet's extent, the text its cells hold (their own texts and values in bytes, and
    the characters of the shared strings, ``lengths``, they refer to) and its declared range;
    None when some cell is not written as ``<c r="B7"``.

    Shared strings are counted exactly only once the cheap bound (string cells x the longest
    string) passes ``budget``.
    """
    extent = SheetExtent()
    declared: SheetExtent | None = None
    text = 0
    longest = max(lengths, default=0)
    bound = 0
    carry = b""
    for block in blocks:
        piece = carry + block
        cut = piece.rfind(b"<")
        if cut < 0:
            carry = b""
            continue
        piece, carry = piece[:cut], piece[cut:]
        if declared is None and (found := _DIMENSION.search(piece)):
            declared = range_extent(found.group(1).decode("ascii", "replace")) or SheetExtent()
        inline = _take_cells(piece, extent)
        if inline is None:
            return None
        text += inline
        if longest and (strings := piece.count(b't="s"')):
            if bound + strings * longest <= budget:
                bound += strings * longest
            else:
                text += _string_text(piece, strings, lengths, longest)
    if carry:
        inline = _take_cells(carry + b">", extent)
        if inline is None:
            return None
        text += inline
    return extent, text + bound, declared


def _take_cells(piece: bytes, extent: SheetExtent) -> int | None:
    """Extend ``extent`` by the cells of ``piece`` and return the bytes of their texts and values
    (at most: each ``<t>`` or ``<v>`` element up to the next tag); None for a cell written
    otherwise. (A row element's own ``r`` does not matter: a reader places each cell by its
    reference.)"""
    data = np.frombuffer(piece + _PAD, dtype=np.uint8)
    size = len(piece)
    opens = np.flatnonzero(data[:size] == ord("<"))
    prefixed = np.flatnonzero(data[:size] == ord(":"))
    if _tags_named_c(data, prefixed).size:
        return None  # <x:c ...>: let the XML parser read it
    following = np.append(opens[1:], size)
    texts = ((data[opens + 1] == ord("t")) | (data[opens + 1] == ord("v"))) & np.isin(
        data[opens + 2], _TAG_END
    )
    text = int((following[texts] - opens[texts]).sum())
    cells = _tags_named_c(data, opens)
    if not cells.size:
        return text
    canonical = (
        (data[cells + 2] == ord(" "))
        & (data[cells + 3] == ord("r"))
        & (data[cells + 4] == ord("="))
        & (data[cells + 5] == ord('"'))
    )
    if not canonical.all():
        return None
    found = _references(data, cells + 6)
    if found is None:
        return None
    row, column = found
    extent.take(row, column)
    return text


def _tags_named_c(data: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The positions in ``starts`` (of ``<`` or ``:``) followed by ``c`` and the end of a name."""
    named = starts[data[starts + 1] == ord("c")]
    ends = np.isin(data[named + 2], _TAG_END)
    found: np.ndarray = np.compress(ends, named)
    return found


def _references(data: np.ndarray, starts: np.ndarray) -> tuple[int, int] | None:
    """The largest row and column of the references like ``AB12"`` at ``starts`` in ``data``;
    None when one is not such a reference (one to three letters, one to seven digits, a quote)."""
    letters = [(data[starts + i] >= ord("A")) & (data[starts + i] <= ord("Z")) for i in range(4)]
    if not letters[0].all() or (letters[1] & letters[2] & letters[3]).any():
        return None
    count = 1 + letters[1].astype(np.int64) + (letters[1] & letters[2])
    first = data[starts].astype(np.int64) - 64
    second = data[starts + 1].astype(np.int64) - 64
    third = data[starts + 2].astype(np.int64) - 64
    columns = np.where(
        count == 1,
        first,
        np.where(count == 2, first * 26 + second, first * 676 + second * 26 + third),
    )
    rows = np.zeros(len(starts), dtype=np.int64)
    reading = np.ones(len(starts), dtype=bool)
    digits = np.zeros(len(starts), dtype=np.int64)
    at = starts + count
    for _ in range(8):
        byte = data[at]
        digit = reading & (byte >= ord("0")) & (byte <= ord("9"))
        ended = reading & ~digit
        if (ended & (byte != ord('"'))).any():
            return None
        reading = digit
        rows = np.where(digit, rows * 10 + (byte.astype(np.int64) - 48), rows)
        digits += digit
        at = at + 1
    if reading.any() or (digits < 1).any():
        return None  # more than seven digits, or none
    return int(rows.max()), int(columns.max())


def _string_text(piece: bytes, strings: int, lengths: list[int], longest: int) -> int:
    """Characters the string cells of ``piece`` hold; a cell not read is counted as the longest."""
    found = Counter(_STRING_CELL.findall(piece))
    total = sum(found.values())
    size = len(lengths)
    text = sum(lengths[i] * n for v, n in found.items() if (i := int(v)) < size)
    return text + max(strings - total, 0) * longest
