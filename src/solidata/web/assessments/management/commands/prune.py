"""``solidata manage prune``: delete what is no longer wanted, for a daily cron job.

- unsubmitted self-assessments without an account, untouched for SOLIDATA_DRAFT_DAYS days;
- the staged rows of imports that were killed (the next import would discard them too).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from solidata.web.assessments.services import drafts_prune
from solidata.web.imports.staging import runs_discard_dead


class Command(BaseCommand):
    help = (
        "Delete abandoned anonymous self-assessment drafts and the staged rows of killed imports. "
        "Example: solidata manage prune"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        before = timezone.now() - datetime.timedelta(days=int(settings.SOLIDATA_DRAFT_DAYS))
        drafts = drafts_prune(before=before)
        runs = runs_discard_dead()
        self.stdout.write(
            f"Deleted {drafts} abandoned anonymous drafts; discarded {len(runs)} killed imports."
        )
