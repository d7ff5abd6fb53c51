"""Findings tables: counts with margins, scores, ticked choices and definition results, by any two
variables, hidden for readers who may not see small groups, weighted when a frame is given."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pandas as pd
import pytest

from core.findings_data import demo_data
from solidata.core.findings.benchmarks import peer_benchmarks
from solidata.core.findings.crosstabs import Findings, Query
from solidata.core.findings.guard import Guard
from solidata.core.findings.tables import Table, table_csv, table_records
from solidata.core.stats import PostStrata, SurveyDesign, estimate
from solidata.core.stats.frames import PopulationFrame, weighting

TYPES = {"cooperative": 4400, "association": 900, "self_help_group": 1200, "other": 600,
         "social_enterprise": 300, "foundation": 150}  # fmt: skip


@pytest.fixture(scope="module")
def guard() -> Guard:
    data = demo_data()
    return Guard(data.groups, variables=list(data.groups.columns), min_count=5)


def cells(table: Table, column: str) -> dict[str | None, object]:
    k = [c.key for c in table.columns].index(column)
    return {row.key: row.cells[k] for row in table.rows}


def test_counts_add_up_in_rows_columns_and_margins() -> None:
    data = demo_data()
    table = Findings(data).counts(Query(rows="entity_type", columns="admin_area"))
    values = np.array([[c.value for c in row.cells] for row in table.rows])
    assert (values[:-1, :-1].sum(axis=0) == values[-1, :-1]).all()  # column totals
    assert (values[:, :-1].sum(axis=1) == values[:, -1]).all()  # row totals
    assert values[-1, -1] == data.size == 156


def test_a_filter_gives_the_cells_of_the_cross_table() -> None:
    findings = Findings(demo_data())
    cross = findings.counts(Query(rows="entity_type", columns="admin_area"))
    filtered = findings.counts(Query(rows="entity_type", filters={"admin_area": "MN-1"}))
    assert {k: c.value for k, c in cells(cross, "MN-1").items()} == {
        k: c.value for k, c in cells(filtered, "n").items()
    }


def test_for_the_committee_small_cells_and_what_reveals_them_are_hidden(guard: Guard) -> None:
    table = Findings(demo_data(), guard=guard).counts(Query(rows="admin_area"))
    shown = {row.key: row.cells[0] for row in table.rows}
    assert all(
        c.value is None or c.value >= 5 or c.value == 0 for c in shown.values() if not c.hidden
    )
    hidden = [k for k, c in shown.items() if c.hidden]
    assert hidden and shown[None].value == 156  # the total stays
    assert sum(1 for k in hidden if k is not None) >= 2  # never exactly one per line


def test_score_statistics_are_those_of_the_peer_benchmarks() -> None:
    data = demo_data()
    table = Findings(data).scores("P2", Query(rows="entity_type"))
    frame = pd.DataFrame(
        {"entity_type": data.groups["entity_type"].to_numpy(), "P2": data.score("P2")}
    )
    bench = peer_benchmarks(
        frame, {"entity_type": "cooperative"}, groups=[("t", "entity_type")], dimensions=["P2"]
    )[0]
    assert cells(table, "mean")["cooperative"].value == bench.means["P2"]
    assert cells(table, "median")["cooperative"].value == bench.medians["P2"]


def test_shares_per_level_add_up_to_one_for_each_group() -> None:
    table = Findings(demo_data()).scores("P1", Query(rows="entity_type"))
    shares = [c for c in table.columns if c.key.startswith("share:")]
    for row in table.rows:
        values = [row.cells[table.columns.index(c)].value or 0 for c in shares]
        assert sum(values) == pytest.approx(1.0)


def test_a_score_grid_holds_the_mean_of_each_pair_of_groups() -> None:
    data = demo_data()
    table = Findings(data).scores("V1", Query(rows="entity_type", columns="sector"))
    inside = (data.groups["entity_type"] == "cooperative") & (data.groups["sector"] == "A")
    expected = round(float(np.nanmean(data.score("V1")[inside.to_numpy()])), 1)
    assert cells(table, "A")["cooperative"].value == expected


def test_ticked_choices_are_counted_from_the_answers() -> None:
    data = demo_data()
    table = Findings(data).choices("challenges", Query(rows="entity_type"))
    answers = data.table.instance_ids.map(lambda i: i)  # order of the table
    assert answers is not None
    ticked = int(data.ticked("challenges", "finance").sum())
    assert cells(table, "count:finance")[None].value == ticked
    assert {q.name for q in data.multiples()} >= {"challenges", "opportunities"}


def test_definition_results_are_counted_from_the_scores() -> None:
    data = demo_data()
    results = data.table.definitions["ilo-2022-core"].astype(str).to_numpy()
    table = Findings(data).results(results, Query(rows="entity_type"), title="core")
    assert cells(table, "meets")[None].value == (results == "meets").sum()
    assert cells(table, "undetermined")[None].value == (results == "undetermined").sum()


def test_without_a_frame_the_tables_say_they_are_unweighted() -> None:
    table = Findings(demo_data()).counts(Query(rows="entity_type"))
    assert not table.weighted
    assert any("Unweighted" in note for note in table.notes)


def test_with_a_frame_means_come_with_the_design_based_standard_error() -> None:
    data = demo_data()
    frame = PopulationFrame(("entity_type",), {(k,): float(n) for k, n in TYPES.items()})
    findings = Findings(data, weighting=weighting(data.groups, frame))
    table = findings.scores("P2", Query(rows="admin_area"))
    assert table.weighted
    direct = pd.DataFrame({"stratum": data.groups["entity_type"].to_numpy(), "y": data.score("P2")})
    expected = estimate(
        direct, "y", statistic="mean", design=SurveyDesign(poststrata=PostStrata("stratum", TYPES))
    ).estimates[0]
    total = next(r for r in table.rows if r.key is None)
    got = {c.key: cell.value for c, cell in zip(table.columns, total.cells, strict=True)}
    assert got["weighted_mean"] == pytest.approx(expected.estimate)
    assert got["se"] == pytest.approx(expected.se)
    assert got["ci_low"] == pytest.approx(expected.ci_low)
    # R's degf(): every entity is its own PSU, one stratum (post-strata are not strata)
    assert got["df"] == expected.df == len(direct) - 1


def test_weighted_estimates_are_made_once_per_weighting_and_are_those_of_a_fresh_one() -> None:
    data = demo_data()
    frame = PopulationFrame(("entity_type",), {(k,): float(n) for k, n in TYPES.items()})
    shared = weighting(data.groups, frame)
    query = Query(rows="admin_area", filters={"entity_type": "cooperative"})
    first = table_records(Findings(data, weighting=shared).scores("P2", query))
    made = dict(shared.memo.items())
    assert made  # the means and the level shares, by aimag and in total
    again = Findings(data, weighting=shared).scores("P2", query)  # another reader, same weights
    assert table_records(again) == first and dict(shared.memo.items()) == made
    fresh = table_records(
        Findings(data, weighting=weighting(data.groups, frame)).scores("P2", query)
    )
    assert fresh == first
    other = Findings(data, weighting=shared).scores("P3", query)  # other values: estimated anew
    assert len(shared.memo) > len(made) and table_records(other) != first


def test_estimated_numbers_of_entities_match_the_frame_totals() -> None:
    data = demo_data()
    frame = PopulationFrame(("entity_type",), {(k,): float(n) for k, n in TYPES.items()})
    table = Findings(data, weighting=weighting(data.groups, frame)).counts(
        Query(rows="entity_type")
    )
    totals = cells(table, "estimate_total")
    assert totals["cooperative"].value == pytest.approx(4400)
    assert totals[None].value == pytest.approx(sum(TYPES.values()))


def test_a_frame_that_does_not_fit_is_reported_not_used() -> None:
    data = demo_data()
    frame = PopulationFrame(("entity_type",), {("cooperative",): 4400.0})  # others missing
    with pytest.raises(Exception) as raised:
        weighting(data.groups, frame)
    assert "stats.poststratum_total_missing" in getattr(raised.value, "codes", [])


def test_csv_marks_hidden_cells_and_never_writes_a_formula(guard: Guard) -> None:
    def name(variable: str, code: str) -> str:
        return '=HYPERLINK("http://x")' if code == "MN-1" else code

    table = Findings(demo_data(), guard=guard, name=name).counts(Query(rows="admin_area"))
    rows = list(csv.reader(io.StringIO(table_csv(table))))
    labels = [r[0] for r in rows]
    assert '\'=HYPERLINK("http://x")' in labels
    assert not any(label.startswith(("=", "+", "-", "@")) for label in labels)
    assert any(r[1:] == ["x"] for r in rows)


def test_json_records_carry_no_hidden_value(guard: Guard) -> None:
    table = Findings(demo_data(), guard=guard).counts(Query(rows="admin_area", columns="sector"))
    records = json.loads(json.dumps(table_records(table)))
    hidden = [c for r in records["rows"] for c in r["cells"] if c["hidden"]]
    assert hidden and all(c["value"] is None for c in hidden)


def test_means_never_give_away_the_score_of_a_few_entities() -> None:
    """Make Ulaanbaatar's entities other than its cooperatives and associations all lack a P2
    score but one: its mean, its cooperatives' and its associations' would then give that one
    entity's score (23 x mean - 13 x mean - 9 x mean) unless the groups are also protected as
    counts of the entities that have a score."""
    import dataclasses
    import itertools

    data = demo_data()
    groups = data.groups.reset_index(drop=True)
    scores = dict(data.scores())
    p2 = scores["P2"].copy()
    shown_types = ["cooperative", "association"]
    others = np.flatnonzero(
        (groups["admin_area"] == "MN-1") & ~groups["entity_type"].isin(shown_types)
    )
    p2[others[1:]] = np.nan
    scores["P2"] = p2
    changed = dataclasses.replace(data, score_arrays=scores)
    findings = Findings(changed, guard=Guard(groups, variables=list(groups.columns), min_count=5))
    shown: list[dict[str, str]] = []
    cuts = [Query(rows=v) for v in groups.columns]
    cuts += [Query(rows="entity_type", filters={"admin_area": a}) for a in set(groups.admin_area)]
    for query in cuts:
        table = findings.scores("P2", query)
        k = [c.key for c in table.columns].index("mean")
        shown += [dict(r.cells[k].conditions) for r in table.rows if not r.cells[k].hidden]
    valid = np.isfinite(p2)
    cells = groups[valid].drop_duplicates().reset_index(drop=True)

    def row(conditions: dict[str, str]) -> np.ndarray:
        mask = np.ones(len(cells), dtype=bool)
        for variable, value in conditions.items():
            mask &= (cells[variable] == value).to_numpy()
        return mask.astype(float)

    matrix = np.array([row(c) for c in shown])
    _, singular, vt = np.linalg.svd(matrix)
    unknown = vt[int((singular > 1e-9 * singular.max()).sum()) :].T
    counts = groups[valid].value_counts().reindex(pd.MultiIndex.from_frame(cells)).to_numpy()
    for index in itertools.compress(range(len(cells)), counts < 5):
        target = np.zeros(len(cells))
        target[index] = 1.0
        assert np.abs(target @ unknown).max() > 1e-6, cells.iloc[index].to_dict()
    lone = np.zeros(len(cells))
    lone[[i for i in range(len(cells)) if (cells.iloc[i].admin_area == "MN-1")
          and cells.iloc[i].entity_type not in ("cooperative", "association")]] = 1.0  # fmt: skip
    assert np.abs(lone @ unknown).max() > 1e-6  # the lone scored "other" in Ulaanbaatar
