"""Write the import test fixtures: the same answers in every export layout, and hostile files.

    uv run python scripts/make_ingest_fixtures.py                  # tests/data/ingest/
    uv run python scripts/make_ingest_fixtures.py --bundled /tmp/x  # also the bundled method's

What it writes (see tests/data/ingest/README.md for provenance):

- ``coop/``: a small bilingual test method (``method.xlsx``, from the Markdown tables below: groups,
  a repeat with a group inside, a date, a geopoint, constraints, a select_multiple whose labels
  contain spaces), six invented submissions (``expected.json``) and those submissions in every
  layout of ``tests/export_writers.py``'s ``VARIANTS``;
- ``tutorial-method.xlsx``: the form of the hand-written fixtures in ``handmade/`` (a KoBoCAT
  tutorial-style form with a repeat inside a group);
- ``hostile/``: files that must be refused (zip bomb, billion laughs in an xlsx, truncated zip,
  binary garbage, wrong encoding, no instance id, empty file);
- with ``--bundled DIR``: the SYNTHETIC answers of the bundled method in every layout (the tests
  write these into a temporary folder themselves, so that they follow the bundled method).

The output is deterministic: the same sources give the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import zipfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "core"))
sys.path.insert(0, str(ROOT / "tests"))  # export_writers: a test-support module, not shipped

from workbooks import BASE, write_workbook  # noqa: E402

import export_writers as exports  # noqa: E402
from solidata.core.method import read_method  # noqa: E402

OUT = ROOT / "tests" / "data" / "ingest"
FIXED = (2024, 1, 1, 0, 0, 0)

COOP_SURVEY = """
| type                  | name     | constraint | label::English (en) | label::Mongolian (mn) |
|---|---|---|---|---|
| begin_group           | profile  |  | Profile | Танилцуулга |
| text                  | org_name |  | Organisation name | Байгууллагын нэр |
| select_one aimag      | aimag    |  | Aimag | Аймаг |
| date                  | founded  |  | Date founded | Байгуулагдсан огноо |
| geopoint              | location |  | Location | Байршил |
| end_group             |          |  |  | |
| integer               | members  | . >= 1 and . <= 1000 | Members | Гишүүдийн тоо |
| integer               | women    | . <= ${members} | Women members | Эмэгтэй гишүүд |
| select_one yn         | vote     |  | Members vote? | Гишүүд санал өгдөг үү? |
| select_multiple goals | goals    |  | Goals | Зорилго |
| begin_repeat          | products |  | Products | Бүтээгдэхүүн |
| text                  | product  |  | Product | Бараа |
| decimal               | price    | . > 0 | Price | Үнэ |
| begin_group           | sale     |  | Sale | Борлуулалт |
| select_one yn         | exported |  | Exported? | Экспортолсон уу? |
| end_group             |          |  |  | |
| end_repeat            |          |  |  | |
"""
COOP_CHOICES = """
| list_name | name      | label::English (en) | label::Mongolian (mn) | score |
|-----------|-----------|---------------------|-----------------------|-------|
| yn        | yes       | Yes                 | Тийм                  | 1     |
| yn        | no        | No                  | Үгүй                  | 0     |
| aimag     | MN-073    | Arkhangai           | Архангай              |       |
| aimag     | MN-1      | Ulaanbaatar         | Улаанбаатар           |       |
| goals     | community | Local community     | Орон нутгийн иргэд    | 0.6   |
| goals     | planet    | Clean planet        | Цэвэр байгаль         | 0.6   |
| goals     | profit    | Fair profit         | Шударга ашиг          | 0     |
"""
COOP_SCORING = {
    "settings": """
| form_id | version | form_title        | default_language | min_coverage |
|---------|---------|-------------------|------------------|--------------|
| coop    | 2024.1  | Cooperative check | English (en)     | 0.5          |
""",
    "dimensions": BASE["dimensions"],  # the same as the tests' base method
    "indicators": """
| id    | dimension | label::English (en) | label::Mongolian (mn) | weight |
|-------|-----------|---------------------|-----------------------|--------|
| vote  | P2        | Members vote        | Санал                 | 1      |
| women | P2        | Women members       | Эмэгтэйчүүд           | 1      |
| goals | V1        | Goals               | Зорилго               | 1      |
""",
    "scoring": """
| indicator | question | rule         | value                    | weight |
|-----------|----------|--------------|--------------------------|--------|
| vote      | vote     | choice       |                          | 1      |
| women     |          | linear 0 0.5 | ${women} div ${members}  | 1      |
| goals     | goals    | choice       |                          | 1      |
""",
    "levels": """
| min | id          | label::English (en) | label::Mongolian (mn) |
|-----|-------------|---------------------|-----------------------|
| 0   | emerging    | Emerging            | Эхлэл                 |
| 50  | established | Established         | Тогтсон               |
""",
    "definitions": BASE["definitions"],  # the same as the tests' base method
    "recommendations": BASE["recommendations"],  # the same as the tests' base method
}

# Invented cooperatives. Text answers avoid Ө and Ү so that the Windows-1251 layout can hold them;
# one name has a comma, quotes and a line break, which CSV writers must quote.
COOP_ANSWERS = pd.DataFrame(
    {
        "instance_id": [
            "uuid:0b1e6c3a-1f4e-4c1d-9a6e-2d3c4b5a6f01",
            "uuid:0b1e6c3a-1f4e-4c1d-9a6e-2d3c4b5a6f02",
            "uuid:0b1e6c3a-1f4e-4c1d-9a6e-2d3c4b5a6f03",
            "uuid:0b1e6c3a-1f4e-4c1d-9a6e-2d3c4b5a6f04",
            "uuid:0b1e6c3a-1f4e-4c1d-9a6e-2d3c4b5a6f05",
            "uuid:0b1e6c3a-1f4e-4c1d-9a6e-2d3c4b5a6f06",
        ],
        "org_name": [
            "Алтан тал хоршоо",
            'Green "Steppe", felt\nmakers',
            "Хангай малчид",
            "Цагаан сар",
            None,
            "Dairy union",
        ],
        "aimag": ["MN-073", "MN-1", "MN-073", None, "MN-1", "MN-1"],
        "founded": ["2001-05-03", "2015-11-30", None, "1998-01-01", "2019-12-31", "2020-02-29"],
        "location": ["47.9 106.9 1350 5", None, "48.1 105.2", None, "47.92 106.91 1300 8", None],
        "members": ["12", "40", "7", "25", None, "300"],
        "women": ["5", "30", "2", "20", None, "150"],
        "vote": ["yes", "no", "yes", None, "yes", "yes"],
        "goals": ["community planet", "profit", "community planet profit", None, "planet", None],
    }
)
COOP_PRODUCTS = pd.DataFrame(
    {
        "instance_id": [
            COOP_ANSWERS["instance_id"][0],
            COOP_ANSWERS["instance_id"][0],
            COOP_ANSWERS["instance_id"][1],
            COOP_ANSWERS["instance_id"][3],
            COOP_ANSWERS["instance_id"][3],
            COOP_ANSWERS["instance_id"][3],
        ],
        "product": ["Бяслаг", "Wool", "Felt boots", "Айраг", "Тараг", "Milk, fresh"],
        "price": ["2.5", "10", "45.75", "3", "1.25", "0.8"],
        "exported": ["yes", None, "yes", "no", None, "no"],
    }
)
COOP_PRODUCTS.attrs["repeat"] = "products"
COOP_TIMES = [dt.datetime(2024, 3, d, 9, 30, tzinfo=dt.UTC) for d in range(1, 7)]
COOP_REVIEW = ["approved", None, "on_hold", "rejected", None, "approved"]

# The form of the hand-written KoBoCAT and ODK fixtures in handmade/ (a tutorial form like the
# one in kobocat's and ODK's own tests: a repeat inside a group, a geopoint, a select_multiple).
TUTORIAL = {
    "survey": """
| type                     | name         | label::English (en) | label::Mongolian (mn) |
|--------------------------|--------------|---------------------|-----------------------|
| text                     | name         | Name                | Нэр                   |
| integer                  | age          | Age                 | Нас                   |
| begin_group              | kids         | Kids                | Хүүхдүүд              |
| select_one yes_no        | has_kids     | Has kids?           | Хүүхэдтэй юу?         |
| begin_repeat             | kids_details | Kids details        | Хүүхдийн мэдээлэл     |
| text                     | kids_name    | Kid's name          | Хүүхдийн нэр          |
| integer                  | kids_age     | Kid's age           | Хүүхдийн нас          |
| end_repeat               |              |                     |                       |
| end_group                |              |                     |                       |
| geopoint                 | gps          | Location            | Байршил               |
| select_multiple browsers | web_browsers | Web browsers        | Хөтчүүд               |
""",
    "choices": """
| list_name | name    | label::English (en) | label::Mongolian (mn) | score |
|-----------|---------|---------------------|-----------------------|-------|
| yes_no    | 1       | Yes                 | Тийм                  | 1     |
| yes_no    | 0       | No                  | Үгүй                  | 0     |
| browsers  | firefox | Mozilla Firefox     | Firefox               | 1     |
| browsers  | chrome  | Google Chrome       | Chrome                | 1     |
| browsers  | ie      | Internet Explorer   | Explorer              | 0     |
| browsers  | safari  | Safari              | Safari                | 1     |
""",
    "settings": """
| form_id  | version | form_title | default_language | min_coverage |
|----------|---------|------------|------------------|--------------|
| tutorial | 1       | Tutorial   | English (en)     | 0.5          |
""",
    "dimensions": """
| id | kind  | label::English (en) | label::Mongolian (mn) |
|----|-------|---------------------|-----------------------|
| V1 | value | Openness            | Нээлттэй байдал       |
""",
    "indicators": """
| id       | dimension | label::English (en) | label::Mongolian (mn) | weight |
|----------|-----------|---------------------|-----------------------|--------|
| browsers | V1        | Browsers            | Хөтчүүд               | 1      |
""",
    "scoring": """
| indicator | question     | rule   | value | weight |
|-----------|--------------|--------|-------|--------|
| browsers  | web_browsers | choice |       | 1      |
""",
    "levels": """
| min | id  | label::English (en) | label::Mongolian (mn) |
|-----|-----|---------------------|-----------------------|
| 0   | low | Low                 | Бага                  |
""",
}


def coop(out: Path) -> None:
    folder = out / "coop"
    folder.mkdir(parents=True, exist_ok=True)
    sheets = {"survey": COOP_SURVEY, "choices": COOP_CHOICES, **COOP_SCORING}
    path = write_workbook(folder, "method.xlsx", **sheets)
    method = read_method(path)
    subs = exports.submissions_from_answers(
        method,
        COOP_ANSWERS,
        submitted_at=COOP_TIMES,
        review=COOP_REVIEW,
        repeats={"products": COOP_PRODUCTS},
    )
    for variant in exports.VARIANTS:
        exports.write_variant(variant, subs, method, folder, form_id="coop")
    expected = [
        {
            "instance_id": s.instance_id,
            "submitted_at": s.submitted_at.isoformat() if s.submitted_at else None,
            "review_status": s.review_status,
            "answers": s.stored_answers(),
        }
        for s in subs.submissions()
    ]
    text = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    (folder / "expected.json").write_text(text, encoding="utf-8")


def tutorial(out: Path) -> None:
    write_workbook(out, "tutorial-method.xlsx", **TUTORIAL)


def _zip(entries: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", level) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED), data, level)
    return buffer.getvalue()


def hostile(out: Path) -> None:
    folder = out / "hostile"
    folder.mkdir(parents=True, exist_ok=True)
    good = (out / "coop" / "kobo-names.xlsx").read_bytes()
    # 50 MB of zeros in one member: it weighs about 50 kB packed (ratio ~1000).
    (folder / "zip-bomb.zip").write_bytes(_zip({"form.csv": b"0" * 50_000_000}))
    # The classic "billion laughs" entity expansion, as the shared strings of a workbook.
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    xml = (
        '<?xml version="1.0"?>\n<!DOCTYPE sst [\n' + "\n".join(laughs) + "\n]>\n"
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    with zipfile.ZipFile(io.BytesIO(good)) as source:
        parts = {i.filename: source.read(i) for i in source.infolist()}
    parts["xl/sharedStrings.xml"] = xml.encode()
    (folder / "billion-laughs.xlsx").write_bytes(_zip(parts))
    (folder / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    garbage = bytes((i * 7919 + 13) % 256 for i in range(20_000))
    (folder / "binary-garbage.csv").write_bytes(garbage)
    (folder / "empty.csv").write_bytes(b"")
    latin = "instance_id,org_name\r\nuuid:1,Caf\xe9 co-op\r\nuuid:2,M\xfcller & S\xf6hne\r\n"
    (folder / "wrong-encoding.csv").write_bytes(latin.encode("latin-1"))
    no_id = "org_name,members,vote\r\nАлтан тал хоршоо,12,yes\r\n"
    (folder / "no-instance-id.csv").write_text(no_id, encoding="utf-8", newline="")


def bundled(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    method, subs = exports.synthetic_submissions()
    for variant in exports.VARIANTS:
        try:
            exports.write_variant(variant, subs, method, folder, form_id=method.id)
        except UnicodeEncodeError:
            print(f"skipped {variant.name}: the answers do not fit {variant.encoding}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="Where to write (tests/data/ingest).")
    parser.add_argument(
        "--bundled", type=Path, help="Also write the bundled method's layouts here."
    )
    args = parser.parse_args()
    coop(args.out)
    tutorial(args.out)
    hostile(args.out)
    if args.bundled:
        bundled(args.bundled)
    print(f"fixtures written to {args.out}")


if __name__ == "__main__":
    main()
