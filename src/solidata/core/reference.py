"""Reference data shipped inside the package: countries, admin areas, entity types, legal forms,
sectors.

Translated names live in columns ``name::<lang>``; adding a language means adding a column, not
code.

Example::

    >>> ref = load_reference()
    >>> [c.code for c in ref.countries]
    ['KH', 'KG', 'MN', 'TH', 'VN']
    >>> ref.admin_area("MN-061").names["en"]
    'Dornod'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

Names = dict[str, str]
Presence = Literal["yes", "no", "unclear"]


@dataclass(frozen=True)
class Country:
    code: str
    names: Names
    languages: tuple[str, ...]
    default_language: str


@dataclass(frozen=True)
class AdminArea:
    country: str
    code: str
    kind: str
    names: Names


@dataclass(frozen=True)
class EntityType:
    code: str
    names: Names
    descriptions: Names


@dataclass(frozen=True)
class LegalForm:
    country: str
    code: str
    entity_type: str
    names: Names
    note: str


@dataclass(frozen=True)
class TypePresence:
    """Whether an ILO entity type exists in a country ("not all SSE entity types exist in
    Mongolia")."""

    country: str
    entity_type: str
    exists: Presence
    notes: Names


@dataclass(frozen=True)
class Sector:
    code: str
    names: Names


@dataclass(frozen=True)
class Reference:
    countries: tuple[Country, ...]
    admin_areas: tuple[AdminArea, ...]
    entity_types: tuple[EntityType, ...]
    legal_forms: tuple[LegalForm, ...]
    presence: tuple[TypePresence, ...]
    sectors: tuple[Sector, ...]

    def admin_area(self, code: str) -> AdminArea:
        return next(a for a in self.admin_areas if a.code == code)

    def legal_form(self, code: str) -> LegalForm:
        return next(f for f in self.legal_forms if f.code == code)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("solidata.core.data.reference").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _translated(row: dict[str, str], prefix: str) -> Names:
    """``{"en": ..., "mn": ...}`` from the non-empty ``prefix::lang`` columns of a row."""
    return {
        key.split("::", 1)[1]: value
        for key, value in row.items()
        if key.startswith(prefix + "::") and value
    }


def name_in(names: Names, lang: str, fallback: str = "en") -> str:
    """The name in ``lang``, else in ``fallback``, else any name there is.

    >>> name_in({"en": "Dornod", "mn": "Дорнод"}, "mn"), name_in({"en": "Dornod"}, "km")
    ('Дорнод', 'Dornod')
    """
    return names.get(lang) or names.get(fallback) or next(iter(names.values()), "")


@cache
def load_reference() -> Reference:
    """Read every reference table shipped in ``solidata/core/data/reference``."""
    countries = tuple(
        Country(
            code=r["code"],
            names=_translated(r, "name"),
            languages=tuple(r["languages"].split()),
            default_language=r["default_language"],
        )
        for r in _rows("countries.csv")
    )
    admin_areas = tuple(
        AdminArea(
            country="MN",
            code=r["iso_code"],
            kind=r["kind"],
            names={"en": r["name_en"], "mn": r["name_mn"]},
        )
        for r in _rows("admin1_mn.csv")
    )
    entity_types = tuple(
        EntityType(
            code=r["code"],
            names=_translated(r, "name"),
            descriptions=_translated(r, "description"),
        )
        for r in _rows("entity_types.csv")
    )
    legal_forms = tuple(
        LegalForm(
            country=r["country"],
            code=r["code"],
            entity_type=r["entity_type"],
            names=_translated(r, "name"),
            note=r["note"],
        )
        for r in _rows("legal_forms.csv")
    )
    presence = tuple(
        TypePresence(
            country=r["country"],
            entity_type=r["entity_type"],
            exists=_presence(r["exists"]),
            notes=_translated(r, "note"),
        )
        for r in _rows("entity_type_presence.csv")
    )
    sectors = tuple(
        Sector(code=r["code"], names=_translated(r, "name")) for r in _rows("isic_sections.csv")
    )
    return Reference(countries, admin_areas, entity_types, legal_forms, presence, sectors)


def _presence(value: str) -> Presence:
    if value == "yes":
        return "yes"
    if value == "no":
        return "no"
    if value == "unclear":
        return "unclear"
    raise ValueError(f"entity_type_presence.csv: exists must be yes, no or unclear, not {value!r}")
