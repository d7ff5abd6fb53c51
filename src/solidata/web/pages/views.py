"""Public pages."""

from __future__ import annotations

from typing import Any

from babel import Locale, UnknownLocaleError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from solidata.core.method.model import TITLE_ENTRY
from solidata.web.committee.models import TermVersion
from solidata.web.committee.selectors import adopted_terms
from solidata.web.registry.selectors import registry_counts
from solidata.web.surveys.selectors import reference_method

PRINCIPLES = ("p1", "p2", "p3", "p4")
VALUES = ("v1", "v2", "v3", "v4", "v5", "v6")


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


def home(request: HttpRequest) -> HttpResponse:
    """What the SSE is, what Solidata does, and how many entities the current data holds.

    The names of the principles and values come from the method's glossary: in Mongolian they are
    working translations still being settled, so they are data, not interface strings.
    """
    method = reference_method()
    terms = {g.id: method.text(g.terms, _lang()) for g in method.glossary}
    for term_id, adopted in adopted_terms().items():  # the committee's wording, once adopted
        terms[term_id] = adopted.text_mn if _lang() == "mn" else adopted.text_en
    return render(
        request,
        "pages/home.html",
        {
            "counts": registry_counts(),
            "principles": [terms[k] for k in PRINCIPLES if k in terms],
            "values": [terms[k] for k in VALUES if k in terms],
        },
    )


def glossary(request: HttpRequest) -> HttpResponse:
    """Key terms in every language of the method, with the working translations marked."""
    method = reference_method()
    lang = _lang()
    adopted = adopted_terms()
    rows = [
        {
            "id": g.id,
            "term": method.text(g.terms, lang),
            "english": g.terms.get("en", ""),
            "translations": [
                (code, language_name(code, lang), text)
                for code, text in g.terms.items()
                if code != "en"
            ],
            "working": "WORKING TRANSLATION" in (g.note or "").upper(),
            "note": g.note or "",
            "adopted": None,
        }
        for g in method.glossary
        if g.id != TITLE_ENTRY
    ]
    rows = [with_adopted(row, adopted) for row in rows]
    context = {"rows": rows, "method": method, "title": method.title_in(lang), "lang": lang}
    return render(request, "pages/glossary.html", context)


def with_adopted(row: dict[str, Any], adopted: dict[str, TermVersion]) -> dict[str, Any]:
    """The committee's adopted wording in place of the workbook's, with where it comes from."""
    term = adopted.get(row["id"])
    if term is None:
        return row
    return {
        **row,
        "term": term.text_mn if _lang() == "mn" else term.text_en,
        "english": term.text_en,
        "translations": [
            (code, name, term.text_mn if code == "mn" else text)
            for code, name, text in row["translations"]
        ],
        "working": term.working,
        "adopted": term,
    }


def language_name(code: str, lang: str) -> str:
    """The name of the language ``code`` in the language ``lang`` (Babel's CLDR data)."""
    try:
        return Locale.parse(code).get_language_name(lang) or code
    except (ValueError, UnknownLocaleError):
        return code
