"""The worked example in docs/method-format.md is true: its workbook scores as the page says."""

from __future__ import annotations

import math
import re
from pathlib import Path

from core.workbooks import markdown_frame, markdown_rows, write_workbook
from solidata.core.method import read_method
from solidata.core.scoring import score

DOC = Path(__file__).resolve().parents[2] / "docs" / "method-format.md"
SECTION = re.compile(r"^#### (?:Sheet `(\w+)`|(Answers|Scores))\n\n((?:\|.*\n)+)", re.M)


def worked_example() -> dict[str, str]:
    example = DOC.read_text("utf-8").split("## Worked example", 1)[1]
    return {m.group(1) or m.group(2): m.group(3) for m in SECTION.finditer(example)}


def test_the_worked_example_scores_as_documented(tmp_path: Path) -> None:
    parts = worked_example()
    sheets = {k: v for k, v in parts.items() if k not in ("Answers", "Scores")}
    assert {"survey", "choices", "settings", "scoring", "definitions"} <= set(sheets)
    table = score(read_method(write_workbook(tmp_path, **sheets)), markdown_frame(parts["Answers"]))
    flat = table.to_frame("en").set_index("instance_id")
    columns = {
        "vote": "vote.score",
        "women": "women.score",
        "goals": "goals.score",
        "P2": "P2.score",
        "P2 coverage": "P2.coverage",
        "P2 level": "P2.level",
        "V1": "V1.score",
        "V1 level": "V1.level",
        "strict": "strict.result",
        "recommendations": "recommendations",
    }
    header, *rows = markdown_rows(parts["Scores"])
    for row in rows:
        for name, cell in zip(header[1:], row[1:], strict=True):
            got = flat.loc[row[0], columns[name]]
            if cell == "-":
                assert got is None or (isinstance(got, float) and math.isnan(got)), (row[0], name)
            elif cell[:1].isdigit():
                assert float(got) == float(cell), (row[0], name, got)
            else:
                assert (got or "") == cell, (row[0], name, got)
