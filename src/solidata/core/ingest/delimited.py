"""Reading delimited text (CSV) a chunk of rows at a time.

The delimiter (``;``, ``,`` or tab) is found from the header line, outside quotes. Every cell is
read as text, only the empty cell is missing, and only the columns a table needs are converted.
Blocks are parsed by Arrow's streaming CSV reader, so a million-row export is read in bounded
memory, faster than pandas reads it whole. Row numbers count the header as row 1, as a spreadsheet
shows the file (blank lines are not counted).

Example::

    >>> import io
    >>> table = TextTable.open(lambda: io.BytesIO(b'"a";"b"\\r\\n"1";"x"\\r\\n'), "utf-8", "t.csv")
    >>> table.header, table.delimiter
    (['a', 'b'], ';')
    >>> [(rows, chunk[1].tolist()) for rows, chunk in table.chunks([1], 10)]
    [([2], ['x'])]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pcsv

from solidata.core.errors import SolidataError
from solidata.core.ingest.result import Progress

DELIMITERS = (";", ",", "\t")
Opener = Callable[[], IO[bytes]]


def sniff_delimiter(line: str) -> str:
    """The delimiter used most often outside quotes in a header line (``,`` when none is)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass(frozen=True)
class TextTable:
    """A CSV file (or a CSV inside a zip) with its header, delimiter and encoding."""

    opener: Opener
    encoding: str
    name: str
    header: list[str]
    delimiter: str
    size: int = 0

    @classmethod
    def open(cls, opener: Opener, encoding: str, name: str, size: int = 0) -> TextTable:
        with opener() as raw:
            text = io.TextIOWrapper(raw, encoding=encoding, newline="")
            first = text.readline(1 << 20)
            delimiter = sniff_delimiter(first)
            try:
                header = next(csv.reader(io.StringIO(first), delimiter=delimiter), [])
            except csv.Error as exc:
                raise SolidataError.of("file.unreadable", file=name, reason=str(exc)) from None
        header = [h.lstrip("\ufeff").strip() for h in header]
        if not any(header):
            raise SolidataError.of("ingest.empty", file=name)
        return cls(opener, encoding, name, header, delimiter, size)

    def chunks(
        self, positions: list[int], size: int, progress: Progress | None = None
    ) -> Iterator[tuple[list[int], pd.DataFrame]]:
        """``(row numbers, frame)`` per block of rows; the frame's columns are ``positions``.

        ``size`` is a hint: rows come in blocks of about ``size`` rows of this file.
        """
        wanted = sorted(set(positions))
        names = [f"c{i}" for i in range(len(self.header))]
        first_row = 2
        with self.opener() as raw:
            try:
                with pcsv.open_csv(
                    raw,
                    read_options=pcsv.ReadOptions(
                        column_names=names,
                        skip_rows=1,
                        encoding=self.encoding,
                        block_size=self._block_size(size),
                    ),
                    parse_options=pcsv.ParseOptions(
                        delimiter=self.delimiter, quote_char='"', newlines_in_values=True
                    ),
                    convert_options=pcsv.ConvertOptions(
                        column_types={names[i]: pa.string() for i in wanted},
                        include_columns=[names[i] for i in wanted],
                        strings_can_be_null=True,
                        quoted_strings_can_be_null=True,
                        null_values=[""],
                    ),
                ) as reader:
                    for batch in reader:
                        rows = list(range(first_row, first_row + batch.num_rows))
                        first_row += batch.num_rows
                        frame = pd.DataFrame(
                            {
                                i: pd.Series(pd.array(batch.column(k), dtype="str"))
                                for k, i in enumerate(wanted)
                            },
                            index=pd.RangeIndex(batch.num_rows),
                        )
                        if progress is not None:
                            progress(_position(raw), self.size)
                        yield rows, frame
            except (pa.ArrowInvalid, UnicodeError, OSError) as exc:
                if "utf8" in str(exc).lower() or isinstance(exc, UnicodeError):
                    raise SolidataError.of("ingest.encoding_unknown", file=self.name) from None
                reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                raise SolidataError.of("file.unreadable", file=self.name, reason=reason) from None

    def _block_size(self, rows: int) -> int:
        """Bytes per block for about ``rows`` rows (estimated from the header's width)."""
        per_row = max(64, 6 * len(self.header))
        return min(max(rows * per_row, 1 << 20), 64 << 20)


def _position(raw: IO[bytes]) -> int:
    try:
        return raw.tell()
    except (OSError, ValueError):
        return 0
