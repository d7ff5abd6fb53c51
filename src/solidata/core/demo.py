"""Seeded generator of SYNTHETIC demonstration organisations for Mongolia.

These are not the real Mongolian survey (whose respondents are not public): they are invented, with
a
plausible mix of types, places, sizes and founding years, so that every part of the product can be
shown
and tested. Everything shown from them must carry the "synthetic demonstration data" notice.

Example::

    >>> orgs = synthetic_organisations(seed=2023)
    >>> len(orgs), orgs[0].key
    (156, 'demo-mn-001')
    >>> synthetic_organisations(seed=2023) == orgs  # same seed, same data
    True
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from solidata.core.reference import load_reference

DEMO_SEED = 2023
DEMO_COUNT = 156

Trait = str
"""Behaviour hints for the answer generator: ``government_controlled``, ``donor_controlled``,
``investor_led``, ``informal``, ``no_surplus``, ``women_led``, ``green``."""


@dataclass(frozen=True)
class SyntheticOrganisation:
    key: str  # stable registry id, e.g. "demo-mn-001"
    name: str
    legal_form: str  # legal_forms.csv code
    entity_type: str  # entity_types.csv code
    admin_area: str  # ISO 3166-2 code
    soum: str
    year_founded: int
    members_women: int
    members_men: int
    workers: int
    sector: str  # ISIC section letter
    latitude: float | None
    longitude: float | None
    consent_public: bool
    consent_research: bool
    traits: frozenset[Trait] = field(default_factory=frozenset)


# Legal form -> (share of the sample, name suffix, typical members (low, high), sectors).
_MIX: dict[str, tuple[float, str, tuple[int, int], str]] = {
    "mn_cooperative": (0.40, "хоршоо", (9, 120), "AAACCGI"),
    "mn_scc": (0.10, "хадгаламж зээлийн хоршоо", (30, 900), "K"),
    "mn_ngo": (0.12, "ТББ", (5, 60), "PQSSE"),
    "mn_association": (0.05, "холбоо", (10, 300), "ASG"),
    "mn_herder_group": (0.11, "малчдын бүлэг", (5, 25), "A"),
    "mn_partnership": (0.08, "нөхөрлөл", (5, 40), "AAC"),
    "mn_social_enterprise": (0.09, "", (3, 30), "CIQSG"),
    "mn_foundation": (0.03, "сан", (3, 15), "PQR"),
    "mn_coop_union": (0.02, "хоршооны холбоо", (5, 40), "AG"),
}

# Weight of each area in the sample: the capital and the herding aimags carry more.
_AREA_WEIGHT = {"MN-1": 6.0, "MN-041": 2.0, "MN-073": 2.0, "MN-055": 2.0, "MN-047": 2.0}

_SOUMS: dict[str, tuple[str, ...]] = {
    "MN-1": (
        "Баянзүрх",
        "Сонгинохайрхан",
        "Чингэлтэй",
        "Сүхбаатар",
        "Хан-Уул",
        "Баянгол",
        "Налайх",
    ),
    "MN-073": ("Эрдэнэбулган", "Тариат", "Өгийнуур", "Батцэнгэл"),
    "MN-071": ("Өлгий", "Цэнгэл", "Сагсай", "Толбо"),
    "MN-069": ("Баянхонгор", "Галуут", "Баацагаан", "Бөмбөгөр"),
    "MN-067": ("Булган", "Хутаг-Өндөр", "Сайхан", "Тэшиг"),
    "MN-037": ("Дархан", "Хонгор", "Шарын гол"),
    "MN-061": ("Хэрлэн", "Халхгол", "Баяндун", "Матад"),
    "MN-063": ("Сайншанд", "Замын-Үүд", "Эрдэнэ", "Хатанбулаг"),
    "MN-059": ("Сайнцагаан", "Дэлгэрцогт", "Гурвансайхан", "Луус"),
    "MN-065": ("Есөнбулаг", "Тайшир", "Алтай", "Бигэр"),
    "MN-064": ("Сүмбэр", "Баянтал", "Шивээговь"),
    "MN-039": ("Хэрлэн", "Биндэр", "Дадал", "Өмнөдэлгэр"),
    "MN-043": ("Жаргалант", "Булган", "Мөнххайрхан", "Эрдэнэбүрэн"),
    "MN-041": ("Мөрөн", "Алаг-Эрдэнэ", "Цагааннуур", "Тариалан", "Рашаант"),
    "MN-053": ("Даланзадгад", "Ханбогд", "Гурвантэс", "Булган"),
    "MN-035": ("Баян-Өндөр", "Жаргалант"),
    "MN-055": ("Арвайхээр", "Хархорин", "Уянга", "Бат-Өлзий"),
    "MN-049": ("Сүхбаатар", "Мандал", "Ерөө", "Шаамар"),
    "MN-051": ("Баруун-Урт", "Эрдэнэцагаан", "Онгон", "Түвшинширээ"),
    "MN-047": ("Зуунмод", "Батсүмбэр", "Эрдэнэ", "Лүн"),
    "MN-046": ("Улаангом", "Тэс", "Хяргас", "Өмнөговь"),
    "MN-057": ("Улиастай", "Тосонцэнгэл", "Их-Уул", "Тэлмэн"),
}

# Rough centre of each area (longitude, latitude) for optional map points.
_CENTRES: dict[str, tuple[float, float]] = {
    "MN-1": (106.92, 47.92),
    "MN-073": (101.45, 47.47),
    "MN-071": (89.97, 48.97),
    "MN-069": (100.72, 46.19),
    "MN-067": (103.53, 48.81),
    "MN-037": (105.95, 49.47),
    "MN-061": (114.53, 48.07),
    "MN-063": (110.14, 44.89),
    "MN-059": (106.27, 45.76),
    "MN-065": (96.25, 46.37),
    "MN-064": (108.36, 46.36),
    "MN-039": (110.66, 47.32),
    "MN-043": (91.64, 48.01),
    "MN-041": (100.16, 49.63),
    "MN-053": (104.42, 43.57),
    "MN-035": (104.07, 49.03),
    "MN-055": (102.77, 46.26),
    "MN-049": (106.20, 50.23),
    "MN-051": (113.28, 46.68),
    "MN-047": (106.95, 47.70),
    "MN-046": (92.07, 49.98),
    "MN-057": (96.85, 47.73),
}

_NAME_WORDS = (
    "Алтан",
    "Мөнгөн",
    "Ногоон",
    "Хөх",
    "Цагаан",
    "Шинэ",
    "Өлзий",
    "Эрдэнэ",
    "Тэмүүлэл",
    "Хишиг",
    "Бадрах",
    "Ирээдүй",
    "Төгөлдөр",
    "Хангай",
    "Говийн",
    "Таван",
    "Сүүн",
    "Ноос",
    "Ишиг",
    "Үнэт",
    "Түмэн",
    "Хүслэн",
    "Өргөө",
    "Жаргал",
    "Од",
    "Нар",
    "Саран",
    "Бэлчээр",
    "Дэлгэр",
    "Үйлс",
)
_SOCIAL_ENTERPRISE_NAMES = ("ХХК", "төв", "урлан", "нэгдэл")


def synthetic_organisations(
    seed: int = DEMO_SEED, count: int = DEMO_COUNT
) -> list[SyntheticOrganisation]:
    """Invent ``count`` Mongolian SSE organisations, reproducibly for a given ``seed``."""
    rng = random.Random(seed)
    areas = [a for a in load_reference().admin_areas if a.country == "MN"]
    area_weights = [_AREA_WEIGHT.get(a.code, 1.0) for a in areas]
    forms = _allocate(count, rng)
    used_names: set[str] = set()
    orgs = []
    for i, form in enumerate(forms, start=1):
        share, suffix, (low, high), sectors = _MIX[form]
        area = rng.choices(areas, weights=area_weights)[0].code
        members = max(low, min(high, int(rng.lognormvariate(0, 0.7) * (low + high) / 3)))
        women_share = rng.betavariate(4, 4) if form != "mn_herder_group" else rng.betavariate(3, 5)
        women = round(members * women_share)
        traits = _traits(form, rng)
        lon, lat = _CENTRES[area]
        workers = _workers(form, members, rng)
        if form == "mn_foundation":  # founders and a board, no members (drawn as the others are)
            members = women = 0
        orgs.append(
            SyntheticOrganisation(
                key=f"demo-mn-{i:03d}",
                name=_name(form, suffix, rng, used_names),
                legal_form=form,
                entity_type=load_reference().legal_form(form).entity_type,
                admin_area=area,
                soum=rng.choice(_SOUMS[area]),
                year_founded=_founded(form, rng),
                members_women=women,
                members_men=members - women,
                workers=workers,
                sector=rng.choice(sectors),
                latitude=round(lat + rng.uniform(-0.6, 0.6), 3),
                longitude=round(lon + rng.uniform(-0.9, 0.9), 3),
                consent_public=rng.random() < 0.85,
                consent_research=rng.random() < 0.95,
                traits=traits,
            )
        )
    return orgs


def _allocate(count: int, rng: random.Random) -> list[str]:
    """Legal forms in proportion to the mix (largest remainder), then shuffled."""
    raw = {form: spec[0] * count for form, spec in _MIX.items()}
    counts = {form: int(v) for form, v in raw.items()}
    for form in sorted(raw, key=lambda f: raw[f] - counts[f], reverse=True)[
        : count - sum(counts.values())
    ]:
        counts[form] += 1
    forms = [form for form, n in counts.items() for _ in range(n)]
    rng.shuffle(forms)
    return forms


def _name(form: str, suffix: str, rng: random.Random, used: set[str]) -> str:
    while True:
        stem = " ".join(rng.sample(_NAME_WORDS, 2 if rng.random() < 0.3 else 1))
        tail = suffix or rng.choice(_SOCIAL_ENTERPRISE_NAMES)
        name = f"{stem} {tail}"
        if name not in used:
            used.add(name)
            return name


def _founded(form: str, rng: random.Random) -> int:
    if form == "mn_scc":
        return rng.randint(1996, 2022)
    if form == "mn_social_enterprise":
        return rng.randint(2010, 2023)
    if form in ("mn_herder_group", "mn_partnership"):
        return rng.randint(2000, 2022)
    return rng.randint(1992, 2022)


def _workers(form: str, members: int, rng: random.Random) -> int:
    if form in ("mn_herder_group", "mn_partnership"):
        return rng.randint(0, 2)
    if form == "mn_scc":
        return rng.randint(2, 25)
    return max(0, int(members * rng.uniform(0.0, 0.5)))


def _traits(form: str, rng: random.Random) -> frozenset[Trait]:
    traits: set[Trait] = set()
    if form in ("mn_herder_group", "mn_pasture_group") or rng.random() < 0.08:
        traits.add("informal")
    if rng.random() < (0.18 if form in ("mn_ngo", "mn_foundation") else 0.08):
        traits.add("donor_controlled")
    if rng.random() < 0.07:
        traits.add("government_controlled")
    if form in ("mn_social_enterprise", "mn_partnership") and rng.random() < 0.25:
        traits.add("investor_led")
    if form in ("mn_ngo", "mn_foundation") or rng.random() < 0.15:
        traits.add("no_surplus")
    if rng.random() < 0.3:
        traits.add("women_led")
    if rng.random() < 0.3:
        traits.add("green")
    return frozenset(traits)
