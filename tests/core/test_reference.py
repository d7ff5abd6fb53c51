"""Reference data shipped in the package."""

from __future__ import annotations

import csv
from pathlib import Path

from solidata.core.reference import load_reference

SHARED_COPY = Path(__file__).resolve().parents[2] / "src/solidata/core/data/reference/admin1_mn.csv"


def test_the_five_project_countries_have_their_languages() -> None:
    ref = load_reference()
    assert {c.code: c.languages for c in ref.countries} == {
        "KH": ("km",),
        "KG": ("ky", "ru"),
        "MN": ("mn",),
        "TH": ("th",),
        "VN": ("vi",),
    }


def test_mongolia_has_22_first_level_divisions_keyed_on_iso_codes() -> None:
    areas = [a for a in load_reference().admin_areas if a.country == "MN"]
    assert len(areas) == 22
    assert {a.code for a in areas} >= {"MN-1", "MN-061", "MN-063"}
    by_code = {a.code: a for a in areas}
    assert by_code["MN-061"].names == {"en": "Dornod", "mn": "Дорнод"}  # not swapped with Dornogovi
    assert by_code["MN-063"].names["mn"] == "Дорноговь"
    with SHARED_COPY.open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 22


def test_every_legal_form_maps_onto_an_ilo_entity_type() -> None:
    ref = load_reference()
    types = {t.code for t in ref.entity_types}
    assert types == {
        "cooperative",
        "association",
        "mutual_society",
        "foundation",
        "social_enterprise",
        "self_help_group",
        "other",
    }
    assert all(f.entity_type in types for f in ref.legal_forms)
    mongolian = {f.code for f in ref.legal_forms if f.country == "MN"}
    assert {"mn_cooperative", "mn_scc", "mn_herder_group", "mn_partnership", "mn_ngo"} <= mongolian
    assert all("mn" in f.names for f in ref.legal_forms if f.country == "MN")


def test_a_type_can_be_recorded_as_not_existing_in_a_country() -> None:
    presence = {(p.country, p.entity_type): p.exists for p in load_reference().presence}
    assert presence[("MN", "mutual_society")] == "no"
    assert presence[("MN", "cooperative")] == "yes"
