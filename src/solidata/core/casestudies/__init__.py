"""Case studies: cleaning their photos, and the boxes a findings report shows of them.

The web app (``solidata.web.casestudies``) stores case studies; this package holds what needs no
database: :func:`clean_photo` (metadata and location stripped, re-encoded, limits enforced) and
:func:`case_study_boxes` (what a report prints of each case study, in one language).
"""

from __future__ import annotations

from solidata.core.casestudies.boxes import (
    CODE_LISTS,
    CaseStudyBox,
    CaseStudyRecord,
    QuoteRecord,
    case_study_boxes,
)
from solidata.core.casestudies.photos import CleanPhoto, clean_photo

__all__ = [
    "CODE_LISTS",
    "CaseStudyBox",
    "CaseStudyRecord",
    "CleanPhoto",
    "QuoteRecord",
    "case_study_boxes",
    "clean_photo",
]
