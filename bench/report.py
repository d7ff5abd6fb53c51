"""Findings report benchmark: the PDF of the 156 demo entities (target under 10 s) and of 100,000
synthetic entities (target under 60 s), each printed with its ratio to rendering the same HTML
without charts (WeasyPrint on the report's HTML with the figures left out), measured in the same
run, for the researchers' (full) and the committee's edition (small cells suppressed: the guard's
decisions are computed from scratch, as on the first page view after the data change). Scoring the
synthetic answers is not timed: the report starts from the survey's data.

    uv run python bench/report.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from solidata.core.findings.crosstabs import Findings
from solidata.core.findings.dataset import CLASSIFIERS, survey_data
from solidata.core.findings.guard import Guard
from solidata.core.method import bundled_method_path, read_method
from solidata.core.reports.findings_report import FindingsSource, findings_report
from solidata.core.reports.naming import findings_words, reference_names
from solidata.core.reports.render import html_pdf, render_html, render_pdf
from workbench import synthetic_survey  # noqa: E402  (bench/ is on the path when run)


def measure(rows: int) -> None:
    answers, groups = synthetic_survey(rows)
    path = bundled_method_path()
    assert path is not None
    data = survey_data(read_method(path), answers, groups)
    for edition in ("full", "committee"):
        guard = Guard(data.groups, variables=CLASSIFIERS, min_count=5)
        timed(data, guard if edition == "committee" else None, rows, edition)


def timed(data: Any, guard: Guard | None, rows: int, edition: str) -> None:
    def report():  # type: ignore[no-untyped-def]
        findings = Findings(
            data, guard=guard, name=reference_names(data.method, "mn"), words=findings_words("mn")
        )
        return findings_report(FindingsSource(findings, lang="mn", survey="bench", synthetic=True))

    start = time.perf_counter()
    doc = report()
    built = time.perf_counter() - start
    start = time.perf_counter()
    pdf = render_pdf(doc)
    drawn = time.perf_counter() - start
    start = time.perf_counter()
    html_pdf(render_html(doc, charts=False))
    plain = time.perf_counter() - start
    full = built + drawn
    print(
        f"{rows:>7} entities, {edition:>9} edition: findings PDF {full:6.2f} s "
        f"(tables {built:5.2f} s, "
        f"charts and PDF {drawn:5.2f} s; {len(pdf) // 1024} KiB, {len(doc.figures)} figures, "
        f"{len(doc.tables)} tables); the same HTML without charts {plain:5.2f} s; "
        f"ratio {full / plain:4.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    for rows in (156, args.rows):
        measure(rows)


if __name__ == "__main__":
    main()
