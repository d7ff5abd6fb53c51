"""Read survey data from a CSV file, keeping every cell as the text the file holds.

Cells stay text so that categories keep their spelling (``"01"`` stays ``"01"``); the columns that
must be numbers (the variable of a mean or total, weights, fpc) are converted and checked by
:mod:`solidata.core.stats.design`, which can then say which row holds a bad value. Empty cells and
the usual missing-value markers (``NA``, ``N/A``, ``NaN``, ``null``) are missing values, as in R's
``read.csv`` with blank numeric cells.

Example::

    >>> frame = read_survey_csv("tests/data/survey/apistrat.csv")  # doctest: +SKIP
    >>> frame.shape  # doctest: +SKIP
    (200, 39)
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from solidata.core.errors import SolidataError


def read_survey_csv(path: str | Path) -> pd.DataFrame:
    """Read a CSV file (UTF-8, with a header row) into a frame of text cells; blanks are missing.

    Raises :class:`SolidataError` ``file.not_found`` or ``file.unreadable``.
    """
    source = Path(path)
    if not source.is_file():
        raise SolidataError.of("file.not_found", path=str(source))
    try:
        frame = pd.read_csv(
            source,
            dtype=str,
            keep_default_na=True,
            encoding="utf-8-sig",
            skipinitialspace=True,
        )
    except UnicodeDecodeError:
        raise SolidataError.of(
            "file.unreadable", file=str(source), reason="it is not UTF-8 text"
        ) from None
    except (pd.errors.EmptyDataError, pd.errors.ParserError, csv.Error) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else "no data"
        raise SolidataError.of("file.unreadable", file=str(source), reason=reason) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame
