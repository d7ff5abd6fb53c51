"""Tables of a select_one answer (awareness of the SSE) and rows for entity types that do not
exist in a country, on the demo survey as the core reads it (no database)."""

from __future__ import annotations

import pytest

from core.findings_data import demo_data
from solidata.core.errors import SolidataError
from solidata.core.findings.absent import with_absent
from solidata.core.findings.answers import answer_table
from solidata.core.findings.crosstabs import Findings, Query
from solidata.core.findings.guard import Guard
from solidata.core.findings.tables import table_csv, table_records


def _cells(table, key):  # type: ignore[no-untyped-def]
    row = next(r for r in table.rows if r.key == key)
    return {c.key: cell for c, cell in zip(table.columns, row.cells, strict=True)}


def test_answer_counts_add_up_to_the_entities_that_answered_in_every_row() -> None:
    data = demo_data()
    table = answer_table(Findings(data), "sse_known", Query(rows="entity_type"))
    for row in table.rows:
        cells = _cells(table, row.key)
        counted = sum(cells[f"count:{c}"].value for c in ("yes", "heard", "no"))
        assert counted == cells["n"].value  # the demo answers both questions everywhere
        shares = sum(cells[f"share:{c}"].value for c in ("yes", "heard", "no"))
        assert shares == pytest.approx(1.0)
    total = _cells(table, None)
    assert total["n"].value == data.size == 156


def test_the_demo_knows_the_term_better_in_cooperatives_than_in_herder_groups() -> None:
    table = answer_table(Findings(demo_data()), "sse_known", Query(rows="entity_type"))
    share = {k: _cells(table, k)["share:yes"].value for k in ("cooperative", "self_help_group")}
    assert share["cooperative"] > share["self_help_group"]


def test_for_the_committee_small_answer_groups_are_hidden() -> None:
    data = demo_data()
    guard = Guard(data.groups, variables=list(data.groups.columns), min_count=5)
    table = answer_table(Findings(data, guard=guard), "sse_part", Query(rows="admin_area"))
    hidden = [c for r in table_records(table)["rows"] for c in r["cells"] if c["hidden"]]
    assert hidden and all(c["value"] is None for c in hidden)
    counts = [c for r in table.rows for c in r.cells[1:4]]  # yes, no, don't know
    assert all(c.hidden or c.value == 0 or c.value >= 5 for c in counts)


def test_only_select_one_questions_make_answer_tables() -> None:
    with pytest.raises(SolidataError) as error:
        answer_table(Findings(demo_data()), "challenges", Query(rows="entity_type"))
    assert error.value.codes == ["expression.unknown_name"]


def test_an_absent_type_is_a_row_of_absent_cells_in_csv_and_json_not_a_zero() -> None:
    findings = Findings(demo_data())
    counts = findings.counts(Query(rows="entity_type"))
    assert "mutual_society" not in {r.key for r in counts.rows}
    order = [str(r.key) for r in counts.rows if r.key is not None]
    order.insert(order.index("association") + 1, "mutual_society")
    marked = with_absent(counts, [("mutual_society", "Mutual society")], order)
    keys = [r.key for r in marked.rows]
    assert keys.index("mutual_society") == keys.index("association") + 1
    assert keys[-1] is None  # the total stays last
    assert [r.key for r in marked.rows if r.key != "mutual_society"] == [r.key for r in counts.rows]
    assert "Mutual society,absent" in table_csv(marked)
    record = next(r for r in table_records(marked)["rows"] if r["key"] == "mutual_society")
    assert all(c["absent"] and c["value"] is None for c in record["cells"])


def test_a_type_with_entities_is_never_replaced_by_an_absent_row() -> None:
    counts = Findings(demo_data()).counts(Query(rows="entity_type"))
    marked = with_absent(counts, [("cooperative", "Cooperative")])
    assert marked == counts
