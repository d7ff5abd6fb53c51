"""Read survey data from a CSV file, keeping every cell as the text the file holds.

Cells stay text so that categories keep their spelling (``"01"`` stays ``"01"``); the columns that
must be numbers (the variable of a mean or total, weights, fpc) are converted and checked by
:mod:`solidata.core.stats.design`, which can then say which row holds a bad value.

A cell is missing only when it is empty or one of :data:`MISSING_MARKERS` (after trimming spaces),
the list ``docs/statistics.md`` gives. pandas' own list of markers is not used: it also drops
``None``, ``NULL``, ``n/a``, ``#N/A``, ``<NA>``, ``-nan`` and more, so a category named ``None``
would silently vanish from the proportions.

Example::

    >>> import io
    >>> frame = read_survey_csv(io.StringIO("answer,x\\nNone,1\\nNA,2\\n,3\\nNULL,4\\n"))
    >>> frame["answer"].isna().tolist(), frame["answer"][0]
    ([False, True, True, False], 'None')
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

import pandas as pd

from solidata.core.errors import SolidataError

# The one list of missing-value markers of a survey CSV; docs/statistics.md lists the same (a test
# checks it). Matched exactly, after trimming spaces; an empty cell is missing too.
MISSING_MARKERS: tuple[str, ...] = ("NA", "N/A", "NaN", "null")


def read_survey_csv(path: str | Path | IO[str]) -> pd.DataFrame:
    """Read a CSV file (UTF-8, with a header row) into a frame of text cells.

    Empty cells and :data:`MISSING_MARKERS` are missing; every other cell is kept as
    its text without surrounding spaces. Raises :class:`SolidataError` ``file.not_found`` or
    ``file.unreadable``.
    """
    name = str(path) if isinstance(path, str | Path) else None
    if isinstance(path, str | Path) and not Path(path).is_file():
        raise SolidataError.of("file.not_found", path=str(path))
    try:
        frame = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            encoding="utf-8-sig",
            skipinitialspace=True,
        )
    except UnicodeDecodeError:
        raise SolidataError.of(
            "file.unreadable", file=name, reason="it is not UTF-8 text"
        ) from None
    except (pd.errors.EmptyDataError, pd.errors.ParserError, csv.Error) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else "no data"
        raise SolidataError.of("file.unreadable", file=name, reason=reason) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = {"", *MISSING_MARKERS}
    for i in range(frame.shape[1]):
        cells = frame.iloc[:, i].str.strip()
        frame.iloc[:, i] = cells.where(~cells.isin(missing), None)
    return frame
