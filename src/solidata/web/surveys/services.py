"""Writes to surveys and submissions."""

from __future__ import annotations

import datetime

from django.db import transaction

from solidata.web.surveys.models import Survey

DEMO_METHOD_ID = "sse_ilo_2022"
DEMO_METHOD_VERSION = "2026.1"


@transaction.atomic
def survey_ensure_demo(*, slug: str) -> Survey:
    """The synthetic demo campaign in Mongolia (created once, left as the user edited it)."""
    survey, _ = Survey.objects.get_or_create(
        slug=slug,
        defaults={
            "title": "Synthetic demo: SSE self-assessment, Mongolia",
            "country_id": "MN",
            "method_id": DEMO_METHOD_ID,
            "method_version": DEMO_METHOD_VERSION,
            "period_start": datetime.date(2023, 3, 1),
            "period_end": datetime.date(2023, 6, 30),
            "status": Survey.Status.CLOSED,
            "description": "Invented answers for demonstration; not the real Mongolian survey.",
            "is_synthetic": True,
        },
    )
    return survey
