"""Small-cell suppression holds across every table, margin and filter of a dataset.

The checks here do not trust the module's own audit: they rebuild what a reader sees (every set
of every view, zeros included) and attack it independently -- by linear algebra (is a hidden count
a combination of published ones?) and by linear programming (do the published counts and
"counts are not negative" pin a hidden count to one value?).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solidata.core.demo import synthetic_organisations
from solidata.core.findings.suppression import Protection, disclosed, protect

VARIABLES = ["admin_area", "entity_type", "legal_form", "sector"]


def everything_a_reader_sees(
    p: Protection, levels: dict[str, list[str]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[str, ...]]]:
    """Over every combination of values (the unknowns): the rows and counts of the shown
    non-empty sets, which combinations a shown zero proves empty, and every combination."""
    names = p.variables
    cells = list(itertools.product(*(levels[v] for v in names)))
    truth = p.frame.groupby(list(names)).size().to_dict()
    combos = [
        c for r in range(len(names) + 1) for c in itertools.combinations(range(len(names)), r)
    ]
    shown_sets: dict[tuple, list[int]] = {}
    empty = np.zeros(len(cells), dtype=bool)
    for index, cell in enumerate(cells):
        for combo in combos:
            key = tuple(cell[i] if i in combo else None for i in range(len(names)))
            if p.hides(key):
                continue
            if p.counts.get(key, 0) == 0:
                empty[index] = True
            else:
                shown_sets.setdefault(key, []).append(index)
    rows = np.zeros((len(shown_sets), len(cells)))
    counts = np.zeros(len(shown_sets))
    for r, (key, members) in enumerate(shown_sets.items()):
        rows[r, members] = 1.0
        counts[r] = p.counts[key]
    x = np.array([truth.get(c, 0) for c in cells], dtype=float)
    assert np.allclose(rows @ x, counts)
    return rows, counts, empty, cells


def indicator(cells: list[tuple[str, ...]], key: tuple[str | None, ...]) -> np.ndarray:
    return np.array(
        [all(k is None or k == c for k, c in zip(key, cell, strict=True)) for cell in cells],
        dtype=float,
    )


def linearly_recovered(p: Protection, levels: dict[str, list[str]]) -> list[tuple]:
    """Hidden small sets whose indicator is a combination of the shown sets' indicators: those in
    the row space of the shown sets, whose part outside it (after projecting on an orthonormal
    basis of it, by SVD) is zero. The limit, 1e-6, is far above rounding (1e-13 here) and far
    below the distance of a 0/1 vector outside the row space, so what it flags is what a rank
    test of the shown rows plus the set flags."""
    rows, _, empty, cells = everything_a_reader_sees(p, levels)
    free = ~empty
    matrix = rows[:, free] if len(rows) else np.zeros((0, int(free.sum())))
    basis = np.zeros((0, matrix.shape[1]))
    if len(matrix):
        _, singular, vt = np.linalg.svd(matrix, full_matrices=False)
        tolerance = singular.max(initial=0.0) * max(matrix.shape) * np.finfo(float).eps
        basis = vt[: int((singular > tolerance).sum())]  # matrix_rank's tolerance
    found = []
    for key in p.hidden:
        if 0 < p.counts.get(key, 0) < p.min_count:
            t = indicator(cells, key)[free]
            if np.linalg.norm(t - basis.T @ (basis @ t)) < 1e-6:
                found.append(key)
    return found


def frame_of(rows: list[tuple[str, ...]], names: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=names)


def test_a_group_below_the_minimum_is_hidden_and_an_empty_one_shown() -> None:
    p = protect(frame_of([("coop",)] * 9 + [("ngo",)] * 2, ["t"]), ["t"], min_count=5)
    assert not p.shows({"t": "ngo"})
    assert p.shows({"t": "fund"}) is False  # empty, but next to a hidden one: could be 1 or 0
    q = protect(frame_of([("coop",)] * 9 + [("ngo",)] * 6, ["t"]), ["t"], min_count=5)
    assert q.shows({"t": "fund"}) and q.shows({"t": "ngo"}) and q.shows({})


def test_a_line_with_one_hidden_cell_gets_a_second_so_the_total_gives_nothing_away() -> None:
    rows = [("coop",)] * 6 + [("ngo",)] * 3 + [("fund",)] * 7
    p = protect(frame_of(rows, ["t"]), ["t"], min_count=5)
    assert p.shows({}) and p.count({}) == 16
    assert not p.shows({"t": "ngo"})
    assert not p.shows({"t": "coop"})  # the smallest other cell, hidden as a complement
    assert p.shows({"t": "fund"})


def test_hidden_cells_of_a_line_hold_at_least_the_minimum_together() -> None:
    rows = [("a",)] * 1 + [("b",)] * 1 + [("c",)] * 10 + [("d",)] * 12
    p = protect(frame_of(rows, ["t"]), ["t"], min_count=5)
    hidden = [v for v in "abcd" if not p.shows({"t": v})]
    assert hidden == ["a", "b", "c"]  # 1 + 1 = 2 would tell the reader both are tiny


def test_a_filtered_table_and_the_cross_table_show_and_hide_the_same_sets() -> None:
    orgs = synthetic_organisations()
    frame = pd.DataFrame({v: [getattr(o, v) for o in orgs] for v in VARIABLES})
    p = protect(frame, VARIABLES, min_count=5)
    for area, kind in itertools.product(
        sorted(set(frame.admin_area)), sorted(set(frame.entity_type))
    ):
        same = p.shows({"admin_area": area, "entity_type": kind})
        assert p.shows({"entity_type": kind, "admin_area": area}) == same


def test_no_hidden_count_of_the_demo_follows_from_every_table_and_margin_together() -> None:
    orgs = synthetic_organisations()
    frame = pd.DataFrame({v: [getattr(o, v) for o in orgs] for v in VARIABLES[:3]})
    p = protect(frame, VARIABLES[:3], min_count=5)
    levels = {v: sorted(set(frame[v])) for v in VARIABLES[:3]}
    assert p.audited and disclosed(p) == []
    assert linearly_recovered(p, levels) == []
    assert any(not p.shows({"admin_area": a}) for a in levels["admin_area"])  # something hidden


def test_bounds_pin_no_hidden_count_of_the_demo() -> None:
    """An attacker who also uses that counts are never negative (linear programming)."""
    from scipy.optimize import linprog

    orgs = synthetic_organisations()
    frame = pd.DataFrame({v: [getattr(o, v) for o in orgs] for v in VARIABLES})
    p = protect(frame, VARIABLES, min_count=5)
    levels = {v: sorted(set(frame[v])) for v in VARIABLES}
    rows, counts, empty, cells = everything_a_reader_sees(p, levels)
    free = ~empty
    matrix = rows[:, free]
    small = sorted((k for k in p.hidden if 0 < p.counts.get(k, 0) < 5), key=str)
    for key in small[:: max(1, len(small) // 25)]:  # a spread sample: each check is two LPs
        t = indicator(cells, key)[free]
        low = linprog(t, A_eq=matrix, b_eq=counts, bounds=(0, None), method="highs")
        high = linprog(-t, A_eq=matrix, b_eq=counts, bounds=(0, None), method="highs")
        assert low.status == 0 and high.status == 0
        assert -high.fun - low.fun > 0.5, f"{key} is pinned to {low.fun}"


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abc"), st.sampled_from("xyzw"), st.sampled_from("pq")),
        min_size=6,
        max_size=60,
    ),
    st.integers(min_value=2, max_value=6),
)
def test_no_random_population_gives_a_hidden_count_away(rows, k) -> None:  # type: ignore[no-untyped-def]
    names = ["u", "v", "w"]
    frame = frame_of(rows, names)
    p = protect(frame, names, min_count=k)
    levels = {v: sorted(set(frame[v])) for v in names}
    assert linearly_recovered(p, levels) == []


def test_a_measure_keeps_every_decision_of_the_classification() -> None:
    orgs = synthetic_organisations()
    frame = pd.DataFrame({v: [getattr(o, v) for o in orgs] for v in VARIABLES})
    classes = protect(frame, VARIABLES, min_count=5)
    frame["measure"] = np.where(np.arange(len(frame)) % 3 == 0, "meets", "does_not_meet")
    measure = protect(frame, [*VARIABLES, "measure"], min_count=5, fixed=[classes])
    for key in classes.counts:
        assert measure.hides((*key, None)) == classes.hides(key)
    assert disclosed(measure) == []


def test_a_known_category_is_always_shown() -> None:
    rows = [("coop", "scored")] * 12 + [("coop", "none")] * 2 + [("ngo", "scored")] * 8
    frame = frame_of(rows, ["t", "m"])
    classes = protect(frame, ["t"], min_count=5)
    p = protect(frame, ["t", "m"], min_count=5, fixed=[classes], known={"m": ["none"]})
    assert p.shows({"t": "coop", "m": "none"}) and p.count({"t": "coop", "m": "none"}) == 2


@pytest.mark.parametrize("k", [1, 3])
def test_with_a_minimum_of_one_or_small_data_nothing_needless_is_hidden(k: int) -> None:
    rows = [("a",)] * 3 + [("b",)] * 4
    p = protect(frame_of(rows, ["t"]), ["t"], min_count=k)
    assert p.hidden == frozenset()


def test_the_audit_budget_counts_the_sets_of_the_protections_kept_fixed() -> None:
    # A family of 3 sets over a measure, keeping a classification of about 170 sets fixed: its
    # system has about 173 rows, not 3. Counting only the family's own sets let a two-definition
    # table over 100,000 entities spend 40 s in an audit meant to take well under a second.
    rng = np.random.default_rng(7)
    frame = pd.DataFrame(
        {
            "a": rng.integers(0, 12, 1000).astype(str),
            "b": rng.integers(0, 12, 1000).astype(str),
            "m": rng.choice(["meets", "does_not_meet"], 1000),
        }
    )
    classes = protect(frame, ["a", "b"], min_count=5)
    cells = len(frame.drop_duplicates())
    own = 3 * cells**2
    views = [["m"]]
    within = protect(frame, ["a", "b", "m"], views=views, fixed=[classes], audit_limit=own)
    assert not within.audited
    whole = (3 + len(classes.counts) + cells) * cells**2
    audited = protect(frame, ["a", "b", "m"], views=views, fixed=[classes], audit_limit=whole)
    assert audited.audited
