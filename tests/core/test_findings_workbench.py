"""The definition workbench: typed rules are checked as the method reader checks them, evaluated
over every submission at once, counted by group and clause, compared, and saved into a new
version of the method workbook."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from python_calamine import CalamineWorkbook

from core.findings_data import demo_data
from solidata.core.definitions import (
    NewDefinition,
    check_rule,
    compare,
    evaluate_rule,
    next_version,
    resolve,
    summarise,
    with_definition,
)
from solidata.core.errors import SolidataError
from solidata.core.method import bundled_method_path, read_method
from solidata.core.stats.frames import read_frame_csv, weighting

RULE = "score('PUR') >= 50 and score('P2') >= 60 and ${registered} = 'yes'"


def codes(check) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.code for p in check.problems]


def test_a_typed_rule_is_checked_as_the_definitions_sheet_is() -> None:
    method = demo_data().method
    assert check_rule(method, RULE).ok
    assert check_rule(method, RULE).clauses == (
        "score('PUR') >= 50", "score('P2') >= 60", "${registered} = 'yes'"
    )  # fmt: skip
    assert codes(check_rule(method, "score('P2') >=")) == ["expression.syntax"]
    assert codes(check_rule(method, "score('P9') >= 1")) == ["expression.unknown_score"]
    assert codes(check_rule(method, "${nope} = 'x'")) == ["expression.unknown_name"]
    assert codes(check_rule(method, "score('P2') + 1")) == ["method.definition_not_condition"]


def test_readers_who_do_not_see_small_groups_may_use_scores_and_choices_only() -> None:
    method = demo_data().method
    assert check_rule(method, RULE, answers_allowed=False).ok  # registered is a select_one
    narrowed = check_rule(
        method, "${org_name} = 'x' or ${members_women} = 7", answers_allowed=False
    )
    assert codes(narrowed) == ["stats.rule_answer_not_allowed"] * 2


def test_a_method_definition_evaluates_as_scoring_stored_it() -> None:
    data = demo_data()
    for definition in data.method.definitions:
        got = evaluate_rule(data, definition.rule).results()
        assert (got == data.table.definitions[definition.id].astype(str).to_numpy()).all()
        stored = data.table.clauses[definition.id]
        for k, (_, outcome) in enumerate(evaluate_rule(data, definition.rule).clauses, start=1):
            expected = stored[k].astype(str).to_numpy()
            assert (np.array(["meets", "does_not_meet", "undetermined"])[outcome] == expected).all()


def test_the_summary_counts_everyone_once_overall_and_by_group() -> None:
    data = demo_data()
    result = evaluate_rule(data, RULE)
    summary = summarise(data, result)
    assert summary.total.total == data.size
    for variable in ("entity_type", "admin_area"):
        groups = summary.breakdowns[variable]
        assert sum(t.meets for _, t in groups) == summary.total.meets
    coops = dict(summary.breakdowns["entity_type"])["cooperative"]
    inside = data.groups["entity_type"].to_numpy() == "cooperative"
    assert coops.meets == int((result.results()[inside] == "meets").sum())


def test_each_clause_says_how_many_it_keeps_out_and_which_keeps_out_most() -> None:
    data = demo_data()
    summary = summarise(data, evaluate_rule(data, RULE))
    fails = {c.text: c.fails for c in summary.clauses}
    p2 = (data.score("P2") < 60).sum()
    assert fails["score('P2') >= 60"] == p2
    assert summary.most_excluding is not None
    assert summary.most_excluding.fails == max(fails.values())
    alone = {c.text: c.only_reason for c in summary.clauses}
    assert all(alone[t] <= fails[t] for t in fails)


def test_comparing_two_definitions_lists_who_moves_in_and_out() -> None:
    data = demo_data()
    core = evaluate_rule(data, resolve(data.method, "ilo-2022-core")[1])
    broad = evaluate_rule(data, resolve(data.method, "ilo-2022-broad")[1])
    found = compare(data, core, broad)
    assert sum(found.moves.values()) == data.size
    assert len(found.moved_in) == sum(n for (a, b), n in found.moves.items() if b == "meets" != a)
    ids = list(data.ids)
    for moved in found.moved_in:
        k = ids.index(moved)
        assert broad.codes[k] == 0 and core.codes[k] != 0


def test_an_unknown_definition_id_is_an_error_and_a_rule_is_taken_as_typed() -> None:
    method = demo_data().method
    with pytest.raises(SolidataError) as raised:
        resolve(method, "ilo-2099")
    assert raised.value.codes == ["stats.definition_unknown"]
    assert resolve(method, "score('P1') >= 50") == ("score('P1') >= 50", "score('P1') >= 50")


def test_versions_count_up_from_their_last_number() -> None:
    assert next_version("2026.1", {"2026.1", "2026.2"}) == "2026.3"
    assert next_version("v2-draft", set()) == "v3-draft"
    assert next_version("draft", set()) == "draft.1"


def test_a_saved_definition_lands_in_a_new_version_and_nothing_else_changes() -> None:
    path = bundled_method_path()
    assert path is not None
    before = Path(path).read_bytes()
    new = NewDefinition("mn-working-draft", RULE, {"en": "Working draft", "mn": "Ажлын төсөл"}, {})
    after = with_definition(before, new, version="2026.2")
    method = read_method(io.BytesIO(after))
    assert method.version == "2026.2"
    saved = method.definitions[-1]
    assert (saved.id, saved.rule, saved.labels["mn"]) == (new.id, RULE, "Ажлын төсөл")
    old, got = (
        CalamineWorkbook.from_filelike(io.BytesIO(before)),
        CalamineWorkbook.from_filelike(io.BytesIO(after)),
    )
    for sheet in ("survey", "choices", "scoring", "levels", "recommendations"):
        assert old.get_sheet_by_name(sheet).to_python() == got.get_sheet_by_name(sheet).to_python()
    replaced = with_definition(
        after, NewDefinition("mn-working-draft", "score('P1') >= 10", {}, {}), version="2026.3"
    )
    again = read_method(io.BytesIO(replaced))
    assert len(again.definitions) == len(method.definitions)
    assert again.definitions[-1].rule == "score('P1') >= 10"
    assert again.definitions[-1].labels["en"] == "Working draft"  # kept when not given


def test_a_frame_is_read_from_csv_and_its_problems_name_the_row() -> None:
    frame = read_frame_csv(b"admin_area,entity_type,population\nMN-1,cooperative,300\n")
    assert frame.variables == ("admin_area", "entity_type") and frame.population == 300
    with pytest.raises(SolidataError) as raised:
        read_frame_csv(b"entity_type,population\ncooperative,abc\ncooperative,3\n")
    assert raised.value.codes == ["stats.frame_value_invalid", "stats.frame_duplicate"]
    assert raised.value.problems[0].row == 2
    with pytest.raises(SolidataError) as missing:
        read_frame_csv(b"region,n\nx,1\n")
    assert missing.value.codes == ["stats.frame_columns"]


def test_design_weights_come_from_the_frame_counts() -> None:
    data = demo_data()
    counts = data.groups["entity_type"].value_counts()
    frame = read_frame_csv(
        (
            "entity_type,population\n" + "".join(f"{k},{n * 10}\n" for k, n in counts.items())
        ).encode()
    )
    applied = weighting(data.groups, type(frame)(frame.variables, frame.counts, kind="design"))
    assert applied.weights.to_numpy() == pytest.approx(np.full(data.size, 10.0))
    assert applied.design.fpc is not None
