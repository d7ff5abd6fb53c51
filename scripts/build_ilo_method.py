"""Write the bundled method workbook "SSE self-assessment (ILO 2022)" from its readable sources.

    uv run python scripts/build_ilo_method.py                # src/solidata/core/data/methods/
    uv run python scripts/build_ilo_method.py --out x.xlsx

The workbook is the artefact researchers own and edit in a spreadsheet; this script records how
version 2026.2 was authored (the data live in ``scripts/ilo_method/``). The output is deterministic:
the same sources give the same bytes. The workbook is a valid XLSForm (survey, choices, settings)
with the scoring sheets described in docs/methods/ilo-2022.md beside it.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter
from ilo_method.advice import GLOSSARY, RECOMMENDATIONS, Term
from ilo_method.changes import CHANGES
from ilo_method.choices import CHOICES, profile_choices
from ilo_method.choices_values import VALUE_CHOICES
from ilo_method.resources import in_mongolian
from ilo_method.scoring import DEFINITIONS, DIMENSIONS, INDICATORS, LEVELS, SCORING
from ilo_method.survey_values import SURVEY

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "solidata" / "core" / "data" / "methods" / "ilo-2022.xlsx"

FORM_ID = "sse_ilo_2022"
VERSION = "2026.2"
TITLE = "SSE self-assessment (ILO 2022)"
# XLSForm's settings sheet has one title; the glossary row form_title translates it.
TITLE_TERM = Term(
    "form_title",
    TITLE,
    "Нийгмийн болон эв санааны эдийн засгийн өөрийн үнэлгээ (ОУХБ, 2022)",
    "The method's title (not a term to settle).",
)
EN = "English (en)"
MN = "Mongolian (mn)"
# A fixed creation date keeps the output byte-for-byte reproducible.
CREATED = datetime.datetime(2026, 1, 1)

Cell = str | float | int | None
Table = tuple[list[str], list[list[Cell]]]


def _both(column: str) -> list[str]:
    return [f"{column}::{EN}", f"{column}::{MN}"]


def survey_sheet() -> Table:
    header = [
        "type",
        "name",
        *_both("label"),
        *_both("hint"),
        "required",
        "relevant",
        "constraint",
        *_both("constraint_message"),
        "appearance",
    ]
    rows: list[list[Cell]] = [
        [
            r.type,
            r.name,
            r.en,
            r.mn,
            r.hint_en,
            r.hint_mn,
            "yes" if r.required else "",
            r.relevant,
            r.constraint,
            r.msg_en,
            r.msg_mn,
            r.appearance,
        ]
        for r in SURVEY
    ]
    return header, rows


def choices_sheet() -> Table:
    header = ["list_name", "name", *_both("label"), "score"]
    lists = {**profile_choices(), **CHOICES, **VALUE_CHOICES}
    rows: list[list[Cell]] = [
        [list_name, c.name, c.en, c.mn, c.score]
        for list_name, choices in lists.items()
        for c in choices
    ]
    return header, rows


def settings_sheet() -> Table:
    header = ["form_title", "form_id", "version", "default_language", "style", "min_coverage"]
    return header, [[TITLE, FORM_ID, VERSION, EN, "pages", 0.5]]


def scoring_sheets() -> dict[str, Table]:
    return {
        "dimensions": (
            ["id", "kind", *_both("label"), *_both("description"), "weight"],
            [[d.id, d.kind, d.en, d.mn, d.desc_en, d.desc_mn, 1] for d in DIMENSIONS],
        ),
        "indicators": (
            ["id", "dimension", *_both("label"), "weight"],
            [[i.id, i.dimension, i.en, i.mn, 1] for i in INDICATORS],
        ),
        "scoring": (
            ["indicator", "question", "rule", "value", "weight"],
            [[s.indicator, s.question, s.rule, s.value, 1] for s in SCORING],
        ),
        "levels": (
            ["min", "id", *_both("label")],
            [[lv.min, lv.id, lv.en, lv.mn] for lv in LEVELS],
        ),
        "definitions": (
            ["id", *_both("label"), *_both("description"), "rule"],
            [[d.id, d.en, d.mn, d.desc_en, d.desc_mn, d.rule] for d in DEFINITIONS],
        ),
        "recommendations": (
            ["target", "below", *_both("text"), *_both("resource")],
            [
                [r.target, r.below, r.en, r.mn, r.resource, in_mongolian(r.resource)]
                for r in RECOMMENDATIONS
            ],
        ),
        "glossary": (
            ["id", *_both("term"), "note"],
            [[t.id, t.en, t.mn, t.note] for t in [TITLE_TERM, *GLOSSARY]],
        ),
        # Read by people only: what changed from the previous version, and why.
        "changes": (
            ["version", "id", *_both("text")],
            [[c.version, c.id, c.en, c.mn] for c in CHANGES],
        ),
    }


# Column widths by header, so long texts wrap in a readable column.
_WIDE = ("label::", "hint::", "description::", "text::", "term::", "constraint_message::", "note")
_MEDIUM = ("relevant", "constraint", "rule", "value", "resource")


def _width(header: str) -> int:
    if header.startswith(_WIDE):
        return 50
    if header.startswith(_MEDIUM):
        return 36
    return 18


def write_sheet(book: xlsxwriter.Workbook, name: str, table: Table) -> None:
    header, rows = table
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for col, title in enumerate(header):
        sheet.set_column(col, col, _width(title), wrap)
        sheet.write_string(0, col, title, bold)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None or value == "":
                continue  # a blank cell: "not scored", "not required", "no hint"
            if isinstance(value, str):
                sheet.write_string(r, col, value, wrap)
            else:
                sheet.write_number(r, col, value, wrap)
    sheet.freeze_panes(1, 0)


def build(out: Path) -> None:
    """Write the whole workbook to ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(out))
    book.set_properties({"title": TITLE, "author": "Solidata contributors", "created": CREATED})
    write_sheet(book, "survey", survey_sheet())
    write_sheet(book, "choices", choices_sheet())
    write_sheet(book, "settings", settings_sheet())
    for name, table in scoring_sheets().items():
        write_sheet(book, name, table)
    book.close()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default: {OUT})")
    args = parser.parse_args(argv)
    build(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
