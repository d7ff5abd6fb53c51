"""Column values for vectorised evaluation: numbers, three-valued booleans and coded texts.

A whole column is one value. Numbers are float64 arrays with NaN for missing; booleans are
pandas nullable ``boolean`` arrays (``pd.NA`` = unknown, with Kleene logic); texts are *coded*: an
integer code per row (-1 = missing) into a small array of distinct strings. Coding texts is what
makes scoring a million submissions fast: anything done to a text (compare, split a
select_multiple, look up a choice score) is done once per distinct answer and then spread to the
rows with one ``take``.

Example::

    >>> t = text_of_series(pd.Series(["yes", None, "no", "yes"]))
    >>> t.uniques.tolist(), t.codes.tolist()
    (['yes', 'no'], [0, -1, 1, 0])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

FloatArray = npt.NDArray[np.float64]
CodeArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]
ObjectArray = npt.NDArray[np.object_]


@dataclass(frozen=True)
class Num:
    data: FloatArray


@dataclass(frozen=True)
class Bool:
    """Three-valued booleans, stored as pandas' ``BooleanArray`` stores them: values and a mask.

    ``values`` is true where known and true, ``unknown`` where missing; :attr:`data` gives the
    pandas nullable ``boolean`` array. Build with :func:`boolean`, which keeps unknown rows false.
    """

    values: BoolArray
    unknown: BoolArray

    @property
    def false(self) -> BoolArray:
        """True where known and false."""
        return ~(self.values | self.unknown)

    @property
    def data(self) -> pd.arrays.BooleanArray:
        return pd.arrays.BooleanArray(self.values, self.unknown)


@dataclass(frozen=True)
class Text:
    codes: CodeArray
    uniques: ObjectArray

    def per_unique(self, fn: Callable[[str], Any], dtype: Any, missing: Any) -> npt.NDArray[Any]:
        """Apply ``fn`` to each distinct text and spread the results to the rows."""
        table = np.array([fn(u) for u in self.uniques] + [missing], dtype=dtype)
        return table[self.codes]


Value = Num | Bool | Text


def boolean(values: BoolArray, unknown: BoolArray) -> Bool:
    return Bool(values & ~unknown, unknown)


def kleene_and(a: Bool, b: Bool) -> Bool:
    """Three-valued ``and``: false if either is false, true if both are true, else unknown."""
    true = a.values & b.values
    false = a.false | b.false
    return boolean(true, ~(true | false))


def kleene_or(a: Bool, b: Bool) -> Bool:
    """Three-valued ``or``: true if either is true, false if both are false, else unknown."""
    true = a.values | b.values
    false = a.false & b.false
    return boolean(true, ~(true | false))


def kleene_not(a: Bool) -> Bool:
    return boolean(a.false, a.unknown)


def constant_number(value: float, size: int) -> Num:
    return Num(np.full(size, value, dtype=np.float64))


def constant_text(value: str, size: int) -> Text:
    if value == "":
        return Text(np.full(size, -1, dtype=np.intp), np.array([], dtype=object))
    return Text(np.zeros(size, dtype=np.intp), np.array([value], dtype=object))


def constant_bool(value: bool, size: int) -> Bool:
    return boolean(np.full(size, value, dtype=bool), np.zeros(size, dtype=bool))


def format_number(x: float) -> str:
    """A number as XPath ``string()`` writes it: ``3`` not ``3.0``."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def text_of_series(series: pd.Series[Any]) -> Text:
    """Code a column of strings; empty strings and NA are missing."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = np.asarray(series.cat.codes, dtype=np.intp)
        uniques = np.asarray(series.cat.categories.astype(str), dtype=object)
    else:
        raw_codes, raw_uniques = pd.factorize(series)
        codes = np.asarray(raw_codes, dtype=np.intp)
        uniques = np.asarray(raw_uniques, dtype=object)
    if uniques.size and not all(isinstance(u, str) for u in uniques):
        uniques = np.array(
            [format_number(u) if isinstance(u, float | int) else str(u) for u in uniques],
            dtype=object,
        )
    blank = np.array([u.strip() == "" for u in uniques] + [True], dtype=bool)
    if blank[:-1].any():
        codes = np.where(blank[codes], -1, codes)
    return Text(codes, uniques)


def value_of_series(series: pd.Series[Any]) -> Value:
    """A frame column as a value: booleans, numbers or coded texts by its dtype."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        unknown = np.asarray(series.isna(), dtype=bool)
        return boolean(series.to_numpy(dtype=bool, na_value=False), unknown)
    if pd.api.types.is_numeric_dtype(dtype) and not isinstance(dtype, pd.CategoricalDtype):
        return Num(series.to_numpy(dtype=np.float64, na_value=np.nan))
    return text_of_series(series)


def is_missing(value: Value) -> BoolArray:
    if isinstance(value, Num):
        return np.isnan(value.data)
    if isinstance(value, Bool):
        return value.unknown
    return value.codes < 0


def to_num(value: Value) -> FloatArray:
    """XPath ``number()``: texts that are not numbers and unknown booleans become NaN."""
    if isinstance(value, Num):
        return value.data
    if isinstance(value, Bool):
        return np.where(value.unknown, np.nan, value.values.astype(np.float64))
    parsed = pd.to_numeric(pd.Series(value.uniques, dtype=object), errors="coerce")
    table = np.append(parsed.to_numpy(dtype=np.float64, na_value=np.nan), np.nan)
    return table[value.codes]


def to_bool(value: Value) -> Bool:
    """XPath ``boolean()``: non-zero numbers and non-empty texts are true; missing is unknown."""
    if isinstance(value, Bool):
        return value
    if isinstance(value, Num):
        unknown = np.isnan(value.data)
        return boolean(value.data != 0, unknown)
    unknown = value.codes < 0
    return boolean(~unknown, unknown)


def to_text(value: Value) -> Text:
    """XPath ``string()`` of numbers (``3``, ``2.5``) and booleans (``true``, ``false``)."""
    if isinstance(value, Text):
        return value
    if isinstance(value, Bool):
        codes = np.where(value.unknown, -1, value.values.astype(np.intp))
        return Text(codes.astype(np.intp), np.array(["false", "true"], dtype=object))
    raw_codes, raw_uniques = pd.factorize(value.data)
    uniques = np.array([format_number(u) for u in raw_uniques], dtype=object)
    return Text(np.asarray(raw_codes, dtype=np.intp), uniques)


def unify(a: Text, b: Text) -> tuple[CodeArray, CodeArray, ObjectArray]:
    """Re-code two texts over one shared array of distinct strings."""
    index = pd.Index(a.uniques, dtype=object)
    found = index.get_indexer(pd.Index(b.uniques, dtype=object))
    new = found < 0
    found[new] = len(a.uniques) + np.arange(int(new.sum()))
    mapping = np.append(found, -1).astype(np.intp)
    uniques = np.concatenate([a.uniques, b.uniques[new]]).astype(object)
    return a.codes, mapping[b.codes], uniques


def text_pairs(
    a: Text, b: Text, fn: Callable[[str, str], Any], dtype: Any, missing: Any
) -> npt.NDArray[Any]:
    """Apply ``fn(x, y)`` once per distinct pair of texts (e.g. ``selected``, ``regex``)."""
    gone = (a.codes < 0) | (b.codes < 0)
    if len(b.uniques) == 1:
        lit = str(b.uniques[0])
        out = a.per_unique(lambda u: fn(u, lit), dtype, missing)
        return np.where(gone, missing, out).astype(dtype)
    key = a.codes.astype(np.int64) * max(len(b.uniques), 1) + b.codes
    keys, inverse = np.unique(np.where(gone, -1, key), return_inverse=True)
    width = max(len(b.uniques), 1)
    table = np.array(
        [missing if k < 0 else fn(a.uniques[k // width], b.uniques[k % width]) for k in keys],
        dtype=dtype,
    )
    return table[inverse.reshape(-1)]


def take_where(choose_a: BoolArray, a: Value, b: Value, missing: BoolArray) -> Value:
    """Row by row ``a`` where ``choose_a`` else ``b``; rows in ``missing`` become missing."""
    if isinstance(a, Bool) and isinstance(b, Bool):
        values = np.where(choose_a, a.values, b.values)
        unknown = np.where(choose_a, a.unknown, b.unknown) | missing
        return boolean(values, unknown)
    if isinstance(a, Text) or isinstance(b, Text):
        ca, cb, uniques = unify(to_text(a), to_text(b))
        codes = np.where(missing, -1, np.where(choose_a, ca, cb)).astype(np.intp)
        return Text(codes, uniques)
    data = np.where(missing, np.nan, np.where(choose_a, to_num(a), to_num(b)))
    return Num(data.astype(np.float64))


def to_series(value: Value, index: pd.Index[Any] | None = None) -> pd.Series[Any]:
    """A value as a pandas Series: float64, ``boolean`` or ``str`` (NaN for missing)."""
    if isinstance(value, Num):
        return pd.Series(value.data, index=index, dtype="float64")
    if isinstance(value, Bool):
        return pd.Series(value.data, index=index, dtype="boolean")
    table = np.concatenate([value.uniques, np.array([None], dtype=object)])
    return pd.Series(table[value.codes], index=index, dtype="str")
