"""Reports of the findings: the core's document built for one reader, in one language.

The reader's rights decide the edition exactly as on the pages: a reader who may not see small
cells (committee members) gets the survey's guard, so the report hides what the pages hide. Labels
are the pages' (:class:`~solidata.web.findings.presenters.Names` in the report's language).
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from solidata.core.errors import SolidataError
from solidata.core.findings.crosstabs import Findings, Query
from solidata.core.reports.document import Report
from solidata.core.reports.entity_report import DimensionLine, EntityResult, entity_report
from solidata.core.reports.findings_report import FindingsSource, findings_report
from solidata.core.reports.words import words as report_words
from solidata.web.casestudies.selectors import report_boxes
from solidata.web.findings.presenters import Names, words
from solidata.web.findings.selectors import Dataset, survey_dataset
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Survey
from solidata.web.surveys.score_records import score_record
from solidata.web.surveys.selectors import latest_organisation_score, method_of

LANGUAGES = ("mn", "en")


def findings_document(
    *, survey: Survey, dataset: Dataset, lang: str, suppressed: bool, charts_width: float = 6.0
) -> Report:
    """The findings report of ``survey`` in ``lang``; ``suppressed``: small cells hidden."""
    with translation.override(lang):
        names = Names(dataset.data.method, lang)
        findings = Findings(
            dataset.data,
            guard=dataset.guard if suppressed else None,
            weighting=dataset.weighting,
            name=names,
            words=words(),
            order=names.order,
        )
        frame: Any = dataset.weighting.frame if dataset.weighting is not None else None
        return findings_report(
            FindingsSource(
                findings,
                lang=lang,
                survey=survey.local_title,
                country=survey.country_id,
                synthetic=survey.is_synthetic,
                pending=dataset.pending,
                frame_name=getattr(frame, "name", "") or "",
                frame_problem=dataset.frame_problem,
                charts_width=charts_width,
                boxes=tuple(report_boxes(survey, lang)),
            )
        )


def organisation_language(organisation: Organisation) -> str:
    """The first of the organisation's country's languages that reports speak, else English."""
    spoken = [lang for lang in (organisation.country.languages or []) if lang in LANGUAGES]
    return spoken[0] if spoken else "en"


def entity_document(*, organisation: Organisation, lang: str | None = None) -> Report:
    """The organisation's latest scored result beside its peers (small groups always hidden:
    the report is the entity's, it must not reveal another entity's score)."""
    found = latest_organisation_score(organisation)
    if found is None:
        raise SolidataError.of("report.no_result", name=organisation.name)
    lang = lang or organisation_language(organisation)
    survey = found.submission.survey
    method = method_of(found.method)
    record = score_record(found, lang)
    dataset = survey_dataset(survey)
    w = report_words(lang)
    with translation.override(lang):
        names = Names(dataset.data.method, lang)
        findings = Findings(
            dataset.data, guard=dataset.guard, name=names, words=words(), order=names.order
        )
        overview = findings.overview(Query(), [d.id for d in method.dimensions])
    peers = {row.key: row for row in overview.rows}
    keys = [c.key for c in overview.columns]
    levels = {lv.id: method.text(lv.labels, lang) or lv.id for lv in method.levels}
    lines = []
    for d in method.dimensions:
        got = record.get("dimensions", {}).get(d.id, {})
        row = peers.get(d.id)
        cells = dict(zip(keys, row.cells, strict=True)) if row is not None else {}
        median = cells.get("median")
        lines.append(
            DimensionLine(
                label=f"{d.id} {method.text(d.labels, lang) or d.id}",
                score=got.get("score"),
                level=levels.get(got.get("level") or "", w["entity_no_score"]),
                p25=cells["p25"].value if cells else None,
                median=median.value if median is not None else None,
                p75=cells["p75"].value if cells else None,
                peers_hidden=bool(median is not None and median.hidden),
            )
        )
    definitions = tuple(
        (
            method.text(d.labels, lang) or d.id,
            w.get(record.get("definitions", {}).get(d.id, {}).get("result") or "undetermined", ""),
        )
        for d in method.definitions
    )
    recommendations = tuple(r.get("text", "") for r in record.get("recommendations", []))
    return entity_report(
        EntityResult(
            name=organisation.name,
            lang=lang,
            survey=survey.title,
            method=method.title or method.id,
            version=method.version,
            dimensions=tuple(lines),
            definitions=definitions,
            recommendations=tuple(r for r in recommendations if r),
            peers=dataset.data.size,
            synthetic=survey.is_synthetic,
        )
    )
