"""Reports of the findings: the core's document built for one reader, in one language.

The reader's rights decide the edition exactly as on the pages: a reader who may not see small
cells (committee members) gets the survey's guard, so the report hides what the pages hide. Labels
are the pages' (:class:`~solidata.web.findings.presenters.Names` in the report's language).
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from solidata.core.reports.document import Report
from solidata.core.reports.findings_report import FindingsSource, findings_report
from solidata.core.stats.findings import Findings
from solidata.web.findings.presenters import Names, words
from solidata.web.findings.selectors import Dataset
from solidata.web.surveys.models import Survey

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
                survey=survey.title,
                country=survey.country_id,
                synthetic=survey.is_synthetic,
                pending=dataset.pending,
                frame_name=getattr(frame, "name", "") or "",
                frame_problem=dataset.frame_problem,
                charts_width=charts_width,
            )
        )
