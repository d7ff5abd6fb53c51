"""A report as a typed document: sections of paragraphs, numbered figures and numbered tables.

Builders (:mod:`solidata.core.reports.findings_report`, :mod:`solidata.core.reports.entity_report`)
make a :class:`Report` from the findings data; renderers turn the same document into HTML, PDF,
DOCX or XLSX, so every format has the same numbers, captions and hidden cells. Table cells are
already text in the report's language (with the number kept for spreadsheets); a hidden cell is
``x`` and has no number.

Example::

    >>> doc = Numbering("en")
    >>> rows = [[text("Cooperative"), count(12, "en")]]
    >>> t = doc.table("t", "Entities", ("Type", "Entities"), rows)
    >>> t.number, t.label
    (1, 'Table 1')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from solidata.core.reports.charts import Chart
from solidata.core.reports.words import number, words


@dataclass(frozen=True)
class TextCell:
    """One cell as shown: text, the number behind it (None: text or hidden), whether hidden."""

    text: str
    value: float | None = None
    hidden: bool = False
    numeric: bool = True
    kind: str = "count"  # count, total, share or score: how a spreadsheet formats ``value``


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "text"  # text, notice (boxed) or note (small)


@dataclass(frozen=True)
class Items:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class TableBlock:
    id: str
    number: int
    label: str  # "Table 3"
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[TextCell, ...], ...]  # the first cell of a row is its label
    notes: tuple[str, ...] = ()
    total_last: bool = True  # the last row is a total (set in bold)


@dataclass(frozen=True)
class Figure:
    id: str
    number: int
    label: str  # "Figure 2"
    caption: str
    chart: Chart
    alt: str  # the text alternative: what the figure shows, in words
    table: str = ""  # the label of the table that gives the same numbers


@dataclass(frozen=True)
class Heading:
    text: str


Block = Paragraph | Items | TableBlock | Figure | Heading


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Report:
    lang: str
    title: str
    subtitle: str
    cover: tuple[Paragraph, ...]  # notices on the cover: synthetic data, the edition
    sections: tuple[Section, ...]
    words: dict[str, str] = field(default_factory=dict)
    compact: bool = False  # one or two pages: no contents, sections run on

    @property
    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    @property
    def tables(self) -> list[TableBlock]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, TableBlock)]


class Numbering:
    """Numbers figures and tables in the order they are made, labelled in ``lang``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.words = words(lang)
        self.figures = 0
        self.tables = 0

    def table(
        self,
        table_id: str,
        caption: str,
        header: Sequence[str],
        rows: Iterable[Sequence[TextCell]],
        notes: Sequence[str] = (),
        *,
        total_last: bool = True,
    ) -> TableBlock:
        self.tables += 1
        return TableBlock(
            table_id,
            self.tables,
            self.words["table"].format(n=self.tables),
            caption,
            tuple(header),
            tuple(tuple(r) for r in rows),
            tuple(notes),
            total_last,
        )

    def figure(
        self, figure_id: str, caption: str, chart: Chart, alt: str, table: str = ""
    ) -> Figure:
        self.figures += 1
        label = self.words["figure"].format(n=self.figures)
        return Figure(figure_id, self.figures, label, caption, chart, alt, table)


def text(value: str) -> TextCell:
    return TextCell(value, numeric=False)


def count(value: float | None, lang: str, kind: str = "count", hidden: bool = False) -> TextCell:
    """A number cell in ``lang``; hidden: ``x``."""
    if hidden:
        return TextCell("x", None, True, True, kind)
    return TextCell(number(value, kind, lang), value, False, True, kind)
