"""Hostile or broken files are refused with a catalogue code, never a traceback."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from solidata.core.errors import SolidataError
from solidata.core.ingest import Limits, inspect_file, read_answers
from solidata.core.method import Method, read_method

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
HOSTILE = {
    "zip-bomb.zip": "ingest.zip_bomb",
    "billion-laughs.xlsx": "ingest.xml_entities",
    "truncated.xlsx": "ingest.zip_broken",
    "binary-garbage.csv": "ingest.binary",
    "empty.csv": "ingest.empty",
    "wrong-encoding.csv": "ingest.encoding_unknown",
    "no-instance-id.csv": "ingest.instance_id_missing",
}


@pytest.fixture(scope="module")
def method() -> Method:
    return read_method(DATA / "coop" / "method.xlsx")


def refused(path: Path, method: Method, **kwargs: object) -> list[str]:
    with pytest.raises(SolidataError) as error:
        read_answers(path, method, **kwargs)  # type: ignore[arg-type]
    assert all(p.file == path.name for p in error.value.problems)
    return error.value.codes


def test_the_hostile_corpus_is_complete() -> None:
    assert sorted(p.name for p in (DATA / "hostile").iterdir()) == sorted(HOSTILE)


@pytest.mark.parametrize(("name", "code"), sorted(HOSTILE.items()))
def test_each_hostile_file_is_refused_with_its_code(method: Method, name: str, code: str) -> None:
    assert refused(DATA / "hostile" / name, method) == [code]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(method: Method) -> None:
    path = DATA / "coop" / "kobo-names.xlsx"
    assert refused(path, method, limits=Limits(max_bytes=1000)) == ["file.too_large"]


def test_a_missing_file_and_an_old_xls_workbook_are_refused(method: Method, tmp_path: Path) -> None:
    assert refused(tmp_path / "nowhere.csv", method) == ["file.not_found"]
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert refused(old, method) == ["ingest.old_excel"]


def test_a_zip_member_whose_header_lies_about_its_size_is_refused(
    method: Method, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("form.csv", "instance_id,members\n" + "uuid:x,1\n" * 20_000)
    data = bytearray(buffer.getvalue())
    # shrink the declared size in the central directory (what zip readers trust) to 1 kB
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 1000)
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(data))
    # unpacking stops at the declared size, and the checksum then gives the lie away
    assert refused(path, method) == ["ingest.zip_broken"]


def test_an_archive_of_many_files_is_refused_as_a_zip_bomb(method: Method, tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(30):
            archive.writestr(f"f{i}.csv", "a\n")
    with pytest.raises(SolidataError) as error:
        inspect_file(path, Limits(max_members=10))
    assert error.value.codes == ["ingest.zip_bomb"]


def test_a_csv_whose_row_has_too_many_cells_is_refused_with_the_row_shown(
    method: Method, tmp_path: Path
) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("instance_id,members\nuuid:a,1\nuuid:b,2,3\n", encoding="utf-8")
    with pytest.raises(SolidataError) as error:
        read_answers(path, method)
    assert error.value.codes == ["file.unreadable"]
    assert "uuid:b,2,3" in error.value.problems[0].message


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        ("utf-8", "\n"),
        ("utf-8-sig", "\r\n"),
        ("utf-16", "\r\n"),
        ("utf-16-le", "\n"),
        ("cp1251", "\r\n"),
    ],
)
def test_text_in_the_encodings_users_have_is_read_the_same(
    method: Method, tmp_path: Path, encoding: str, newline: str
) -> None:
    text = newline.join(["instance_id,org_name,members", "uuid:a,Алтан тал хоршоо,12", ""])
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    assert inspect_file(path).encoding in (encoding, "utf-16-le" if "16" in encoding else encoding)
    (s,) = read_answers(path, method).submissions()
    assert s.answers == {"org_name": "Алтан тал хоршоо", "members": "12"}


def test_a_utf8_file_broken_after_its_first_megabytes_is_refused(
    method: Method, tmp_path: Path
) -> None:
    def rows(start: int, stop: int) -> bytes:
        return "".join(f"uuid:{i},Алтан тал,{i % 50}\n" for i in range(start, stop)).encode()

    # neither in the first megabytes nor in the last one, which are checked before reading
    path = tmp_path / "late.csv"
    bad = b"uuid:z,\xff\xfe,1\n"
    path.write_bytes(b"instance_id,org_name,members\n" + rows(0, 180_000) + bad + rows(1, 60_000))
    assert path.stat().st_size > 7_000_000
    assert refused(path, method) == ["ingest.encoding_unknown"]
