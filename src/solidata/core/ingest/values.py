"""Stage 3: the cells of an export turned into answers as Solidata stores them.

Every answer becomes the text an XForm instance would hold: choice *names* (labels in any language
of the method are turned back into names; a select_multiple is its choice names separated by spaces,
in the order of the choice list), whole numbers without ``.0``, dates as ``YYYY-MM-DD`` (Excel
serial dates are converted), a geopoint as ``lat lon alt accuracy``. Work is done once per distinct
value of a column, then spread to its rows, so a million rows cost little more than a thousand.

A value of the wrong type is kept as the file gives it and reported as a row-level problem; a value
that matches no choice is kept too and reported once per column as a warning.

Example::

    >>> from solidata.core.method.model import Choice, Method
    >>> m = Method(id="m", version="1", choices={"yn": (Choice("yes", {"en": "Yes"}),)})
    >>> ChoiceLookup(m.choices["yn"]).one("YES"), ChoiceLookup(m.choices["yn"]).one("maybe")
    ('yes', None)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from solidata.core.ingest.columns import normal
from solidata.core.method.model import Choice, Question

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
TRUE_CELLS = frozenset({"1", "1.0", "true", "yes"})
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER_LIKE = re.compile(r"\d+(\.\d+)?")

# A converter returns the stored value (None: missing) and whether it is of the question's type.
Converter = Callable[[str], tuple[str | None, bool]]


class ChoiceLookup:
    """Choice names of one list by name, by label in any language, case and spacing ignored."""

    def __init__(self, choices: Sequence[Choice]) -> None:
        self.order = {c.name: i for i, c in enumerate(choices)}
        self.by_text: dict[str, str] = {}
        for c in choices:
            for label in c.labels.values():
                if label:
                    self.by_text.setdefault(normal(label), c.name)
        for c in choices:  # names win over labels
            self.by_text[normal(c.name)] = c.name

    def one(self, value: str) -> str | None:
        if value in self.order:
            return value
        return self.by_text.get(normal(value))

    def many(self, value: str) -> list[str] | None:
        """The names in a select_multiple answer; labels may contain spaces. None: unresolvable."""
        tokens = value.split()
        if all(t in self.order for t in tokens):
            return tokens
        return self._segment(tokens)

    def _segment(self, tokens: list[str]) -> list[str] | None:
        # best[i]: the names covering tokens[:i], preferring fewer, longer labels
        best: list[list[str] | None] = [[]] + [None] * len(tokens)
        for end in range(1, len(tokens) + 1):
            for start in range(end):
                before = best[start]
                if before is None:
                    continue
                name = self.one(" ".join(tokens[start:end]))
                if name is not None and (best[end] is None or len(before) + 1 < len(best[end])):  # type: ignore[arg-type]
                    best[end] = [*before, name]
        return best[-1]

    def canonical(self, names: Sequence[str]) -> str:
        """Names without repeats, in the order of the choice list."""
        unique = dict.fromkeys(names)
        return " ".join(sorted(unique, key=lambda n: self.order.get(n, len(self.order))))


@dataclass(frozen=True)
class Expected:
    """What a question's answers must look like, for messages (``a whole number``...)."""

    text: str
    convert: Converter


def number_text(value: float) -> str:
    """A cell's number as text: ``5.0`` -> ``5``, ``2.5`` -> ``2.5``."""
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _integer(value: str) -> tuple[str | None, bool]:
    text = value.strip()
    if _INTEGER.fullmatch(text):
        return str(int(text)), True
    if _DECIMAL.fullmatch(text):
        number = float(text)
        if number.is_integer():
            return str(int(number)), True
    return value, False


def _decimal(value: str) -> tuple[str | None, bool]:
    text = value.strip()
    return (text, True) if _DECIMAL.fullmatch(text) else (value, False)


def excel_date(serial: float) -> dt.datetime | None:
    """The moment an Excel serial number stands for (1900 date system), if it is one."""
    if not 1 <= serial < 2958466:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=serial)


def _date(value: str) -> tuple[str | None, bool]:
    text = value.strip()
    if _NUMBER_LIKE.fullmatch(text):
        moment = excel_date(float(text))
        return (moment.date().isoformat(), True) if moment else (value, False)
    head, _, tail = text.partition("T") if "T" in text else text.partition(" ")
    if _DATE.fullmatch(head) and tail.strip("0:. ") == "":
        try:
            return dt.date.fromisoformat(head).isoformat(), True
        except ValueError:
            return value, False
    return value, False


def _datetime(value: str) -> tuple[str | None, bool]:
    text = value.strip()
    if _NUMBER_LIKE.fullmatch(text):
        moment = excel_date(float(text))
        return (moment.isoformat(), True) if moment else (value, False)
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return value, False
    return text, True


def _time(value: str) -> tuple[str | None, bool]:
    text = value.strip()
    try:
        dt.time.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return value, False
    return text, True


def _geopoint(value: str) -> tuple[str | None, bool]:
    parts = value.split()
    if not 2 <= len(parts) <= 4 or not all(_DECIMAL.fullmatch(p) for p in parts):
        return value, False
    lat, lon = float(parts[0]), float(parts[1])
    return " ".join(parts), -90 <= lat <= 90 and -180 <= lon <= 180


def _text(value: str) -> tuple[str | None, bool]:
    return value, True


EXPECTED: dict[str, Expected] = {
    "integer": Expected("a whole number", _integer),
    "decimal": Expected("a number (with a dot for decimals)", _decimal),
    "range": Expected("a number (with a dot for decimals)", _decimal),
    "date": Expected("a date (YYYY-MM-DD)", _date),
    "dateTime": Expected("a date and time (YYYY-MM-DDThh:mm:ss)", _datetime),
    "time": Expected("a time (hh:mm:ss)", _time),
    "geopoint": Expected("a location (latitude longitude [altitude accuracy])", _geopoint),
}


def expected_of(question: Question) -> Expected | None:
    return EXPECTED.get(question.type)


@dataclass
class Distinct:
    """A column converted value by value: the new column, and rows that failed."""

    series: pd.Series
    failed: np.ndarray  # bool per row
    failed_values: list[str]  # distinct values that failed (type errors or unknown choices)


def convert_distinct(series: pd.Series, convert: Converter) -> Distinct:
    """Apply ``convert`` once per distinct non-missing value of ``series``."""
    codes, uniques = pd.factorize(series)
    values = [str(u) for u in uniques]
    results = [convert(v) for v in values]
    failed_codes = np.array([not ok for _, ok in results] + [False], dtype=bool)
    failed = failed_codes[codes]  # code -1 picks the trailing False
    failed_values = [v for v, (_, ok) in zip(values, results, strict=True) if not ok]
    if all(new == old for (new, _), old in zip(results, values, strict=True)):
        return Distinct(series, failed, failed_values)
    mapped = pa.array([new for new, _ in results], type=pa.large_string())
    taken = mapped.take(pa.array(codes, mask=codes < 0))
    out = pd.Series(pd.array(taken, dtype="str"), index=series.index, name=series.name)
    return Distinct(out, failed, failed_values)


def mask_distinct(series: pd.Series, predicate: Callable[[str], bool]) -> np.ndarray:
    """Rows whose (non-missing) value satisfies ``predicate``, asked once per distinct value."""
    codes, uniques = pd.factorize(series)
    hits = np.array([predicate(str(u)) for u in uniques] + [False], dtype=bool)
    return hits[codes]


def export_cell_text(value: object) -> str | None:
    """One spreadsheet cell as the text an export means (None: empty)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return None if math.isnan(value) else number_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)
