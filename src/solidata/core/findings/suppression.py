"""Small-cell suppression that holds across every table, margin and filter built from one dataset.

A published count is the number of entities in a *set* defined by conditions on a few categorical
variables (aimag = Dornod and entity type = cooperative). Every table a reader can ask for -- any
row and column variable, any filters, with row and column totals -- shows counts of such sets. So
suppression is decided once per set for the whole *family* of sets (every combination of the
variables and their values), not per table: the same set is shown or hidden wherever it appears,
and a hidden cell cannot be recovered by comparing two tables, two filters or a table and its
totals. The rules, applied until nothing changes:

1. **Primary suppression.** A set with 1 to ``min_count - 1`` entities is hidden. An empty set
   (0) is shown unless it shares a line (below) with a hidden non-empty set: otherwise a reader
   would know that every hidden cell holds at least one entity and could pin small counts down
   by adding up bounds.
2. **Complementary (secondary) suppression.** Every published set ``S`` and every variable ``v``
   not fixed in ``S`` make a *line*: ``S`` is the total of the sets ``S and v = x``. If the line
   has hidden cells, it must have at least two, holding together at least ``min_count`` entities;
   otherwise its smallest published cell is hidden too (or, when there is none, the total).
   This is the standard rule -- a row or column with exactly one suppressed cell gets a second --
   made stronger, since two suppressed cells of 1 and 2 would still tell a reader their sum is 3.
3. **Audit.** When the data are small enough (``audit_limit``), every hidden set with fewer than
   ``min_count`` entities is checked against *all* published counts together: if some linear
   combination of published counts gives it exactly (for instance a chain of row and column
   differences through several tables), one of the published counts in that combination is
   hidden too, and rules 2 and 3 run again.

A *measure* (the level of a score, a definition's result, a choice ticked or not) is one more
variable. Its protection is computed with the classification's protection ``fixed``: sets of the
classification variables alone keep their decision, so the count of cooperatives in Dornod is the
same (shown or hidden) on every page. Sets in a ``known`` category of a measure are always shown.

Example::

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"type": ["coop"] * 6 + ["ngo"] * 3 + ["fund"] * 5})
    >>> p = protect(frame, ["type"], min_count=5)
    >>> p.shows({"type": "coop"}), p.shows({"type": "ngo"}), p.shows({"type": "fund"})
    (True, False, False)
"""

from __future__ import annotations

import gc
import itertools
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd
from threadpoolctl import threadpool_limits

Key = tuple[str | None, ...]  # one value per variable; None: any value (not a condition)
Codes = tuple[int, ...]  # the same, as codes of the values (ANY: any value)
IntArray = npt.NDArray[np.int64]
ANY = -1
FloatMatrix = npt.NDArray[np.float64]

MIN_COUNT = 5
# The exact audit solves a linear system with one row per set (this family's and those of the
# protections it keeps fixed) and one unknown per distinct combination of values: forming and
# decomposing it costs about (rows + combinations) x combinations^2. It runs when that stays
# under this budget, which takes well under a second. Larger data (thousands of entities) have
# few cells below the minimum, and the line rule alone protects them. (Counting only this
# family's sets, as before, let a cross-tabulation of two definitions over 100,000 entities --
# 13 sets, but 16,910 rows with its fixed protections and 2,663 combinations -- spend 40 s here.)
AUDIT_LIMIT = 400_000_000
_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Protection:
    """Which sets of a family are shown and which are hidden, and how many entities each holds.

    ``counts`` holds the non-empty sets only; a set not in it is empty and always shown.
    """

    variables: tuple[str, ...]
    min_count: int
    counts: Mapping[Key, int]
    hidden: frozenset[Key]
    fixed: tuple[Protection, ...] = ()
    crowded: frozenset[tuple[Key, int]] = frozenset()  # lines holding a hidden non-empty set
    audited: bool = False
    frame: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False, compare=False)

    def key(self, conditions: Mapping[str, str | None]) -> Key:
        unknown = set(conditions) - set(self.variables)
        if unknown:
            raise KeyError(f"not a variable of this protection: {sorted(unknown)}")
        return tuple(conditions.get(v) for v in self.variables)

    def count(self, conditions: Mapping[str, str | None]) -> int:
        """The number of entities in the set (whether shown or not)."""
        return self.counts.get(self.key(conditions), 0)

    def shows(self, conditions: Mapping[str, str | None]) -> bool:
        """True when the set's count (and statistics about it) may be shown."""
        return not self.hides(self.key(conditions))

    def hides(self, key: Key) -> bool:
        """Whether the set ``key`` is hidden. An empty set is hidden when it shares a line with a
        hidden non-empty set: otherwise a reader would know that every hidden cell holds at least
        one entity, and could pin small counts down by adding up bounds."""
        used = {self.variables[i] for i, value in enumerate(key) if value is not None}
        for p in self.fixed:
            if used <= set(p.variables):
                return p.hides(_project(key, self.variables, p.variables))
        if key in self.counts:
            return key in self.hidden
        return any(
            (key[:i] + (None,) + key[i + 1 :], i) in self.crowded
            for i, value in enumerate(key)
            if value is not None
        )

    def published(self) -> Iterable[tuple[Key, int]]:
        """The non-empty sets that are shown, with their counts."""
        return ((k, n) for k, n in self.counts.items() if k not in self.hidden)


def protect(
    frame: pd.DataFrame,
    variables: Sequence[str],
    *,
    min_count: int = MIN_COUNT,
    views: Iterable[Iterable[str]] | None = None,
    fixed: Sequence[Protection] = (),
    known: Mapping[str, Iterable[str]] | None = None,
    audit_limit: int = AUDIT_LIMIT,
) -> Protection:
    """Decide which sets over ``variables`` of ``frame`` (one row per entity) can be shown.

    ``views`` lists the combinations of variables that tables may condition on (default: every
    combination); ``fixed`` are protections of some of the variables whose decisions are kept;
    ``known`` gives values of a variable whose sets are always shown (e.g. "no score": how many
    entities gave too few answers). Values are read as text; a missing value is the category "".
    """
    with _collector_paused():
        return _protect(frame, variables, min_count, views, fixed, known, audit_limit)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector: deciding a family allocates hundreds of thousands
    of small tuples, none in a cycle, and the collector's passes over them took a third of the
    time (measured with bench/workbench.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _protect(
    frame: pd.DataFrame,
    variables: Sequence[str],
    min_count: int,
    views: Iterable[Iterable[str]] | None,
    fixed: Sequence[Protection],
    known: Mapping[str, Iterable[str]] | None,
    audit_limit: int,
) -> Protection:
    names = tuple(variables)
    data = pd.DataFrame({v: _text(frame[v]) for v in names}, index=frame.index).reset_index(
        drop=True
    )
    coded = _Coded(data, names)
    combos = _views(names, views)
    counts, members = coded.count(combos)
    decided = _decisions(coded, counts, fixed, known or {})
    hidden = {k for k, n in counts.items() if k not in decided and n < min_count}
    hidden |= {k for k, hide in decided.items() if hide}
    lines = _lines(members, combos)
    state = _State(counts, hidden, frozenset(decided), lines, min_count)
    state.complete()
    audited = False
    if _audit_cost(counts, fixed, len(coded.cells)) <= audit_limit:
        audited = True
        system = _System(coded, counts, decided, fixed, min_count)
        # The matrices are small: one BLAS thread is many times faster than several fighting
        # over a busy machine's cores.
        with threadpool_limits(limits=1, user_api="blas"):
            for _ in range(len(counts) + 1):
                culprits = system.culprits(state.hidden)
                if not culprits:
                    break
                state.hide(min(culprits, key=lambda c: (counts[c], c)))
                state.complete()
    crowded = {
        (parent, i) for (parent, i), cells in lines.items() if not state.hidden.isdisjoint(cells)
    }
    return Protection(
        variables=names,
        min_count=min_count,
        counts={coded.key(k): n for k, n in counts.items()},
        hidden=frozenset(coded.key(k) for k in state.hidden),
        fixed=tuple(fixed),
        crowded=frozenset((coded.key(parent), i) for parent, i in crowded),
        audited=audited,
        frame=data,
    )


def _text(column: pd.Series) -> pd.Series:
    """The column as text, a missing value as "" (a column that is text already is kept: the
    round trip through Python objects took a tenth of a large report's time)."""
    if isinstance(column.dtype, pd.StringDtype):
        return column.fillna("")
    return column.astype(object).where(column.notna(), "").astype(str)


def _audit_cost(counts: Mapping[Codes, int], fixed: Sequence[Protection], cells: int) -> int:
    """The audit's work, about (rows + combinations) x combinations^2: the rows are this family's
    sets and those of every protection kept fixed (an upper bound: a set in two counts once)."""
    rows = len(counts) + sum(len(p.counts) for p in _chain(fixed))
    return (rows + cells) * cells**2


def disclosed(protection: Protection) -> list[Key]:
    """Hidden sets with 1 to ``min_count - 1`` entities whose count follows exactly from the
    published counts (of this protection and those it keeps fixed), smallest first.

    The unknowns are the counts of each combination of values of all the variables; a published
    count is the sum of some of them. A set is disclosed when its indicator lies in the span of
    the published sets' indicators. Empty combinations count as known (zeros are published).
    """
    coded = _Coded(protection.frame, protection.variables)
    counts = {coded.codes(k): n for k, n in protection.counts.items()}
    hidden = {coded.codes(k) for k in protection.hidden if k in protection.counts}
    system = _System(coded, counts, {}, protection.fixed, protection.min_count)
    with threadpool_limits(limits=1, user_api="blas"):
        return [coded.key(k) for k in system.disclosed(hidden)]


# --- building the family ---------------------------------------------------------------------


class _Coded:
    """The entities' values as integer codes (sorted values), and the distinct combinations."""

    def __init__(self, data: pd.DataFrame, names: tuple[str, ...]) -> None:
        self.names = names
        self.values: list[list[str]] = []
        columns = []
        for name in names:
            codes, uniques = pd.factorize(data[name], sort=True)
            columns.append(np.asarray(codes, dtype=np.int64))
            self.values.append([str(u) for u in uniques])
        self.matrix = (
            np.stack(columns, axis=1) if columns else np.zeros((len(data), 0), dtype=np.int64)
        )
        self.lookup = [{v: i for i, v in enumerate(vs)} for vs in self.values]
        self._keys: dict[Codes, Key] = {}
        self.cells = self.distinct(tuple(range(len(names))))[0]

    def distinct(self, combo: tuple[int, ...]) -> tuple[IntArray, IntArray]:
        """The distinct rows of the columns ``combo`` (sorted) and how many entities have each.

        Rows are packed into one integer each (mixed radix), which numpy sorts far faster than
        rows of several columns."""
        if not len(self.matrix):
            return np.zeros((0, len(combo)), dtype=np.int64), np.zeros(0, dtype=np.int64)
        sizes = [max(len(self.values[i]), 1) for i in combo]
        packed = np.zeros(len(self.matrix), dtype=np.int64)
        for i, size in zip(combo, sizes, strict=True):
            packed = packed * size + self.matrix[:, i]
        span = int(np.prod(sizes, dtype=np.int64))
        if span <= max(4 * len(packed), 1 << 20):
            # Few possible combinations: counting each is linear, sorting is not.
            every = np.bincount(packed, minlength=span)
            found = np.flatnonzero(every).astype(np.int64)
            counts = every[found]
        else:
            found, counts = np.unique(packed, return_counts=True)
        rows = np.zeros((len(found), len(combo)), dtype=np.int64)
        for k in range(len(combo) - 1, -1, -1):
            rows[:, k] = found % sizes[k]
            found = found // sizes[k]
        return rows, counts

    def key(self, codes: Codes) -> Key:
        found = self._keys.get(codes)
        if found is None:
            found = tuple(None if c == ANY else self.values[i][c] for i, c in enumerate(codes))
            self._keys[codes] = found
        return found

    def codes(self, key: Key) -> Codes:
        return tuple(ANY if v is None else self.lookup[i][v] for i, v in enumerate(key))

    def count(
        self, combos: list[tuple[int, ...]]
    ) -> tuple[dict[Codes, int], dict[tuple[int, ...], list[Codes]]]:
        """Counts of every non-empty set of every view, and the sets of each view."""
        counts: dict[Codes, int] = {}
        members: dict[tuple[int, ...], list[Codes]] = {}
        width = len(self.names)
        for combo in combos:
            keys: list[Codes] = []
            if not combo:
                if len(self.matrix):
                    keys.append((ANY,) * width)
                    counts[keys[0]] = len(self.matrix)
            else:
                found, n = self.distinct(combo)
                for row, k in zip(found.tolist(), n.tolist(), strict=True):
                    full = [ANY] * width
                    for i, c in zip(combo, row, strict=True):
                        full[i] = c
                    key = tuple(full)
                    counts[key] = k
                    keys.append(key)
            members[combo] = keys
        return counts, members


def _views(names: tuple[str, ...], views: Iterable[Iterable[str]] | None) -> list[tuple[int, ...]]:
    if views is None:
        subsets = itertools.chain.from_iterable(
            itertools.combinations(range(len(names)), r) for r in range(len(names) + 1)
        )
        return list(subsets)
    position = {v: i for i, v in enumerate(names)}
    chosen = {tuple(sorted(position[v] for v in view)) for view in views}
    chosen.add(())
    return sorted(chosen, key=lambda c: (len(c), c))


def _decisions(
    coded: _Coded,
    counts: Mapping[Codes, int],
    fixed: Sequence[Protection],
    known: Mapping[str, Iterable[str]],
) -> dict[Codes, bool]:
    """The sets whose decision is given: by a fixed protection (hidden or not) or known (shown)."""
    names = coded.names
    decided: dict[Codes, bool] = {}
    shown = {
        (names.index(v), coded.lookup[names.index(v)][x])
        for v, xs in known.items()
        for x in xs
        if x in coded.lookup[names.index(v)]
    }
    # Each fixed protection once: the positions of its variables, and its hidden sets as codes of
    # this family (a hidden set with a value this data does not have is empty here, never asked).
    rules: list[tuple[frozenset[int], set[Codes]]] = []
    for p in fixed:
        if not set(p.variables) <= set(names):
            continue
        inside = frozenset(names.index(v) for v in p.variables)
        hidden: set[Codes] = set()
        for given in p.hidden:
            try:
                hidden.add(coded.codes(_lift(given, p.variables, names)))
            except KeyError:
                continue
        rules.append((inside, hidden))
    width = range(len(names))
    for codes in counts:
        used = frozenset(i for i in width if codes[i] != ANY)
        for inside, hidden in rules:
            if used <= inside:
                decided[codes] = codes in hidden
                break
        else:
            if shown and any((i, c) in shown for i, c in enumerate(codes)):
                decided[codes] = False
    return decided


def _lines(
    members: Mapping[tuple[int, ...], list[Codes]], combos: list[tuple[int, ...]]
) -> dict[tuple[Codes, int], list[Codes]]:
    """Every line: a set (the total) and its split by one more variable (position ``i``) into
    cells, in a fixed order (that of the views and their sorted sets)."""
    present = set(combos)
    lines: dict[tuple[Codes, int], list[Codes]] = defaultdict(list)
    for combo in combos:
        for i in combo:
            if tuple(j for j in combo if j != i) not in present:
                continue
            for key in members[combo]:
                lines[(key[:i] + (ANY,) + key[i + 1 :], i)].append(key)
    return lines


class _State:
    """The hidden sets while rules 2 and 3 run, with the lines to re-check after each change."""

    def __init__(
        self,
        counts: Mapping[Codes, int],
        hidden: set[Codes],
        fixed: frozenset[Codes],
        lines: Mapping[tuple[Codes, int], list[Codes]],
        min_count: int,
    ) -> None:
        self.counts = counts
        self.hidden = hidden
        self.fixed = fixed
        self.lines = [(parent, cells) for (parent, _), cells in lines.items()]
        self.min_count = min_count
        self.touching: dict[Codes, list[int]] = defaultdict(list)
        for index, (parent, cells) in enumerate(self.lines):
            self.touching[parent].append(index)
            for cell in cells:
                self.touching[cell].append(index)
        self.queue: deque[int] = deque(range(len(self.lines)))
        self.queued = set(self.queue)

    def hide(self, key: Codes) -> None:
        self.hidden.add(key)
        for index in self.touching[key]:
            if index not in self.queued:
                self.queue.append(index)
                self.queued.add(index)

    def complete(self) -> None:
        """Apply rule 2 until every line holds."""
        while self.queue:
            index = self.queue.popleft()
            self.queued.discard(index)
            parent, cells = self.lines[index]
            if parent in self.hidden:
                continue
            gone = [c for c in cells if c in self.hidden]
            if not gone:
                continue
            if len(gone) >= 2 and sum(self.counts[c] for c in gone) >= self.min_count:
                continue
            open_cells = [c for c in cells if c not in self.hidden and c not in self.fixed]
            if open_cells:
                self.hide(min(open_cells, key=lambda c: (self.counts[c], c)))
            elif parent not in self.fixed:
                self.hide(parent)
            # else: the line is made of fixed sets only; the audit decides.


# --- the audit ---------------------------------------------------------------------------------


def _chain(fixed: Sequence[Protection]) -> list[Protection]:
    """Every protection in ``fixed`` and those they keep fixed, directly or not, each once."""
    out: list[Protection] = []
    todo = list(fixed)
    while todo:
        p = todo.pop(0)
        if all(p is not q for q in out):
            out.append(p)
            todo.extend(p.fixed)
    return out


class _System:
    """The counts of the family as a linear system over the combinations of values that occur.

    One row per set (this family's and those of the fixed protections), one column per distinct
    combination of values of all the variables; a set's row is 1 on the combinations it holds.
    """

    def __init__(
        self,
        coded: _Coded,
        counts: Mapping[Codes, int],
        decided: Mapping[Codes, bool],
        fixed: Sequence[Protection],
        min_count: int,
    ) -> None:
        rows: dict[Codes, tuple[int, bool | None, int]] = {
            k: (n, decided.get(k), min_count) for k, n in counts.items()
        }
        for p in _chain(fixed):
            for key, n in p.counts.items():
                lifted = _lift(key, p.variables, coded.names)
                try:
                    codes = coded.codes(lifted)
                except KeyError:
                    continue  # a value this data does not have
                rows.setdefault(codes, (n, key in p.hidden, p.min_count))
        self.keys = list(rows)
        self.counts = np.array([rows[k][0] for k in self.keys], dtype=np.int64)
        self.limits = np.array([rows[k][2] for k in self.keys], dtype=np.int64)
        self.fixed_hidden: dict[Codes, bool] = {
            k: bool(rows[k][1]) for k in self.keys if rows[k][1] is not None
        }
        self.matrix = _indicators(coded.cells, self.keys)

    def _breaches(self, hidden: set[Codes]) -> tuple[list[int], _Solved | None]:
        gone = np.array([self.fixed_hidden.get(k, k in hidden) for k in self.keys], dtype=bool)
        small = np.flatnonzero(gone & (self.counts > 0) & (self.counts < self.limits))
        if len(small) == 0:
            return [], None
        solved = _Solved(self.matrix, np.flatnonzero(~gone & (self.counts > 0)))
        determined = solved.determined(self.matrix[small])
        found = sorted(small[determined], key=lambda i: (self.counts[i], self.keys[i]))
        return found, solved

    def disclosed(self, hidden: set[Codes]) -> list[Codes]:
        return [self.keys[i] for i in self._breaches(hidden)[0]]

    def culprits(self, hidden: set[Codes]) -> list[Codes]:
        """The published sets (not fixed) whose counts add up to the first disclosed one."""
        found, solved = self._breaches(hidden)
        if not found or solved is None:
            return []
        weights = solved.weights(self.matrix[found[0]])
        return [
            self.keys[r]
            for r, w in zip(solved.rows, weights, strict=True)
            if abs(w) > _TOLERANCE and self.keys[r] not in self.fixed_hidden
        ]


class _Solved:
    """The published rows of the system, with the eigendecomposition of their Gram matrix."""

    def __init__(self, matrix: FloatMatrix, rows: IntArray) -> None:
        self.rows = rows
        self.published = matrix[rows]
        columns = matrix.shape[1]
        if len(rows) == 0:
            self.values, self.vectors = np.zeros(columns), np.eye(columns)
        else:
            self.values, self.vectors = np.linalg.eigh(self.published.T @ self.published)
        # Eigenvalues of the Gram matrix of 0/1 rows: the zero ones are zero to rounding error
        # (about 1e-13 of the largest), the others far larger.
        self.zero = self.values < 1e-9 * max(float(self.values.max(initial=0.0)), 1.0)

    def determined(self, sets: FloatMatrix) -> npt.NDArray[np.bool_]:
        """For each row of ``sets``: whether its count follows from the published counts."""
        basis = self.vectors[:, self.zero]
        if basis.shape[1] == 0:
            return np.ones(len(sets), dtype=bool)
        return np.asarray(np.abs(sets @ basis).max(axis=1) < _TOLERANCE, dtype=bool)

    def weights(self, target: FloatMatrix) -> FloatMatrix:
        """The least-norm weights of the published counts that add up to ``target``'s."""
        keep = ~self.zero
        inverse = self.vectors[:, keep] / self.values[keep]
        return np.asarray(self.published @ (inverse @ (self.vectors[:, keep].T @ target)))


def _indicators(cells: IntArray, keys: list[Codes]) -> FloatMatrix:
    """One row per key: 1 on the combinations of values (``cells``) the set holds."""
    matrix = np.zeros((len(keys), len(cells)), dtype=np.float64)
    if not keys:
        return matrix
    table = np.array(keys, dtype=np.int64).reshape(len(keys), cells.shape[1])
    patterns, which = np.unique(table != ANY, axis=0, return_inverse=True)
    for p, pattern in enumerate(patterns):
        indices = np.flatnonzero(which.reshape(-1) == p)
        used = np.flatnonzero(pattern)
        wanted = table[np.ix_(indices, used)]
        matrix[indices] = (wanted[:, None, :] == cells[None, :, used]).all(axis=2)
    return matrix


def _project(key: Key, names: tuple[str, ...], variables: tuple[str, ...]) -> Key:
    return tuple(key[names.index(v)] for v in variables)


def _lift(key: Key, variables: tuple[str, ...], names: tuple[str, ...]) -> Key:
    return tuple(key[variables.index(v)] if v in variables else None for v in names)
