"""A version of a working definition as a document for law drafting, in DOCX and PDF.

One document holds both languages side by side: the title, the status and the decision, the
preamble, then numbered clauses (Clause 1 / Заалт 1), each with its wording in English and in
Mongolian, the ILO principle or value it keeps and its rule. The words of the document itself
are fixed here in both languages rather than taken from the interface's language, so that the
file is the same whoever downloads it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string

from solidata.web.committee.models import Decision, DefinitionVersion
from solidata.web.committee.services import method_for

# (English, Mongolian): the export prints both, whatever the reader's language.
BILINGUAL_WORDS = {
    "clause": ("Clause", "Заалт"),
    "preamble": ("Preamble", "Удиртгал"),
    "keeps": ("Keeps", "Хадгалах зарчим, үнэт зүйл"),
    "rule": ("Rule over the survey data", "Судалгааны өгөгдөлд тавих шалгуур"),
    "version": ("Version", "Хувилбар"),
    "draft": ("DRAFT: not adopted", "ТӨСӨЛ: батлагдаагүй"),
    "adopted": ("Adopted", "Баталсан"),
    "superseded": ("Superseded", "Хүчингүй болсон"),
    "decided": ("Decided by", "Шийдвэр гаргасан"),
    "synthetic": ("Synthetic demonstration", "Жишээ (зохиомол) өгөгдөл"),
}


@dataclass(frozen=True)
class Article:
    number: int
    text_en: str
    text_mn: str
    keeps: str
    keeps_en: str
    keeps_mn: str
    rule: str


@dataclass(frozen=True)
class Document:
    title_en: str
    title_mn: str
    number: int
    status: str
    decision: str
    synthetic: bool
    preamble_en: str
    preamble_mn: str
    articles: tuple[Article, ...]

    def status_words(self) -> tuple[str, str]:
        return BILINGUAL_WORDS[self.status]


def document_of(version: DefinitionVersion) -> Document:
    method = method_for(version)
    names = {d.id: d for d in method.dimensions}
    articles = []
    for c in version.clauses.all():
        d = names.get(c.keeps)
        articles.append(
            Article(
                number=c.order,
                text_en=c.text_en,
                text_mn=c.text_mn,
                keeps=c.keeps,
                keeps_en=(d.labels.get("en", "") if d else ""),
                keeps_mn=(d.labels.get("mn", "") if d else ""),
                rule=c.rule,
            )
        )
    decided = (
        version.decisions.filter(outcome=Decision.Outcome.ADOPTED).order_by("-decided_on").first()
    )
    decision = f"{decided.decided_by}, {decided.decided_on.isoformat()}" if decided else ""
    definition = version.definition
    return Document(
        title_en=definition.title_en,
        title_mn=definition.title_mn,
        number=version.number,
        status=version.status,
        decision=decision,
        synthetic=definition.is_synthetic,
        preamble_en=version.text_en,
        preamble_mn=version.text_mn,
        articles=tuple(articles),
    )


def version_docx(version: DefinitionVersion) -> bytes:
    """The version as a Word document (python-docx): a two-column table per clause."""
    from docx import Document as Docx
    from docx.shared import Pt

    doc = document_of(version)
    out = Docx()
    out.add_heading(doc.title_mn, level=0)
    out.add_heading(doc.title_en, level=1)
    en, mn = doc.status_words()
    version_en, version_mn = BILINGUAL_WORDS["version"]
    line = f"{version_mn} {doc.number} — {mn} / {version_en} {doc.number} — {en}"
    out.add_paragraph(line)
    if doc.decision:
        out.add_paragraph(
            f"{BILINGUAL_WORDS['decided'][1]} / {BILINGUAL_WORDS['decided'][0]}: {doc.decision}"
        )
    if doc.synthetic:
        out.add_paragraph(f"{BILINGUAL_WORDS['synthetic'][1]} / {BILINGUAL_WORDS['synthetic'][0]}")
    rows = [
        (
            (BILINGUAL_WORDS["preamble"][1], doc.preamble_mn),
            (BILINGUAL_WORDS["preamble"][0], doc.preamble_en),
        )
    ]
    for a in doc.articles:
        rows.append(
            (
                (f"{BILINGUAL_WORDS['clause'][1]} {a.number}", a.text_mn),
                (f"{BILINGUAL_WORDS['clause'][0]} {a.number}", a.text_en),
            )
        )
    table = out.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for k, ((head_mn, text_mn), (head_en, text_en)) in enumerate(rows):
        cells = table.add_row().cells
        for cell, head, text in ((cells[0], head_mn, text_mn), (cells[1], head_en, text_en)):
            cell.paragraphs[0].add_run(head).bold = True
            cell.add_paragraph(text)
            if k > 0:
                a = doc.articles[k - 1]
                mn_side = cell is cells[0]
                keeps = a.keeps_mn if mn_side else a.keeps_en
                label = BILINGUAL_WORDS["keeps"][1 if mn_side else 0]
                cell.add_paragraph(f"{label}: {a.keeps} {keeps}").runs[0].font.size = Pt(9)
    out.add_heading(f"{BILINGUAL_WORDS['rule'][1]} / {BILINGUAL_WORDS['rule'][0]}", level=2)
    for a in doc.articles:
        p = out.add_paragraph(f"{a.number}. ")
        run = p.add_run(a.rule)
        run.font.name = "Courier New"
        run.font.size = Pt(9)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def version_pdf(version: DefinitionVersion) -> bytes:
    """The version as PDF (WeasyPrint, fonts of the system: Noto covers Cyrillic)."""
    from weasyprint import HTML

    doc = document_of(version)
    html = render_to_string("committee/export.html", {"doc": doc, "words": BILINGUAL_WORDS})
    return bytes(HTML(string=html).write_pdf())
