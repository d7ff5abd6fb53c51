"""Build method workbooks for tests from small Markdown tables, one per sheet.

A test states its form the way the docs do::

    book = write_workbook(tmp_path, survey='''
    | type    | name | label::English (en) |
    |---------|------|---------------------|
    | integer | age  | Age                 |
    ''')

Cells that look like numbers are written as numbers, as a spreadsheet program would store them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter


def markdown_rows(table: str) -> list[list[str]]:
    """The cells of a Markdown table; the ``|---|`` separator line is skipped."""
    rows = []
    for line in table.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if all(cell and set(cell) <= set("-: ") for cell in cells):
            continue
        rows.append(cells)
    return rows


def _as_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def write_workbook(directory: Path, name: str = "method.xlsx", **sheets: str) -> Path:
    """Write ``sheets`` (sheet name -> Markdown table) to ``directory/name`` and return the path."""
    path = directory / name
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": dt.datetime(2024, 1, 1)})  # the same bytes every time
    for sheet_name, table in sheets.items():
        sheet = book.add_worksheet(sheet_name)
        for r, row in enumerate(markdown_rows(table)):
            for c, cell in enumerate(row):
                number = _as_number(cell) if r > 0 else None
                if cell == "":
                    continue
                if number is not None and sheet_name != "settings":
                    sheet.write_number(r, c, number)
                else:
                    sheet.write_string(r, c, cell)
    book.close()
    return path


# A small bilingual method that every test can start from and change one sheet of.
BASE = {
    "survey": """
| type                  | name    | label::English (en) | label::Mongolian (mn) | relevant     |
|-----------------------|---------|---------------------|-----------------------|--------------|
| select_one yn         | members | Members vote?       | Гишүүд санал өгдөг үү? |              |
| integer               | board   | Board size          | Удирдах зөвлөлийн тоо |              |
| integer               | women   | Women on board      | Эмэгтэй гишүүд        | ${board} > 0 |
| select_multiple goals | goals   | Goals               | Зорилго               |              |
""",
    "choices": """
| list_name | name      | label::English (en) | label::Mongolian (mn) | score |
|-----------|-----------|---------------------|-----------------------|-------|
| yn        | yes       | Yes                 | Тийм                  | 1     |
| yn        | no        | No                  | Үгүй                  | 0     |
| yn        | dk        | Don't know          | Мэдэхгүй              |       |
| goals     | community | Community           | Олон нийт             | 0.6   |
| goals     | planet    | Planet              | Байгаль               | 0.6   |
| goals     | profit    | Profit              | Ашиг                  | 0     |
""",
    "settings": """
| form_id | version | default_language | min_coverage |
|---------|---------|------------------|--------------|
| demo    | 2025.1  | English (en)     | 0.5          |
""",
    "dimensions": """
| id | kind      | label::English (en) | label::Mongolian (mn) |
|----|-----------|---------------------|-----------------------|
| P2 | principle | Democracy           | Ардчилал              |
| V1 | value     | Care                | Халамж                |
""",
    "indicators": """
| id    | dimension | label::English (en) | label::Mongolian (mn) | weight |
|-------|-----------|---------------------|-----------------------|--------|
| vote  | P2        | Members vote        | Санал                 | 1      |
| women | P2        | Women on board      | Эмэгтэйчүүд           | 1      |
| goals | V1        | Goals               | Зорилго               | 1      |
""",
    "scoring": """
| indicator | question | rule         | value                    | weight |
|-----------|----------|--------------|--------------------------|--------|
| vote      | members  | choice       |                          | 1      |
| women     |          | linear 0 0.5 | ${women} div ${board}    | 1      |
| goals     | goals    | choice       |                          | 1      |
""",
    "levels": """
| min | id          | label::English (en) | label::Mongolian (mn) |
|-----|-------------|---------------------|-----------------------|
| 0   | emerging    | Emerging            | Эхлэл                 |
| 40  | developing  | Developing          | Хөгжиж буй            |
| 60  | established | Established         | Тогтсон               |
| 80  | leading     | Leading             | Тэргүүлэгч            |
""",
    "definitions": """
| id     | label::English (en) | label::Mongolian (mn) | rule                                    |
|--------|---------------------|-----------------------|-----------------------------------------|
| strict | Strict              | Хатуу                 | score('P2') >= 50 and score('V1') >= 50 |
""",
    "recommendations": """
| target | below | text::English (en)    | text::Mongolian (mn) | resource |
|--------|-------|-----------------------|----------------------|----------|
| P2     | 50    | Hold member votes.    | Санал хураа.         | M3       |
""",
}


# The BASE method with one error of each kind, in sheets a user would edit (see
# test_method_validation for where each error is reported).
BROKEN = {
    "choices": """
| list_name | name      | label::English (en) | label::Mongolian (mn) | score |
|-----------|-----------|---------------------|-----------------------|-------|
| yn        | yes       | Yes                 | Тийм                  | 1.5   |
| yn        | no        | No                  | Үгүй                  | 0     |
| goals     | community | Community           | Олон нийт             | 0.6   |
| goals     | planet    | Planet              | Байгаль               | 0.6   |
""",
    "indicators": """
| id    | dimension | label::English (en) | label::Mongolian (mn) | weight |
|-------|-----------|---------------------|-----------------------|--------|
| vote  | P2        | Members vote        | Санал                 | 1      |
| women | P9        | Women on board      | Эмэгтэйчүүд           | 1      |
| goals | V1        | Goals               | Зорилго               | heavy  |
""",
    "scoring": """
| indicator | question | rule          | value                   |
|-----------|----------|---------------|-------------------------|
| vote      | members  | choice        |                         |
| women     |          | linear 0 0.5  | ${women} div ${boards}  |
| goals     | goal     | choice        |                         |
| votes     | members  | choice        |                         |
| vote      | board    | between 1 2   |                         |
| vote      | board    | choice        |                         |
| vote      | board    | at_least 3    | ${board} >>> 2          |
""",
    "definitions": """
| id     | label::English (en) | label::Mongolian (mn) | rule                      |
|--------|---------------------|-----------------------|---------------------------|
| strict | Strict              | Хатуу                 | score('P2') >= 50 and score('P7') > 1 |
| loose  | Loose               | Сул                   | score('P2') + 1           |
""",
    "recommendations": """
| target | below | text::English (en) | text::Mongolian (mn) |
|--------|-------|--------------------|----------------------|
| P2     | 50    | Hold votes.        | Санал хураа.         |
| XX     | 50    | Nothing.           | Юу ч үгүй.           |
""",
}


def base_workbook(directory: Path, name: str = "method.xlsx", **changes: str) -> Path:
    """The :data:`BASE` method with some sheets replaced (an empty string drops a sheet)."""
    sheets = {**BASE, **changes}
    return write_workbook(directory, name, **{k: v for k, v in sheets.items() if v})


def markdown_frame(table: str):  # type: ignore[no-untyped-def]
    """A frame of answers from a Markdown table: every cell a string, an empty cell missing."""
    import pandas as pd

    header, *rows = markdown_rows(table)
    return pd.DataFrame(
        [[cell if cell != "" else None for cell in row] for row in rows],
        columns=header,
        dtype=object,
    )
