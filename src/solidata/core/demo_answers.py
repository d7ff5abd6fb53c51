"""Seeded SYNTHETIC answers to the bundled method "SSE self-assessment (ILO 2022)".

One submission per synthetic organisation (see :mod:`solidata.core.demo`), as a plain answers
table: ``instance_id`` and one column per question of the bundled workbook, in form order, every
cell a string as a CSV export holds it (select_multiple answers space-separated), and missing (NA,
an empty cell in the CSV) where a question was not relevant or was skipped: the frame is what
reading its own CSV back gives. The profile answers repeat the organisation record; the
other answers follow plausible patterns by legal form and by the organisation's ``traits``:
cooperatives vote one member one vote, ``government_controlled`` and ``donor_controlled`` entities
say an outsider can overrule them, ``investor_led`` entities pay most of their surplus to investors,
``informal`` ones are not in the state registry (some herder groups are recognised by the soum
governor), ``no_surplus`` ones skip the surplus questions, ``women_led`` ones have more women on the
board and a woman as chair, ``green`` ones report environmental practices. Foundations have no
members: they skip the member questions and answer those on open access, volunteering and the
participation of the people they serve. Some respondents answer "Don't know" or skip optional
questions, so coverage varies. Nothing here describes a real organisation.

Example::

    >>> from solidata.core.demo import synthetic_organisations
    >>> orgs = synthetic_organisations()[:3]
    >>> answers = synthetic_answers(orgs)
    >>> len(answers), list(answers.columns[:3])
    (3, ['instance_id', 'report_year', 'respondent_role'])
    >>> answers.loc[0, "org_name"] == orgs[0].name
    True
    >>> bool(answers["legal_form_other"].isna().all())  # asked only for the legal form "other"
    True
    >>> synthetic_answers(orgs).equals(answers)  # same seed, same answers
    True
"""

from __future__ import annotations

import math
import os
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import pandas as pd

from solidata.core.demo import DEMO_SEED, SyntheticOrganisation
from solidata.core.method import bundled_method_path, read_method

REPORT_YEAR = 2023  # the Mongolian self-assessment survey the demo stands in for ran in 2023
_NAMESPACE = uuid.UUID("5b0c4a53-7d0e-4c55-9a52-3f1d7c2e8a10")

_COOPS = frozenset({"mn_cooperative", "mn_scc", "mn_coop_union"})
_GROUPS = frozenset({"mn_herder_group", "mn_pasture_group"})
_NONPROFITS = frozenset({"mn_ngo", "mn_association", "mn_foundation"})
# How far each legal form tends towards SSE practice (0-1) before traits and chance move it.
_PROPENSITY = {
    "mn_cooperative": 0.68,
    "mn_scc": 0.72,
    "mn_coop_union": 0.7,
    "mn_ngo": 0.6,
    "mn_association": 0.62,
    "mn_foundation": 0.55,
    "mn_partnership": 0.5,
    "mn_herder_group": 0.45,
    "mn_pasture_group": 0.45,
    "mn_social_enterprise": 0.55,
}
# Answers that carry a trait's pattern, never blurred by "don't know" or a skip.
_TRAIT_ANSWERS = {
    "government_controlled": ("leader_appointed_by", "overrule_who", "charter_adopted_by"),
    "donor_controlled": ("leader_appointed_by", "overrule_who"),
    "investor_led": ("voting_rule", "surplus_investors_pct", "surplus_members_pct"),
    "women_led": ("women_on_board", "chair_gender"),
    "green": ("env_practices",),
}
# The soum (part of the organisation record), gates of other questions and values that other
# questions' constraints refer to: always answered as generated.
_KEPT = frozenset(
    {
        "soum",
        "join_open",
        "pay_lowest",
        "board_size",
        "assembly_attendees",
        "income_sales_pct",
        "surplus_reinvested_pct",
        "comments",
    }
)
_COMMENTS = (
    "Зээлийн хүү өндөр байна.",
    "Бүтээгдэхүүний үнэ тогтворгүй байна.",
    "Гишүүдэд сургалт хэрэгтэй байна.",
    "Өнгөрсөн өвөл зуд болж, мал хорогдсон.",
    "Хоршооны тухай хуулийг хүмүүс сайн мэдэхгүй байна.",
)

_Answers = dict[str, str]


@dataclass(frozen=True)
class _Form:
    """What the generator needs from the bundled method."""

    questions: tuple[str, ...]  # answer columns, in form order
    required: frozenset[str]
    with_dont_know: frozenset[str]  # select_one questions whose list offers "dont_know"


@cache
def _form() -> _Form:
    path = bundled_method_path()
    if path is None:  # pragma: no cover - the workbook ships with the package
        raise FileNotFoundError("the bundled method workbook is missing")
    method = read_method(path)
    questions = [q for q in method.questions if q.is_answer]
    return _Form(
        questions=tuple(q.name for q in questions),
        required=frozenset(q.name for q in questions if q.required),
        with_dont_know=frozenset(
            q.name
            for q in questions
            if q.type == "select_one" and any(c.name == "dont_know" for c in method.choice_list(q))
        ),
    )


def synthetic_instance_id(key: str) -> str:
    """The submission id of an organisation's synthetic answers: ``uuid:`` + a uuid5 of its key.

    >>> synthetic_instance_id("demo-mn-001") == synthetic_instance_id("demo-mn-001")
    True
    """
    return f"uuid:{uuid.uuid5(_NAMESPACE, key)}"


def synthetic_answers(orgs: Sequence[SyntheticOrganisation], seed: int = DEMO_SEED) -> pd.DataFrame:
    """One synthetic submission per organisation, reproducible for a given ``seed``.

    Each organisation draws from its own random stream (seeded by ``seed`` and its key), so its
    answers do not change when other organisations are added or removed.
    """
    form = _form()
    rows = [_submission(org, seed, form) for org in orgs]
    columns = ["instance_id", *form.questions]
    data = {col: [row.get(col) or None for row in rows] for col in columns}
    return pd.DataFrame(data, columns=columns, dtype="str")


def write_answers_csv(answers: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write answers as a UTF-8 CSV with a header row (missing answers as empty cells).

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "answers.csv"
    >>> write_answers_csv(pd.DataFrame({"instance_id": ["uuid:1"], "q": ["a b"]}), out)
    >>> out.read_text(encoding="utf-8")
    'instance_id,q\\nuuid:1,a b\\n'
    """
    answers.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


# --- one submission -------------------------------------------------------------------------------


@dataclass
class _Ctx:
    org: SyntheticOrganisation
    rng: random.Random
    p: float  # the organisation's propensity to SSE practice, 0-1

    def has(self, trait: str) -> bool:
        return trait in self.org.traits

    @property
    def form(self) -> str:
        return self.org.legal_form

    @property
    def members(self) -> int:
        return self.org.members_women + self.org.members_men

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def graded(self, options: Sequence[str], shift: float = 0.0) -> str:
        """One of ``options`` (best first), better the higher the propensity."""
        position = _clip((1 - self.p - shift) + self.rng.gauss(0, 0.2), 0.0, 0.999)
        return options[int(position * len(options))]

    def multi(self, probabilities: dict[str, float]) -> str:
        """A select_multiple answer: each choice with its probability, ``none`` when nothing is."""
        chosen = [name for name, pr in probabilities.items() if self.chance(pr)]
        return " ".join(chosen) or "none"

    def count(self, n: int, probability: float) -> int:
        return sum(self.chance(probability) for _ in range(n))


def _clip(x: float, low: float, high: float) -> float:
    return max(low, min(high, x))


def _submission(org: SyntheticOrganisation, seed: int, form: _Form) -> _Answers:
    rng = random.Random(f"{seed}:{org.key}")
    p = _PROPENSITY.get(org.legal_form, 0.55) + rng.gauss(0, 0.1)
    p -= 0.1 * ("informal" in org.traits) + 0.1 * ("investor_led" in org.traits)
    c = _Ctx(org, rng, _clip(p, 0.1, 0.95))
    a: _Answers = {"instance_id": synthetic_instance_id(org.key)}
    # Later sections read earlier answers (income sources, assembly held, registration).
    sections = (_profile, _purpose, _membership, _governance, _independence, _money, _workers)
    later = (_fairness, _decent_work, _care, _cooperation, _future, _transparency, _outlook)
    for section in (*sections, *later):
        a.update(section(c, a))
    blurred = _blur(c, a, form)
    # Drawn from a generator of its own, so that adding these questions changed no other answer.
    blurred.update(_awareness(org, random.Random(f"{seed}:{org.key}:awareness"), c.p))
    return blurred


def _blur(c: _Ctx, a: _Answers, form: _Form) -> _Answers:
    """Some "don't know" answers and skipped optional questions; hurried respondents skip more."""
    protected = set(form.required) | _KEPT
    for trait, names in _TRAIT_ANSWERS.items():
        if c.has(trait):
            protected.update(names)
    skip_rate = 0.25 if c.chance(0.1) else 0.03
    for name in form.questions:
        if name in protected or not a.get(name):
            continue
        draw = c.rng.random()
        if draw < skip_rate:
            a[name] = ""
        elif draw < skip_rate + 0.05 and name in form.with_dont_know:
            a[name] = "dont_know"
    return a


def _profile(c: _Ctx, a: _Answers) -> _Answers:
    o = c.org
    band = _income_band(c)
    return {
        "report_year": str(REPORT_YEAR),
        "respondent_role": c.rng.choices(
            ["chair", "manager", "board", "member", "staff"], [0.55, 0.2, 0.12, 0.08, 0.05]
        )[0],
        "org_name": o.name,
        "legal_form": o.legal_form,
        "aimag": o.admin_area,
        "soum": o.soum,
        "sector": o.sector,
        "year_founded": str(o.year_founded),
        "members_women": str(o.members_women),
        "members_men": str(o.members_men),
        "workers_paid": str(o.workers),
        "chair_gender": "woman" if c.chance(0.85 if c.has("women_led") else 0.3) else "man",
        "income_band": band,
        "income_sources": "" if band == "none" else _income_sources(c),
    }


def _income_band(c: _Ctx) -> str:
    if c.form == "mn_scc":
        return "gt1000" if c.chance(0.3) else "m200_1000"
    if c.form in _GROUPS:
        return c.rng.choice(["lt10m", "lt10m", "m10_50"])
    if c.has("informal") and c.chance(0.15):
        return "none"
    size = c.members + 5 * c.org.workers
    bands = ["lt10m", "m10_50", "m50_200", "m200_1000"]
    return bands[min(3, int(math.log10(size + 1) + c.rng.gauss(0, 0.5)))]


def _income_sources(c: _Ctx) -> str:
    nonprofit = c.form in _NONPROFITS
    sources = c.multi(
        {
            "sales": 0.35 if nonprofit else 0.92,
            "member_fees": 0.7 if c.form in _COOPS or c.form == "mn_association" else 0.25,
            "grants": 0.95 if c.has("donor_controlled") else (0.8 if nonprofit else 0.2),
            "government": 0.9 if c.has("government_controlled") else 0.15,
            "loans": 0.5 if c.form == "mn_scc" else 0.25,
            "other": 0.05,
        }
    )
    return "sales" if sources == "none" else sources


def _purpose(c: _Ctx, a: _Answers) -> _Answers:
    if c.has("investor_led"):
        beneficiaries = "owners" if c.chance(0.5) else "members"
    elif c.form in _NONPROFITS:
        beneficiaries = c.rng.choice(["public", "community", "community"])
    else:
        beneficiaries = c.rng.choice(["members", "members", "community"])
    return {
        "purpose_written": c.graded(["written", "agreed", "profit_only"], shift=0.1),
        "beneficiaries": beneficiaries,
        "purpose_activities": c.multi(
            {
                "jobs_income": 0.3 if c.form in _NONPROFITS else 0.85,
                "services": 0.8 if c.form in _NONPROFITS or c.form == "mn_scc" else 0.3,
                "environment": 0.8 if c.has("green") else 0.2,
                "culture": 0.15,
            }
        ),
    }


def _membership(c: _Ctx, a: _Answers) -> _Answers:
    voluntary = c.multi(
        {
            "volunteers": 0.2 + 0.5 * c.p if c.form in _NONPROFITS else 0.1 + 0.2 * c.p,
            "self_help": 0.15 + 0.4 * c.p,
            "donations": 0.6 if c.form in _NONPROFITS else 0.1,
            "pooling": 0.5 * c.p if c.form in _NONPROFITS else 0.2 + 0.4 * c.p,
        }
    )
    if c.members == 0:  # a foundation: open access to what it does, no membership
        aid = 0.1 + 0.3 * c.p
        return {
            "open_participation": c.graded(["open", "target_group", "chosen"], shift=0.2),
            "mutual_aid": c.multi({"emergency": aid + 0.2, "labour": aid, "lending": aid / 3}),
            "voluntary_work": voluntary,
        }
    join = c.graded(["open", "conditions", "closed"], shift=0.2)
    if c.has("investor_led"):
        join = c.rng.choice(["conditions", "closed"])
    aid = 0.15 + 0.5 * c.p
    grouped = c.form in _GROUPS
    return {
        "join_open": join,
        "join_refused": c.rng.choices(
            ["no_refusal", "no_requests", "charter_reason", "other_reason"],
            [c.p, 0.3, 0.1, 0.3 * (1 - c.p)],
        )[0],
        "exit_free": c.graded(["free_refund", "free_no_refund", "hard"], shift=0.1),
        "mutual_aid": c.multi(
            {
                "equipment": aid + 0.2 * grouped,
                "buying": aid,
                "selling": aid if c.form != "mn_scc" else 0.05,
                "emergency": aid + 0.25 * grouped,
                "lending": 0.9 if c.form == "mn_scc" else aid / 2,
                "labour": 0.8 if grouped else aid / 2,
            }
        ),
        "voluntary_work": voluntary,
    }


def _governance(c: _Ctx, a: _Answers) -> _Answers:
    coop = c.form in _COOPS
    board = c.chance(0.25 if c.form in _GROUPS else 0.5 if c.form == "mn_partnership" else 0.92)
    answers: _Answers = {
        **_member_democracy(c),
        **_participation(c),
        "has_board": "yes" if board or c.members == 0 else "no",
        "control_committee": c.graded(["elected", "appointed", "no"], shift=0.15 * coop),
        "charter_adopted_by": _charter(c),
    }
    if answers["has_board"] == "yes":
        size = c.rng.choice([3, 5, 5, 7, 9])
        size = min(c.members, size) if c.members else size
        if c.has("women_led"):
            women = math.ceil(size * c.rng.uniform(0.5, 1.0))
        else:
            women = c.count(
                size, 0.8 * c.org.members_women / max(1, c.members) if c.members else 0.4
            )
        answers.update(board_size=str(size), women_on_board=str(women))
    if c.form in _GROUPS and c.has("informal"):
        answers["control_committee"] = "no" if c.chance(0.7) else "dont_know"
    return answers


_SAY = ("elect", "plan", "accounts", "surplus", "charter", "agenda")


def _member_democracy(c: _Ctx) -> _Answers:
    """Votes, the general assembly and what members decide (asked only when there are members)."""
    if c.members == 0:
        return {}
    coop = c.form in _COOPS
    held = c.chance(0.75 + 0.2 * c.p if coop else 0.1 + c.p)
    share = _clip(c.rng.gauss(0.35 + 0.5 * c.p, 0.15), 0.05, 1.0)
    attendees = round(c.members * share) if held else 0
    women_share = c.org.members_women / c.members
    answers: _Answers = {
        "voting_rule": _voting_rule(c),
        "assembly_held": "yes" if held else "no",
        "member_say": c.multi({k: 0.15 + 0.6 * c.p + 0.15 * coop for k in _SAY}),
        "last_election_years": str(
            min(REPORT_YEAR - c.org.year_founded, int(abs(c.rng.gauss(8 * (1 - c.p), 1.5))))
        ),
    }
    if held:
        # Women come to assemblies a little less than their share of members suggests.
        women = c.count(attendees, women_share * (0.7 + 0.3 * c.p + 0.2 * c.has("women_led")))
        answers.update(assembly_attendees=str(attendees), assembly_women=str(women))
    return answers


def _participation(c: _Ctx) -> _Answers:
    """Who sits where decisions are taken, who is consulted and told (every entity)."""
    nonprofit = c.form in _NONPROFITS
    seats = c.multi(
        {
            "members": 0.0 if c.members == 0 else 0.9 if c.form in _COOPS else 0.6,
            "served": (0.2 + 0.6 * c.p) if nonprofit else 0.05,
            "workers": 0.1 + 0.4 * c.p,
            "community": 0.1 + (0.4 if nonprofit else 0.2) * c.p,
        }
    )
    if c.has("investor_led") and c.chance(0.6):
        seats = "none"
    consult = 0.1 + 0.5 * c.p
    return {
        "stakeholder_seats": seats,
        "stakeholder_consulted": c.multi(
            {
                "meeting": consult + 0.2,
                "survey": consult * (1.2 if nonprofit else 0.6),
                "feedback": consult * 0.8,
                "council": consult * (0.8 if nonprofit else 0.3),
            }
        ),
        "stakeholder_report": c.graded(["regularly", "asked", "no"], shift=0.05),
    }


def _voting_rule(c: _Ctx) -> str:
    if c.has("investor_led"):
        return "by_capital" if c.chance(0.7) else "capped"
    if (c.has("government_controlled") or c.has("donor_controlled")) and c.chance(0.4):
        return "leader"
    if c.form in _COOPS:
        return "one_member" if c.chance(0.75 + 0.2 * c.p) else "consensus"
    if c.form in _GROUPS:
        return c.rng.choice(["consensus", "consensus", "one_member", "leader"])
    return c.graded(["one_member", "consensus", "capped", "leader"])


def _charter(c: _Ctx) -> str:
    if c.has("government_controlled") and c.chance(0.5):
        return "outside"
    if c.has("investor_led") and c.chance(0.6):
        return "founders"
    if c.form in _GROUPS and c.chance(0.5):
        return "no_charter"
    return c.graded(["members", "board", "founders"], shift=0.1)


def _independence(c: _Ctx, a: _Answers) -> _Answers:
    if c.has("government_controlled"):
        leader = "government" if c.chance(0.85) else "founders"
        overrule = "yes_general" if c.chance(0.6) else "yes_some"
    elif c.has("donor_controlled"):
        leader = "donor" if c.chance(0.6) else "board"
        overrule = c.rng.choices(["yes_some", "yes_general", "grant_terms"], [0.5, 0.2, 0.3])[0]
    else:
        leader = "founders" if c.has("investor_led") and c.chance(0.7) else ""
        if c.members == 0:
            leader = leader or c.graded(["board_self", "founders"], shift=0.2)
        leader = leader or c.graded(["members", "board", "founders"], shift=0.15)
        grants = "grants" in a.get("income_sources", "").split()
        overrule = c.rng.choices(
            ["no", "grant_terms", "yes_some", "dont_know"], [0.85, 0.3 * grants, 0.04, 0.04]
        )[0]
    who = []
    if overrule in ("grant_terms", "yes_some", "yes_general"):
        who = [
            name
            for name, yes in (
                ("government", c.has("government_controlled")),
                ("donor", c.has("donor_controlled") or overrule == "grant_terms"),
                ("company", c.has("investor_led")),
                ("party", c.chance(0.05)),
            )
            if yes
        ] or ["other"]
    return {
        "leader_appointed_by": leader,
        "outside_overrule": overrule,
        "overrule_who": " ".join(who),
    }


def _money(c: _Ctx, a: _Answers) -> _Answers:
    sales = _sales_pct(c, a)
    answers: _Answers = {
        "income_sales_pct": sales,
        "largest_funder_pct": _largest_funder_pct(c, a, sales),
        "had_surplus": "no" if c.has("no_surplus") or c.chance(0.1) else "yes",
        "profit_rule": _profit_rule(c),
        "asset_lock": _asset_lock(c),
    }
    if answers["had_surplus"] == "yes":
        investors, members = _distribution(c)
        answers.update(
            surplus_reinvested_pct=str(100 - investors - members),
            surplus_members_pct=str(members) if c.members else "",
            surplus_investors_pct=str(investors),
        )
    return answers


def _largest_funder_pct(c: _Ctx, a: _Answers, sales: str) -> str:
    """The share of income from the largest outside funder (sales and member fees are not)."""
    if a["income_band"] == "none":
        return ""
    sources = a["income_sources"].split()
    if not {"grants", "government", "other"} & set(sources):
        return "0"
    room = 100 - int(sales or 0)
    if c.has("donor_controlled") or c.has("government_controlled"):
        share = c.rng.randint(50, 90)
    elif c.form in _NONPROFITS:
        share = c.rng.randint(15, 70)
    else:
        share = c.rng.randint(5, 40)
    return str(min(room, _fives(share, share, c.rng)))


def _fives(low: int, high: int, rng: random.Random) -> int:
    """A whole percentage from ``low`` to ``high``, rounded to 5 as respondents do."""
    return 5 * round(rng.randint(low, high) / 5)


def _sales_pct(c: _Ctx, a: _Answers) -> str:
    if a["income_band"] == "none":
        return ""
    if "sales" not in a["income_sources"].split():
        return "0"
    if c.has("donor_controlled"):
        return str(_fives(5, 40, c.rng))
    if c.form in _NONPROFITS:
        return str(_fives(10, 60, c.rng))
    return str(_fives(40 if c.form in _GROUPS else 50, 100, c.rng))


def _distribution(c: _Ctx) -> tuple[int, int]:
    """Shares of the surplus paid to (investors, members by use); the rest is kept."""
    if c.has("investor_led"):
        return _fives(50, 90, c.rng), 0
    if c.form in _NONPROFITS:
        return 0, 0
    if c.form in _COOPS or c.form in _GROUPS:
        return c.rng.choice([0, 0, 0, 5, 10]), _fives(20, 60, c.rng)
    return _fives(0, 30, c.rng), _fives(0, 20, c.rng)


def _profit_rule(c: _Ctx) -> str:
    if c.has("investor_led"):
        return "no_limit"
    if c.form in _NONPROFITS:
        return "no_distribution" if c.chance(0.85) else "dont_know"
    if c.form in _COOPS:
        return c.rng.choices(["capped", "no_limit", "dont_know"], [0.4 + 0.4 * c.p, 0.2, 0.1])[0]
    return c.graded(["capped", "no_limit"], shift=-0.1)


def _asset_lock(c: _Ctx) -> str:
    if c.has("investor_led"):
        return "owners" if c.chance(0.7) else "not_set"
    if c.form in _NONPROFITS:
        return "other_sse" if c.chance(0.75) else "not_set"
    if c.form in _GROUPS:
        return c.rng.choice(["members", "not_set", "not_set"])
    return c.graded(["other_sse", "members", "not_set"], shift=-0.1)


def _workers(c: _Ctx, a: _Answers) -> _Answers:
    n = c.org.workers
    if n == 0:
        return {}
    formal = c.p - 0.3 * c.has("informal")
    contract = c.count(n, _clip(0.3 + 0.7 * formal, 0.05, 1.0))
    insured = min(n, c.count(contract, _clip(0.5 + 0.5 * c.p, 0.0, 1.0)))
    wage = c.graded(["all", "most", "few"], shift=0.15)
    lowest = 10_000 * c.rng.randint(55 if wage == "all" else 40, 90)
    if n == 1:
        ratio = 1.0
    elif c.has("investor_led"):
        ratio = c.rng.uniform(5, 14)
    else:
        ratio = c.rng.uniform(1.2, 2 + 6 * (1 - c.p))
    return {
        "workers_contract": str(contract),
        "workers_insured": str(insured),
        "wage_min": wage,
        "pay_lowest": str(lowest),
        "pay_highest": str(max(lowest, 10_000 * round(lowest * ratio / 10_000))),
        "workers_union": "yes"
        if c.chance(0.35 + 0.55 * c.p - 0.3 * c.has("investor_led"))
        else "no",
        "safety_practices": c.multi(
            {
                k: 0.1 + 0.5 * c.p
                for k in ("training", "equipment", "first_aid", "risks", "accidents")
            }
        ),
    }


def _fairness(c: _Ctx, a: _Answers) -> _Answers:
    p = c.p
    return {
        "equality_practices": c.multi(
            {
                "equal_pay": 0.3 + 0.5 * p,
                "rule": 0.1 + 0.4 * p,
                "access": 0.15 + 0.4 * p,
                "low_fee": 0.2 + 0.4 * p + 0.1 * (c.form in _COOPS),
                "youth": 0.2 + 0.3 * p,
            }
        ),
    }


def _decent_work(c: _Ctx, a: _Answers) -> _Answers:
    """Rights at work and livelihoods; children in horse racing and family help are the risks."""
    herding = c.org.sector == "A"
    answers: _Answers = {
        "child_labour": "yes" if c.chance(0.06 if herding else 0.01) else "no",
        "forced_labour": "yes" if c.chance(0.01) else "no",
        "unpaid_family": c.rng.choices(
            ["no", "sometimes", "regularly"],
            [c.p, 0.4 if c.form in _GROUPS or c.form == "mn_partnership" else 0.2, 0.1],
        )[0],
    }
    if c.members:
        answers.update(
            members_insured=c.graded(
                ["all", "most", "some", "none"], shift=-0.15 * (c.form in _GROUPS)
            ),
            member_income_change=c.graded(["much", "some", "no_change", "worse"], shift=0.1),
        )
    return answers


def _care(c: _Ctx, a: _Answers) -> _Answers:
    green = c.has("green")
    land = 1.0 if c.org.sector == "A" else 0.2
    base = 0.6 if green else 0.12
    return {
        "env_practices": c.multi(
            {
                "pasture_rotation": base * land + 0.1 * green,
                "herd_size": base * land,
                "waste": base,
                "energy": base,
                "water": base,
                "trees": base * 0.7,
                "chemicals": base * 0.7,
            }
        ),
        "community_support": c.multi(
            {k: 0.15 + 0.45 * c.p for k in ("vulnerable", "disaster", "projects", "jobs")}
            | {"fair_prices": 0.1 + 0.3 * c.p}
        ),
    }


def _cooperation(c: _Ctx, a: _Answers) -> _Answers:
    coop, grouped, nonprofit = c.form in _COOPS, c.form in _GROUPS, c.form in _NONPROFITS
    together = 0.1 + 0.35 * c.p + 0.1 * coop
    return {
        "networks": c.multi(
            {
                "local_union": 0.55 if coop else 0.15 if grouped else 0.25,
                "national": 0.35 if coop or nonprofit else 0.05,
                "international": 0.15 if nonprofit else 0.02,
                "business": 0.25 if c.form == "mn_social_enterprise" else 0.08,
            }
        ),
        "joint_activities": c.multi(
            {k: together for k in ("buying", "selling", "sharing", "training", "finance")}
            | {"advocacy": together / 2}
        ),
        "training_topics": c.multi(
            {k: 0.15 + 0.4 * c.p for k in ("governance", "finance", "technical", "marketing")}
        ),
    }


def _future(c: _Ctx, a: _Answers) -> _Answers:
    registered = "yes"
    if c.has("informal"):
        # Herder groups with a pasture-use contract with the soum governor count as formal.
        governor = c.form in _GROUPS and c.chance(0.3)
        registered = "governor" if governor else "in_progress" if c.chance(0.2) else "no"
    answers: _Answers = {
        "registered": registered,
        "has_plan": c.graded(["long", "year", "none"], shift=-0.05),
        "reserve_fund": c.graded(["enough", "small", "none"], shift=-0.3 * c.has("no_surplus")),
    }
    if registered == "yes":
        answers["tax_registered"] = "yes" if c.chance(0.92) else "no"
    return answers


def _transparency(c: _Ctx, a: _Answers) -> _Answers:
    if c.has("informal"):
        accounts = "unchecked" if c.chance(c.p) else "none"
    elif c.form == "mn_scc":
        accounts = "audited" if c.chance(0.75) else "checked"
    else:
        accounts = c.graded(["audited", "checked", "unchecked", "none"], shift=-0.1)
    return {
        "accounts": accounts,
        "report_channels": c.multi(
            {
                "assembly": 0.85 if a.get("assembly_held") == "yes" else 0.0,
                "to_members": 0.2 + 0.5 * c.p,
                "public": 0.1 + 0.3 * c.p,
                "authorities": 0.8 if a["registered"] == "yes" else 0.0,
            }
        ),
        "books_open": c.graded(["yes", "some", "leaders_only"], shift=0.1) if c.members else "",
    }


def _outlook(c: _Ctx, a: _Answers) -> _Answers:
    rural = c.org.admin_area != "MN-1"
    farming = c.org.sector == "A"
    weak = 1 - c.p
    challenges = c.multi(
        {
            "finance": 0.55,
            "markets": 0.45 if rural else 0.55,
            "legal": 0.45 if c.has("informal") or c.form == "mn_social_enterprise" else 0.1,
            "skills": 0.3,
            "infrastructure": 0.3 if rural else 0.05,
            "digital": 0.25 if rural else 0.1,
            "climate": 0.55 if farming else 0.1,
            "governance": 0.05 + 0.3 * weak,
            "transport": 0.4 if rural else 0.05,
            "participation": 0.05 + 0.3 * weak,
            "workers": 0.2,
            "taxes": 0.2 if a["registered"] == "yes" else 0.0,
            "awareness": 0.25,
            "other": 0.03,
        }
    )
    opportunities = c.multi(
        {
            "markets": 0.4,
            "export": 0.08,
            "processing": 0.4 if farming or c.org.sector == "C" else 0.05,
            "tourism": 0.35 if c.org.sector == "I" else 0.1,
            "online": 0.25,
            "government": 0.35,
            "donors": 0.5 if c.form in _NONPROFITS else 0.2,
            "cooperation": 0.3,
            "green": 0.4 if c.has("green") else 0.1,
            "youth": 0.15,
            "training": 0.35,
            "other": 0.02,
        }
    )
    comment = c.rng.choice(_COMMENTS) if c.chance(0.08) else ""
    return {"challenges": challenges, "opportunities": opportunities, "comments": comment}


# How well the term "social and solidarity economy" is known, by entity type: the seed's rural case
# studies found it little known outside cooperatives and the NGOs that work with donors.
_KNOWN = {
    "cooperative": 0.35,
    "association": 0.4,
    "foundation": 0.45,
    "social_enterprise": 0.5,
    "self_help_group": 0.1,
    "mutual_society": 0.3,
    "other": 0.1,
}


def _awareness(org: SyntheticOrganisation, rng: random.Random, p: float) -> _Answers:
    """Whether the respondent knew the term, and sees the organisation as part of the SSE."""
    known = _KNOWN.get(org.entity_type, 0.2) * (0.6 if org.admin_area != "MN-1" else 1.0)
    draw = rng.random()
    sse_known = "yes" if draw < known else "heard" if draw < known + 0.3 else "no"
    part_yes = {"yes": 0.8, "heard": 0.45, "no": 0.15}[sse_known] * (0.6 + 0.5 * p)
    draw = rng.random()
    sse_part = "yes" if draw < part_yes else "dont_know" if draw < part_yes + 0.35 else "no"
    return {"sse_known": sse_known, "sse_part": sse_part}
