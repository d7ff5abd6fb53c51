"""Maintain the interface's message catalogues.

    python scripts/i18n.py extract   # refresh every locale's django.po (needs GNU gettext:
    xgettext)
    python scripts/i18n.py compile   # compile every django.po into django.mo with Babel (pure
    Python)

Compiled catalogues are committed, so running the site needs neither gettext nor this script.
Adding a
language is adding a catalogue: `python scripts/i18n.py extract --add km`, translate, compile.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parent.parent / "src" / "solidata" / "web"
LOCALE = WEB / "locale"


def compiled(po_path: Path) -> bytes:
    """The .mo bytes Babel compiles from ``po_path`` (fuzzy entries left out, as msgfmt does)."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compile_all() -> None:
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        po.with_suffix(".mo").write_bytes(compiled(po))
        print(f"compiled {po.relative_to(WEB)}")


PROBLEM_TEXTS = WEB / "problem_texts.py"


def problem_texts() -> str:
    """The source of ``web/problem_texts.py``: every text of the problem catalogue, marked for
    translation with the problem's code as context (see solidata.web.problems)."""
    from solidata.core.errors import CATALOGUE
    from solidata.web.problems import HINT

    lines = [
        '"""The texts of the problem catalogue (core/errors.py), marked for translation.',
        "",
        "Written by `python scripts/i18n.py extract` from the catalogue: do not edit. The web",
        "looks the same texts up at run time (solidata.web.problems); this module is here so",
        "that makemessages finds them.",
        '"""',
        "",
        "from django.utils.translation import pgettext_lazy",
        "",
        "TEXTS = [",
    ]
    for code, (message, hint) in CATALOGUE.items():
        lines.append(f"    pgettext_lazy({code!r}, {message!r}),")
        lines.append(f"    pgettext_lazy({code + HINT!r}, {hint!r}),")
    lines.append("]")
    return "\n".join(lines) + "\n"


def extract(add: list[str]) -> None:
    PROBLEM_TEXTS.write_text(problem_texts(), encoding="utf-8")
    languages = sorted({p.name for p in LOCALE.iterdir() if p.is_dir()} | set(add))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "solidata.web.settings"}
    args = ["django-admin", "makemessages", "--no-location", "--no-wrap"]
    for lang in languages:
        args += ["-l", lang]
    subprocess.run(args, cwd=WEB, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("command", choices=["extract", "compile"])
    parser.add_argument("--add", action="append", default=[], help="a new language code")
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.add)
    else:
        compile_all()


if __name__ == "__main__":
    sys.exit(main())
