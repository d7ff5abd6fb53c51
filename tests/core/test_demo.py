"""The seeded generator of synthetic Mongolian organisations."""

from __future__ import annotations

from collections import Counter

from solidata.core.demo import synthetic_organisations
from solidata.core.reference import load_reference


def test_the_same_seed_gives_the_same_organisations_and_another_seed_does_not() -> None:
    assert synthetic_organisations(seed=1) == synthetic_organisations(seed=1)
    assert synthetic_organisations(seed=1) != synthetic_organisations(seed=2)


def test_there_are_156_organisations_with_unique_keys_and_names() -> None:
    orgs = synthetic_organisations()
    assert len(orgs) == 156
    assert len({o.key for o in orgs}) == 156
    assert len({o.name for o in orgs}) == 156


def test_cooperatives_are_the_largest_group_and_the_mix_is_plausible() -> None:
    by_type = Counter(o.entity_type for o in synthetic_organisations())
    assert by_type.most_common(1)[0][0] == "cooperative"
    assert by_type["cooperative"] > 156 * 0.4
    forms = Counter(o.legal_form for o in synthetic_organisations())
    for form in ["mn_scc", "mn_ngo", "mn_herder_group", "mn_partnership", "mn_social_enterprise"]:
        assert forms[form] >= 5, form
    assert 1 <= forms["mn_foundation"] <= 10


def test_organisations_are_spread_over_the_aimags_with_valid_codes() -> None:
    codes = {a.code for a in load_reference().admin_areas}
    areas = Counter(o.admin_area for o in synthetic_organisations())
    assert set(areas) <= codes
    assert len(areas) >= 18


def test_sizes_and_founding_years_are_plausible() -> None:
    for o in synthetic_organisations():
        assert 1990 <= o.year_founded <= 2023
        # A foundation has founders and a board, not members (method version 2026.2).
        assert o.members_women + o.members_men >= (0 if o.legal_form == "mn_foundation" else 3)
        assert o.workers >= 0
        assert o.sector in {s.code for s in load_reference().sectors}
