"""The method and score commands: exit codes scripts can rely on, and the documented JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.workbooks import BROKEN, base_workbook
from solidata.cli import main
from solidata.core.method import bundled_method_path

ANSWERS = "instance_id,members,board,women,goals\na,yes,4,2,community planet\nb,no,0,3,profit\n"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_validate_says_ok_and_exits_0_for_a_valid_method(tmp_path: Path) -> None:
    code, out, _ = run("method", "validate", base_workbook(tmp_path))
    assert code == 0
    assert out.startswith("ok: demo version 2025.1")


def test_validate_lists_every_problem_with_sheet_row_and_column_and_exits_1(tmp_path: Path) -> None:
    code, _, err = run("method", "validate", base_workbook(tmp_path, **BROKEN))
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) >= 12
    assert "sheet scoring, row 4, column question" in err


def test_validate_as_json_gives_a_list_of_located_problems(tmp_path: Path) -> None:
    code, out, _ = run("method", "validate", base_workbook(tmp_path, **BROKEN), "--format", "json")
    assert code == 1
    problems = json.loads(out)
    assert {"code", "sheet", "row", "column", "message", "hint", "severity"} <= set(problems[0])
    assert ("scoring", 5, "indicator") in {(p["sheet"], p["row"], p["column"]) for p in problems}


def test_warnings_fail_validation_only_when_strict(tmp_path: Path) -> None:
    indicators = """
    | id    | dimension | label::English (en) | label::Mongolian (mn) |
    |-------|-----------|---------------------|-----------------------|
    | vote  | P2        | Members vote        |                       |
    | women | P2        | Women on board      | Эмэгтэйчүүд           |
    | goals | V1        | Goals               | Зорилго               |
    """
    path = base_workbook(tmp_path, indicators=indicators)
    code, _, err = run("method", "validate", path)
    assert code == 0 and "warning:" in err
    assert run("method", "validate", path, "--strict")[0] == 1


def test_xform_writes_the_odk_form(tmp_path: Path) -> None:
    out = tmp_path / "form.xml"
    code, _, _ = run("method", "xform", base_workbook(tmp_path), "-o", out)
    assert code == 0
    assert "<h:html" in out.read_text("utf-8") and "women" in out.read_text("utf-8")


def test_template_writes_the_answers_header_in_form_order(tmp_path: Path) -> None:
    code, out, _ = run("method", "template", base_workbook(tmp_path))
    assert code == 0
    assert out == "instance_id,members,board,women,goals\n"


def test_score_writes_one_csv_row_per_submission(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(ANSWERS, encoding="utf-8")
    code, out, _ = run("score", answers, "--method", base_workbook(tmp_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("instance_id,method_id,method_version,P2.score")
    assert len(lines) == 3


def test_score_as_json_gives_the_documented_records(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(ANSWERS, encoding="utf-8")
    out_path = tmp_path / "scores.json"
    args = ("score", answers, "--method", base_workbook(tmp_path), "--format", "json")
    code, _, _ = run(*args, "--lang", "mn", "-o", out_path)
    assert code == 0
    records = json.loads(out_path.read_text("utf-8"))
    assert [r["instance_id"] for r in records] == ["a", "b"]
    assert set(records[0]) == {
        "instance_id",
        "method",
        "dimensions",
        "indicators",
        "definitions",
        "recommendations",
    }
    assert records[0]["dimensions"]["P2"] == {"score": 100.0, "level": "leading", "coverage": 1.0}
    assert records[1]["recommendations"] == [{"target": "P2", "text": "Санал хураа."}]


def test_score_exits_1_on_answers_without_instance_id_or_a_missing_file(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text("members\nyes\n", encoding="utf-8")
    method = base_workbook(tmp_path)
    code, _, err = run("score", answers, "--method", method)
    assert code == 1 and "instance_id" in err
    assert run("score", tmp_path / "nope.csv", "--method", method)[0] == 1


def test_score_exits_1_when_the_method_is_invalid(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(ANSWERS, encoding="utf-8")
    code, _, err = run("score", answers, "--method", base_workbook(tmp_path, **BROKEN))
    assert code == 1 and "sheet scoring" in err


@pytest.mark.skipif(bundled_method_path() is None, reason="the bundled method is not built")
def test_score_uses_the_bundled_method_by_default(tmp_path: Path) -> None:
    code, header, _ = run("method", "template", bundled_method_path() or "")
    assert code == 0
    answers = tmp_path / "answers.csv"
    answers.write_text(header + "x1" + "," * (header.count(",")) + "\n", encoding="utf-8")
    code, out, _ = run("score", answers, "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["instance_id"] == "x1"
