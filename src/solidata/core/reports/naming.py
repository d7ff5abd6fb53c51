"""Labels of codes for reports made without the web's registry (the CLI's tests, benchmarks):
aimags, entity types, legal forms and sectors from the bundled reference data, the method's
labels from the method workbook, in one language.

Example::

    >>> from solidata.core.method import bundled_method_path, read_method
    >>> name = reference_names(read_method(bundled_method_path()), "mn")  # doctest: +SKIP
    >>> name("admin_area", "MN-061")  # doctest: +SKIP
    'Дорнод'
"""

from __future__ import annotations

from collections.abc import Callable

from solidata.core.findings.dataset import NOT_STATED
from solidata.core.method import Method
from solidata.core.reference import load_reference, name_in

VARIABLES = {
    "en": {
        "admin_area": "Aimag",
        "entity_type": "ILO entity type",
        "legal_form": "Legal form",
        "sector": "Sector",
        "": "All entities",
        NOT_STATED: "Not stated",
    },
    "mn": {
        "admin_area": "Аймаг",
        "entity_type": "ОУХБ-ын ангиллын байгууллагын төрөл",
        "legal_form": "Хуулийн этгээдийн хэлбэр",
        "sector": "Салбар",
        "": "Бүх байгууллага",
        NOT_STATED: "Заагаагүй",
    },
}


def reference_names(method: Method, lang: str) -> Callable[[str, str], str]:
    """A namer ``(variable, code) -> label`` in ``lang`` for :class:`Findings`."""
    ref = load_reference()
    variables = VARIABLES.get(lang, VARIABLES["en"])
    codes = {
        "admin_area": {a.code: name_in(a.names, lang) for a in ref.admin_areas},
        "entity_type": {t.code: name_in(t.names, lang) for t in ref.entity_types},
        "legal_form": {f.code: name_in(f.names, lang) for f in ref.legal_forms},
        "sector": {s.code: f"{s.code} {name_in(s.names, lang)}" for s in ref.sectors},
    }

    def name(variable: str, code: str) -> str:
        if variable == "variable":
            return variables.get(code, code)
        if variable in codes:
            return variables[NOT_STATED] if code == NOT_STATED else codes[variable].get(code, code)
        if variable == "level":
            level = next((lv for lv in method.levels if lv.id == code), None)
            return method.text(level.labels, lang) if level else code
        if variable == "measure":
            found = method.dimension(code) or method.indicator(code)
            return f"{code} {method.text(found.labels, lang)}" if found else code
        if variable == "result":
            return RESULTS_MN.get(code, code) if lang == "mn" else code.replace("_", " ")
        if variable == "question":
            question = method.question(code)
            return method.text(question.labels, lang) if question else code
        if variable.startswith("choice:"):
            question = method.question(variable.removeprefix("choice:"))
            if question is not None:
                for choice in method.choice_list(question):
                    if choice.name == code:
                        return method.text(choice.labels, lang) or code
        return code

    return name


# The findings tables' words in Mongolian, as the site's catalogue has them, for reports made
# without Django (the web passes its own translated words).
FINDINGS_WORDS_MN = {
    "total": "Нийт",
    "overall": "Бүх байгууллага",
    "entities": "Байгууллагууд",
    "entities_by": "Байгууллагууд ({variable} тус бүрээр)",
    "scored": "Оноотой",
    "mean": "Дундаж",
    "median": "Медиан",
    "p25": "Доод квартиль",
    "p75": "Дээд квартиль",
    "share": "Эзлэх хувь: {label}",
    "count": "{label}",
    "missing": "Хариулт хүрэлцэхгүй",
    "weighted_mean": "Дундаж (жигнэсэн)",
    "weighted_share": "{label} (жигнэсэн эзлэх хувь)",
    "se": "Стандарт алдаа",
    "ci_low": "95% итгэх интервал, доод хязгаар",
    "ci_high": "95% итгэх интервал, дээд хязгаар",
    "estimate_total": "Эх олонлог дахь тооны үнэлгээ",
    "measure": "Хэмжүүр эсвэл үзүүлэлт",
    "unweighted": "Жигнээгүй: тоо баримт нь эх олонлогийг бус, хариулсан байгууллагуудыг "
    "илэрхийлнэ.",
    "hidden": "x: нуусан — бүлгийн байгууллагын тоо доод хязгаараас ({n}) бага, эсвэл үүнээс "
    "нуусан тоог тооцоолж гаргах боломжтой.",
    "answered_share": "Эзлэх хувийг бүлгийн бүх байгууллагаас тооцсон.",
}
RESULTS_MN = {
    "meets": "хангаж байна",
    "does_not_meet": "хангахгүй байна",
    "undetermined": "тодорхойгүй",
}


def findings_words(lang: str) -> dict[str, str]:
    """The words of findings tables in ``lang`` (English: the core's own)."""
    return dict(FINDINGS_WORDS_MN) if lang == "mn" else {}
