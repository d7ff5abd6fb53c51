"""The bundled method follows the ILO 2022 resolution (issue 11, method version 2026.2).

Two fixed personas answer the bundled method, scored with Solidata's own engine:
* EXEMPLARY_COOP: a herder cooperative that does everything the method asks of a member
  organisation: it must meet every ILO definition, as it did before version 2026.2;
* EXEMPLARY_FOUNDATION: a foundation without members, run with the participation of the people it
  serves: before 2026.2 it could never meet a definition, since P2 scored member democracy only.
"""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest

from solidata.core.demo import synthetic_organisations
from solidata.core.demo_answers import synthetic_answers
from solidata.core.form import FilledForm
from solidata.core.method import Method, read_method
from solidata.core.reference import load_reference
from solidata.core.scoring import ScoreTable, score

METHOD = Path(str(resources.files("solidata.core.data.methods").joinpath("ilo-2022.xlsx")))
BUILDER = Path(__file__).resolve().parents[2] / "scripts" / "build_ilo_method.py"
DEFINITIONS = ["ilo-2022-core", "ilo-2022-broad", "ilo-2022-strict"]

_SHARED = {
    "report_year": "2025",
    "respondent_role": "chair",
    "aimag": "MN-073",
    "soum": "Тариат",
    "chair_gender": "woman",
    "income_band": "m10_50",
    "purpose_written": "written",
    "purpose_activities": "jobs_income services environment",
    "mutual_aid": "equipment emergency labour",
    "voluntary_work": "volunteers self_help pooling",
    "stakeholder_consulted": "meeting survey feedback",
    "stakeholder_report": "regularly",
    "has_board": "yes",
    "board_size": "5",
    "women_on_board": "2",
    "control_committee": "elected",
    "outside_overrule": "no",
    "had_surplus": "yes",
    "surplus_investors_pct": "0",
    "profit_rule": "no_distribution",
    "asset_lock": "other_sse",
    "workers_paid": "2",
    "workers_contract": "2",
    "workers_insured": "2",
    "wage_min": "all",
    "pay_lowest": "800000",
    "pay_highest": "1600000",
    "workers_union": "yes",
    "safety_practices": "training equipment first_aid risks",
    "equality_practices": "equal_pay rule access youth",
    "child_labour": "no",
    "forced_labour": "no",
    "unpaid_family": "no",
    "env_practices": "pasture_rotation herd_size waste water",
    "community_support": "vulnerable disaster projects",
    "networks": "local_union national",
    "joint_activities": "buying selling training",
    "training_topics": "governance finance technical",
    "accounts": "audited",
    "report_channels": "assembly to_members public authorities",
    "registered": "yes",
    "tax_registered": "yes",
    "has_plan": "long",
    "reserve_fund": "enough",
}
EXEMPLARY_COOP = {
    **_SHARED,
    "instance_id": "coop",
    "org_name": "Тариатын малчдын хоршоо",
    "legal_form": "mn_cooperative",
    "sector": "A",
    "year_founded": "2008",
    "members_women": "20",
    "members_men": "22",
    "income_sources": "sales member_fees",
    "beneficiaries": "community",
    "join_open": "open",
    "join_refused": "no_refusal",
    "exit_free": "free_refund",
    "voting_rule": "one_member",
    "assembly_held": "yes",
    "assembly_attendees": "30",
    "assembly_women": "14",
    "member_say": "elect plan accounts surplus charter agenda",
    "stakeholder_seats": "members workers community",
    "last_election_years": "2",
    "charter_adopted_by": "members",
    "leader_appointed_by": "members",
    "income_sales_pct": "85",
    "largest_funder_pct": "0",
    "surplus_reinvested_pct": "60",
    "surplus_members_pct": "40",
    "members_insured": "most",
    "member_income_change": "much",
    "books_open": "yes",
}
EXEMPLARY_FOUNDATION = {
    **_SHARED,
    "instance_id": "foundation",
    "org_name": "Ирээдүй сан",
    "legal_form": "mn_foundation",
    "sector": "Q",
    "year_founded": "2012",
    "members_women": "0",
    "members_men": "0",
    "income_sources": "sales grants government",
    "beneficiaries": "public",
    "open_participation": "target_group",
    "stakeholder_seats": "served workers community",
    "charter_adopted_by": "founders",
    "leader_appointed_by": "board_self",
    "income_sales_pct": "30",
    "largest_funder_pct": "20",
    "surplus_reinvested_pct": "100",
}
# Questions only a member organisation can answer.
MEMBER_ONLY = [
    "join_open",
    "join_refused",
    "exit_free",
    "voting_rule",
    "assembly_held",
    "assembly_attendees",
    "assembly_women",
    "member_say",
    "last_election_years",
    "surplus_members_pct",
    "members_insured",
    "member_income_change",
    "books_open",
]


@cache
def method() -> Method:
    return read_method(METHOD)


def scored(*submissions: dict[str, str]) -> ScoreTable:
    columns = ["instance_id", *method().answer_columns()]
    frame = pd.DataFrame([{c: s.get(c) for c in columns} for s in submissions], dtype="string")
    return score(method(), frame)


def dimensions(answers: dict[str, str]) -> pd.Series:
    return scored(answers).dimensions.iloc[0]


def indicator(answers: dict[str, str], ident: str) -> float:
    return float(scored(answers).indicators.iloc[0][ident])


# --- participatory governance and entities without members ---------------------------------------


def test_an_exemplary_foundation_meets_p2_and_every_ilo_definition() -> None:
    table = scored(EXEMPLARY_FOUNDATION)
    assert table.dimensions.iloc[0]["P2"] >= 60
    assert table.coverage.iloc[0]["P2"] == 0.5  # participation alone: 3 of the 6 indicators
    assert table.dimensions.iloc[0]["P1"] >= 60  # open access, mutual aid, volunteering
    assert {d: table.definitions.iloc[0][d] for d in DEFINITIONS} == dict.fromkeys(
        DEFINITIONS, "meets"
    )


def test_an_exemplary_cooperative_still_meets_every_ilo_definition() -> None:
    table = scored(EXEMPLARY_COOP)
    assert table.dimensions.iloc[0].min() >= 80
    assert table.coverage.iloc[0].min() == 1.0
    assert {d: table.definitions.iloc[0][d] for d in DEFINITIONS} == dict.fromkeys(
        DEFINITIONS, "meets"
    )


def test_entities_without_members_are_not_asked_member_questions() -> None:
    foundation = FilledForm(method(), EXEMPLARY_FOUNDATION)
    coop = FilledForm(method(), EXEMPLARY_COOP)
    for name in MEMBER_ONLY:
        question = method().question(name)
        assert question is not None, name
        assert not foundation.is_relevant(question), name
        assert coop.is_relevant(question), name
    open_access = method().question("open_participation")
    assert open_access is not None
    assert foundation.is_relevant(open_access) and not coop.is_relevant(open_access)


def test_member_answers_in_a_foundations_file_do_not_count() -> None:
    stray = {**EXEMPLARY_FOUNDATION, "voting_rule": "leader", "assembly_held": "no"}
    stray |= {"member_say": "none", "join_open": "closed", "exit_free": "hard"}
    assert dimensions(stray).equals(dimensions(EXEMPLARY_FOUNDATION))


def test_a_foundation_run_by_its_founders_alone_does_not_reach_p2() -> None:
    closed = {**EXEMPLARY_FOUNDATION, "stakeholder_seats": "none"}
    closed |= {"stakeholder_consulted": "none", "stakeholder_report": "no"}
    assert dimensions(closed)["P2"] == 0
    table = scored(closed)
    assert table.definitions.iloc[0]["ilo-2022-core"] == "does_not_meet"


def test_a_cooperative_strong_on_member_democracy_passes_p2_without_outside_stakeholders() -> None:
    members_only = {**EXEMPLARY_COOP, "stakeholder_seats": "members"}
    members_only |= {"stakeholder_consulted": "meeting", "stakeholder_report": "asked"}
    assert dimensions(members_only)["P2"] >= 60  # democratic "and/or" participatory


# --- autonomy: dependence on the largest outside funder ------------------------------------------


def test_member_fees_count_as_own_income_not_as_dependence() -> None:
    fees = {**EXEMPLARY_COOP, "income_sources": "member_fees", "income_sales_pct": "0"}
    fees["largest_funder_pct"] = "0"
    assert indicator(fees, "P3_INCOME") == 100


@pytest.mark.parametrize(("share", "expected"), [("10", 100), ("25", 100), ("50", 50), ("90", 0)])
def test_autonomy_falls_with_the_share_of_the_largest_outside_funder(
    share: str, expected: float
) -> None:
    funded = {**EXEMPLARY_FOUNDATION, "income_sales_pct": "5", "largest_funder_pct": share}
    assert indicator(funded, "P3_INCOME") == expected


def test_sales_alone_no_longer_decide_autonomy() -> None:
    many_donors = {**EXEMPLARY_FOUNDATION, "income_sales_pct": "0", "largest_funder_pct": "15"}
    assert indicator(many_donors, "P3_INCOME") == 100


# --- "don't know" never raises a score -----------------------------------------------------------


def _dont_know_questions() -> list[tuple[str, str]]:
    """(question, its lowest-scored choice) for every scored select_one with "dont_know"."""
    out = []
    for question in method().questions:
        if question.type != "select_one":
            continue
        choices = method().choice_list(question)
        scores = {c.name: c.score for c in choices if c.score is not None}
        if "dont_know" in {c.name for c in choices} and len(scores) > 1:
            honest_no = min((s, n) for n, s in scores.items() if n != "dont_know")[1]
            out.append((question.name, honest_no))
    return out


def test_every_scored_list_with_dont_know_is_checked() -> None:
    names = {name for name, _ in _dont_know_questions()}
    assert {"books_open", "accounts", "control_committee", "child_labour", "registered"} <= names
    assert len(names) >= 25


def test_answering_dont_know_never_raises_a_score_above_the_honest_no() -> None:
    demo = synthetic_answers(synthetic_organisations()[:12]).fillna("")
    baselines = [EXEMPLARY_COOP, EXEMPLARY_FOUNDATION, *demo.to_dict("records")]
    rows = []
    for question, honest_no in _dont_know_questions():
        for i, base in enumerate(baselines):
            for answer in ("dont_know", honest_no):
                rows.append({**base, "instance_id": f"{question}|{i}|{answer}", question: answer})
    table = scored(*rows)
    for frame in (table.dimensions, table.indicators):
        dk = frame[frame.index.str.endswith("|dont_know")].to_numpy(dtype=float)
        no = frame[~frame.index.str.endswith("|dont_know")].to_numpy(dtype=float)
        raised = (dk > no) | (pd.isna(no) & ~pd.isna(dk))
        assert not raised.any()


# --- equality and fairness: women in leadership and assemblies -----------------------------------


def test_the_chairs_gender_counts_in_women_in_leadership() -> None:
    man = {**EXEMPLARY_COOP, "chair_gender": "man"}
    assert indicator(man, "V2_WOMEN_BOARD") < indicator(EXEMPLARY_COOP, "V2_WOMEN_BOARD")
    assert dimensions(man)["V2"] < dimensions(EXEMPLARY_COOP)["V2"]


def test_womens_share_of_the_assembly_is_scored() -> None:
    assert indicator(EXEMPLARY_COOP, "V2_WOMEN_ASSEMBLY") == 100  # 14 of 30 is above 40%
    few = {**EXEMPLARY_COOP, "assembly_women": "3"}  # 10%: a quarter of the way to 40%
    assert indicator(few, "V2_WOMEN_ASSEMBLY") == 25


# --- decent work ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer", "ident"),
    [
        ("child_labour", "yes", "V6_RIGHTS"),
        ("forced_labour", "yes", "V6_RIGHTS"),
        ("workers_union", "no", "V6_RIGHTS"),
        ("safety_practices", "none", "V6_SAFETY"),
        ("unpaid_family", "regularly", "V6_FAMILY"),
    ],
)
def test_decent_work_covers_rights_safety_and_unpaid_family_labour(
    question: str, answer: str, ident: str
) -> None:
    worse = {**EXEMPLARY_COOP, question: answer}
    assert indicator(worse, ident) < indicator(EXEMPLARY_COOP, ident)
    assert dimensions(worse)["V6"] < dimensions(EXEMPLARY_COOP)["V6"]
    recommended = scored(worse).recommendations.iloc[0]
    if ident != "V6_FAMILY":
        assert recommended.any()


# --- legal forms and formality -------------------------------------------------------------------


def test_mongolian_legal_forms_follow_the_national_laws() -> None:
    forms = {f.code: f for f in load_reference().legal_forms if f.country == "MN"}
    assert forms["mn_coop_union"].entity_type == "cooperative"
    assert forms["mn_community_partnership"].entity_type == "self_help_group"
    assert forms["mn_partnership"].entity_type == "other"
    assert forms["mn_llc"].entity_type == "social_enterprise"
    assert "ХХК" in forms["mn_llc"].names["mn"]
    assert "1997" in forms["mn_ngo"].note and "mutual" in forms["mn_ngo"].note
    assert "2021" in forms["mn_cooperative"].note


def test_a_group_recognised_by_the_soum_governor_counts_as_formal() -> None:
    group = {**EXEMPLARY_COOP, "legal_form": "mn_pasture_group", "registered": "governor"}
    assert indicator(group, "AS_FORMAL") == 100
    unregistered = {**group, "registered": "no"}
    assert indicator(unregistered, "AS_FORMAL") == 0


# --- the resolution's words ----------------------------------------------------------------------


def test_dimensions_and_glossary_use_the_resolutions_words() -> None:
    labels = {d.id: d.labels["en"] for d in method().dimensions}
    assert labels["P1"] == "Voluntary cooperation and mutual aid"
    assert labels["P2"] == "Democratic and/or participatory governance"
    assert labels["V2"] == "Equality and fairness"
    glossary = {t.id: t for t in method().glossary}
    assert glossary["p1"].terms["en"] == labels["P1"]
    assert glossary["v2"].terms["en"] == labels["V2"]
    working = {
        "participatory_governance": "Оролцооны засаглал",
        "freedom_of_association": "Эвлэлдэн нэгдэх эрх",
        "child_labour": "Хүүхдийн хөдөлмөр",
        "forced_labour": "Албадан хөдөлмөр",
        "osh": "Хөдөлмөрийн аюулгүй байдал, эрүүл ахуй",
        "unpaid_family_labour": "Цалингүй гэр бүлийн хөдөлмөр",
    }
    for ident, mongolian in working.items():
        assert glossary[ident].terms["mn"] == mongolian
        assert str(glossary[ident].note).startswith("WORKING TRANSLATION")


# --- the workbook is what its sources say --------------------------------------------------------


def test_the_builder_writes_the_shipped_workbook_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "ilo-2022.xlsx"
    subprocess.run([sys.executable, str(BUILDER), "--out", str(out)], check=True, cwd=tmp_path)
    assert out.read_bytes() == METHOD.read_bytes()


def test_the_changes_sheet_explains_version_2026_2_in_both_languages() -> None:
    assert method().version == "2026.2"
    changes = pd.read_excel(METHOD, sheet_name="changes", dtype=str, engine="calamine")
    assert set(changes["version"]) == {"2026.2"}
    assert {"participatory", "autonomy_income", "decent_work", "women", "dont_know"} <= set(
        changes["id"]
    )
    assert changes["text::Mongolian (mn)"].str.contains("[ӨөҮү]").all()
