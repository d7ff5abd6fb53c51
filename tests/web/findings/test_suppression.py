"""Acceptance 2: a committee member cannot see, or work out, a group smaller than the minimum.

The test plays the committee member: it asks the JSON API, the CSV downloads and the pages for
every cut of the counts (any rows, any columns, filters on each value), collects every number it is
shown, and tries to recover a hidden one from them: from row and column totals, from other
filters, from differences between filtered tables -- in general, from any linear combination of
everything it saw.
"""

from __future__ import annotations

import csv
import io
import itertools

import numpy as np
import pandas as pd
import pytest
from django.test import Client

from personas import Personas
from solidata.core.findings.dataset import CLASSIFIERS
from solidata.web.registry.models import Organisation

pytestmark = pytest.mark.django_db
MIN = 5  # SOLIDATA_MIN_CELL's default


def truth() -> pd.DataFrame:
    rows = Organisation.objects.filter(submissions__survey__slug="mn-demo").values_list(
        "admin_area_id", "entity_type_id", "legal_form_id", "sector_id"
    )
    return pd.DataFrame(list(rows), columns=list(CLASSIFIERS)).astype(str)


def count_tables(client: Client) -> list[dict]:
    """Every cut of the counts a committee member can ask the API for."""
    tables = []
    for rows in CLASSIFIERS:
        for cols in ["", *[c for c in CLASSIFIERS if c != rows]]:
            found = client.get(f"/api/findings/mn-demo/counts/?rows={rows}&cols={cols}").json()
            tables += found["tables"]
    data = truth()
    for rows, by in [("entity_type", "admin_area"), ("admin_area", "entity_type"),
                     ("legal_form", "sector"), ("sector", "legal_form")]:  # fmt: skip
        for value in sorted(set(data[by])):
            found = client.get(f"/api/findings/mn-demo/counts/?rows={rows}&{by}={value}").json()
            tables += found["tables"]
    return tables


def seen_cells(tables: list[dict]) -> tuple[dict[tuple, float], set[tuple]]:
    """Shown counts and hidden sets, each set written as sorted (variable, value) pairs."""
    shown: dict[tuple, float] = {}
    hidden: set[tuple] = set()
    for table in tables:
        counted = {c["key"] for c in table["columns"] if c["kind"] == "count"}
        for row in table["rows"]:
            for cell in row["cells"]:
                if cell["column"] not in counted or cell.get("absent"):
                    continue  # an absent type's cell carries no number, shown or hidden
                key = tuple(sorted(cell["conditions"].items()))
                if cell["hidden"]:
                    hidden.add(key)
                else:
                    assert shown.setdefault(key, cell["value"]) == cell["value"]
    return shown, hidden


def test_a_committee_member_sees_no_group_smaller_than_the_minimum(
    committee: Client, people: Personas
) -> None:
    shown, hidden = seen_cells(count_tables(committee))
    assert hidden, "the demo has small groups, so some cells must be hidden"
    assert not set(shown) & hidden  # one decision per set, whatever the table
    small = {k: v for k, v in shown.items() if 0 < v < MIN}
    assert small == {}


def test_no_hidden_count_can_be_worked_out_from_everything_shown(
    committee: Client, people: Personas
) -> None:
    shown, hidden = seen_cells(count_tables(committee))
    data = truth()
    levels = {v: sorted(set(data[v])) for v in CLASSIFIERS}
    cells = list(itertools.product(*(levels[v] for v in CLASSIFIERS)))
    grid = pd.DataFrame(cells, columns=list(CLASSIFIERS))
    equal = {(v, x): (grid[v] == x).to_numpy() for v in CLASSIFIERS for x in levels[v]}
    actual = data.groupby(list(CLASSIFIERS)).size()
    # the truth, for checking only
    x = actual.reindex(pd.MultiIndex.from_tuples(cells), fill_value=0).to_numpy(dtype=float)

    def members(key: tuple) -> np.ndarray:
        mask = np.ones(len(grid), dtype=bool)
        for variable, value in key:
            mask &= equal.get((variable, value), np.zeros(len(grid), dtype=bool))
        return mask

    empty = np.zeros(len(grid), dtype=bool)
    rows = []
    for key, value in shown.items():
        if value == 0:
            empty |= members(key)  # a shown zero says every combination in it is empty
        else:
            rows.append(members(key))
    free = ~empty
    matrix = np.array(rows, dtype=float)[:, free]
    assert np.allclose(matrix @ x[free], [v for v in shown.values() if v])
    # What the shown counts cannot tell apart: the null space of the matrix (by SVD). A hidden
    # count is worked out exactly when its set is orthogonal to all of it, that is when the set
    # lies in the row space: its part outside the row space (its projection on the null space)
    # is zero. That part's length is at most sqrt(dimension) times its largest coordinate in any
    # orthonormal basis of the null space, so the limit below finds every set that a test of the
    # coordinates against 1e-6 finds, without forming the null space (11,000 by 11,000).
    _, singular, vt = np.linalg.svd(matrix, full_matrices=False)
    rank = int((singular > 1e-9 * singular.max()).sum())
    basis = vt[:rank]  # orthonormal rows spanning what the shown counts tell
    limit = 1e-6 * np.sqrt(max(matrix.shape[1] - rank, 1))
    recovered = []
    for key in hidden:
        target = members(key)
        n = int(x[target].sum())
        inside = target[free].astype(float)
        outside = inside - basis.T @ (basis @ inside)
        if 0 < n < MIN and np.linalg.norm(outside) < limit:
            recovered.append((key, n))
    assert recovered == []


def test_row_totals_minus_the_shown_cells_never_isolate_one_hidden_cell(
    committee: Client, people: Personas
) -> None:
    table = committee.get("/api/findings/mn-demo/counts/?rows=admin_area&cols=entity_type").json()
    for row in table["tables"][0]["rows"]:
        inner = row["cells"][:-1]
        gone = [c for c in inner if c["hidden"]]
        if gone and not row["cells"][-1]["hidden"]:
            assert len(gone) >= 2  # the total minus the shown cells is the sum of several


def test_a_filtered_table_hides_what_the_cross_table_hides(
    committee: Client, people: Personas
) -> None:
    cross = committee.get("/api/findings/mn-demo/counts/?rows=entity_type&cols=admin_area").json()
    column = {
        row["key"]: next(c for c in row["cells"] if c["column"] == "MN-061")
        for row in cross["tables"][0]["rows"]
    }
    filtered = committee.get("/api/findings/mn-demo/counts/?rows=entity_type&admin_area=MN-061")
    for row in filtered.json()["tables"][0]["rows"]:
        assert row["cells"][0]["hidden"] == column[row["key"]]["hidden"]
        assert row["cells"][0]["value"] == column[row["key"]]["value"]


def test_the_csv_and_the_page_hide_exactly_what_the_api_hides(
    committee: Client, people: Personas
) -> None:
    query = "rows=admin_area&cols=entity_type"
    api = committee.get(f"/api/findings/mn-demo/counts/?{query}").json()["tables"][0]
    hidden = sum(c["hidden"] for r in api["rows"] for c in r["cells"])
    text = committee.get(f"/findings/mn-demo/counts/?{query}&format=csv").content.decode()
    cells = [c for r in csv.reader(io.StringIO(text)) for c in r[1:]]
    assert cells.count("x") == hidden
    page = committee.get(f"/findings/mn-demo/counts/?{query}").content.decode()
    assert page.count('class="num hidden-cell"') == hidden


def test_every_page_a_committee_member_reaches_hides_small_groups(
    committee: Client, people: Personas
) -> None:
    pages = [
        "/api/findings/mn-demo/scores/?measure=P2&rows=admin_area",
        "/api/findings/mn-demo/scores/?measure=P2&rows=entity_type&cols=sector",
        "/api/findings/mn-demo/choices/?question=challenges&rows=admin_area",
        "/api/findings/mn-demo/definitions/?definition=ilo-2022-core&rows=admin_area",
        "/api/findings/mn-demo/",
    ]
    data = truth()
    for path in pages:
        found = committee.get(path).json()
        assert found["small_cells_hidden"] is True
        for table in found["tables"]:
            for row in table["rows"]:
                for cell in row["cells"]:
                    conditions = {k: v for k, v in cell["conditions"].items() if k in CLASSIFIERS}
                    inside = data
                    for k, v in conditions.items():
                        inside = inside[inside[k] == v]
                    if 0 < len(inside) < MIN:  # a statistic of a small group: never shown
                        assert cell["hidden"] or cell["value"] is None, (path, cell)


def test_researchers_see_every_cell(researcher: Client, people: Personas) -> None:
    found = researcher.get("/api/findings/mn-demo/counts/?rows=admin_area&cols=entity_type").json()
    assert found["small_cells_hidden"] is False
    assert not any(c["hidden"] for r in found["tables"][0]["rows"] for c in r["cells"])


def test_the_workbench_hides_small_counts_and_names_from_the_committee(
    committee: Client, researcher: Client, people: Personas
) -> None:
    query = "a=ilo-2022-core&b=ilo-2022-broad"
    seen = committee.get(f"/api/findings/mn-demo/workbench/?{query}").json()["workbench"]
    by_area = seen["second"]["by_area"]
    values = [c["value"] for r in by_area for c in r["counts"] if not c["hidden"]]
    assert any(c["hidden"] for r in by_area for c in r["counts"])
    assert all(v == 0 or v >= MIN for v in values)
    assert seen["movement"]["names_in"] == [] and seen["movement"]["names_out"] == []
    full = researcher.get(f"/api/findings/mn-demo/workbench/?{query}").json()["workbench"]
    assert full["movement"]["names_in"]  # researchers see who moves
    page = committee.get(f"/findings/mn-demo/workbench/?{query}").content.decode()
    for name in full["movement"]["names_in"][:5]:
        assert name not in page


@pytest.mark.parametrize("measure", ["P4", "V6"])  # 18 and 9 entities without a score
def test_no_score_of_a_small_group_follows_from_the_means_shown(
    committee: Client, people: Personas, measure: str
) -> None:
    """Means are sums over the entities with a score: subtracting two groups' sums (mean times
    the number with a score, both shown) must never single out fewer than the minimum."""
    data = truth()
    found = []
    cuts = [f"rows={v}" for v in CLASSIFIERS]
    cuts += [f"rows=entity_type&admin_area={a}" for a in sorted(set(data["admin_area"]))]
    cuts += [f"rows=admin_area&entity_type={t}" for t in sorted(set(data["entity_type"]))]
    for cut in cuts:
        path = f"/api/findings/mn-demo/scores/?measure={measure}&{cut}"
        table = committee.get(path).json()["tables"][0]
        keys = [c["key"] for c in table["columns"]]
        for row in table["rows"]:
            mean, scored = row["cells"][keys.index("mean")], row["cells"][keys.index("scored")]
            if not mean["hidden"] and mean["value"] is not None:
                conditions = tuple(sorted(mean["conditions"].items()))
                found.append((conditions, mean["value"], scored["value"]))
    assert found, "some means must be shown"
    groups = {c: n for c, _, n in found}
    for outer, n_outer in groups.items():
        for inner, n_inner in groups.items():
            if set(outer) < set(inner):  # inner is a subgroup of outer
                gap = n_outer - n_inner
                assert gap == 0 or gap >= MIN, (outer, inner, gap)
