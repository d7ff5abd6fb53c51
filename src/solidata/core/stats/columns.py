"""Read the columns of a survey frame as labels or numbers, reporting bad cells by row.

Rows are reported as spreadsheet lines: the header is line 1, so the first data row is row 2 (the
line of a CSV file that holds it).

Example::

    >>> import pandas as pd
    >>> as_labels(pd.Series([1.0, 2.0, None])).tolist()
    ['1', '2', None]
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from solidata.core.errors import Problem, SolidataError, problem

# The first data row of a CSV file is its line 2 (line 1 is the header).
FIRST_ROW = 2


def row_of(position: int) -> int:
    """The spreadsheet row number of the row at 0-based ``position``."""
    return position + FIRST_ROW


def require_columns(
    frame: pd.DataFrame, wanted: Iterable[tuple[str, str]], *, file: str | None = None
) -> None:
    """Raise ``stats.column_missing`` for every ``(role, column)`` not in ``frame``."""
    names = [str(c) for c in frame.columns]
    available = ", ".join(names[:30]) + (f" and {len(names) - 30} more" if len(names) > 30 else "")
    problems = [
        problem("stats.column_missing", file=file, column=column, role=role, available=available)
        for role, column in wanted
        if column not in frame.columns
    ]
    if problems:
        raise SolidataError(problems)


def label_of(value: object) -> str:
    """The text of one category: integral floats lose their ``.0`` (a CSV read as numbers)."""
    if (
        isinstance(value, float | np.floating)
        and math.isfinite(value)
        and float(value).is_integer()
    ):
        return str(int(value))
    return str(value).strip()


def as_labels(series: pd.Series) -> pd.Series:
    """Category labels as text, ``None`` where the value is missing."""
    missing = series.isna().to_numpy()
    values = [None if gone else label_of(v) for v, gone in zip(series, missing, strict=True)]
    return pd.Series(values, index=series.index, dtype=object)


def sorted_labels(labels: Iterable[str]) -> list[str]:
    """Labels in R's factor order: numerically when they all read as numbers, else as text."""
    unique = sorted(set(labels))
    try:
        return sorted(unique, key=float)
    except ValueError:
        return unique


def as_numbers(series: pd.Series, *, column: str, role: str, file: str | None = None) -> np.ndarray:
    """Values as floats with ``nan`` where missing; ``stats.not_numeric`` for any other text."""
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        numbers = series.to_numpy(dtype=float, na_value=np.nan)
        text = series
    else:
        text = series.astype(object).map(lambda v: v.strip() if isinstance(v, str) else v)
        text = text.replace("", None)
        numbers = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = (~np.isfinite(numbers)) & text.notna().to_numpy()
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise SolidataError(
            [
                problem(
                    "stats.not_numeric",
                    file=file,
                    row=row_of(first),
                    column=column,
                    role=role,
                    value=series.iloc[first],
                    count=int(bad.sum()),
                )
            ]
        )
    return numbers


def missing_problem(
    missing: np.ndarray, *, column: str, role: str, file: str | None = None
) -> Problem | None:
    """``stats.design_value_missing`` for the first missing row of a design column, if any."""
    if not missing.any():
        return None
    first = int(np.flatnonzero(missing)[0])
    return problem(
        "stats.design_value_missing",
        file=file,
        row=row_of(first),
        column=column,
        role=role,
        count=int(missing.sum()),
    )
