"""Every interface string is translated to Mongolian, and catalogues ship compiled."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "solidata" / "web" / "locale"
spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
assert spec and spec.loader
i18n_script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n_script)


def test_every_mongolian_message_is_translated_and_not_fuzzy() -> None:
    with (LOCALE / "mn" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalog = read_po(handle)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_the_compiled_catalogues_are_up_to_date() -> None:
    for po in LOCALE.glob("*/LC_MESSAGES/django.po"):
        assert po.with_suffix(".mo").read_bytes() == i18n_script.compiled(po), (
            f"{po} changed: run python scripts/i18n.py compile"
        )


def test_languages_come_from_the_catalogues_named_in_their_own_language() -> None:
    assert dict(settings.LANGUAGES) == {"en": "English", "mn": "Монгол"}


def test_the_problem_texts_for_translators_match_the_catalogue() -> None:
    written = (ROOT / "src" / "solidata" / "web" / "problem_texts.py").read_text("utf-8")
    assert written == i18n_script.problem_texts(), "run python scripts/i18n.py extract"


def test_every_problem_translation_keeps_the_placeholders_of_its_english() -> None:
    import re

    from solidata.core.errors import CATALOGUE
    from solidata.web.problems import HINT

    with (LOCALE / "mn" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalog = read_po(handle)
    placeholder = re.compile(r"\{[^{}]*\}")
    broken = []
    for code, (message, hint) in CATALOGUE.items():
        for context, english in ((code, message), (code + HINT, hint)):
            found = catalog.get(english, context=context)
            said = found.string if found else ""
            if sorted(placeholder.findall(said)) != sorted(placeholder.findall(english)):
                broken.append((context, said))
    assert broken == []
