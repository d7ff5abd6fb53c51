"""Problem reports are safe to open in a spreadsheet, and a flood of problems stays readable."""

from __future__ import annotations

import csv
import io

from solidata.core.errors import problem
from solidata.core.ingest.problems import ProblemLog, problems_csv, safe_cell


def test_cells_a_spreadsheet_would_take_for_formulas_are_written_as_text() -> None:
    for dangerous in ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(dangerous) == "'" + dangerous
    assert safe_cell("Алтан тал") == "Алтан тал"
    assert safe_cell(None) == "" and safe_cell(12) == "12"


def test_a_problem_report_quotes_every_cell_that_could_run_as_a_formula() -> None:
    bad = problem(
        "ingest.value_invalid",
        file="=cmd|' /C calc'!A0",
        row=3,
        column="@members",
        value="=1+2",
        expected="a whole number",
    )
    rows = list(csv.reader(io.StringIO(problems_csv([bad]))))
    assert rows[0] == ["severity", "code", "file", "sheet", "row", "column", "message", "hint"]
    severity, code, file, sheet, row, column, message, hint = rows[1]
    assert (code, file, row, column) == (
        "ingest.value_invalid",
        "'=cmd|' /C calc'!A0",
        "3",
        "'@members",
    )
    assert message.startswith("'=1+2'") or not message.startswith(("=", "+", "-", "@"))


def test_row_problems_past_the_cap_are_counted_in_one_warning() -> None:
    problem_log = ProblemLog("a.csv", cap=3)
    for row in range(2, 12):
        problem_log.row_error("ingest.instance_id_empty", row=row, column="_uuid")
    problems = problem_log.problems()
    assert [p.code for p in problems] == ["ingest.instance_id_empty"] * 3 + [
        "ingest.problems_truncated"
    ]
    assert problems[-1].params["count"] == 7
