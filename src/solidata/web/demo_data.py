"""Loading the synthetic demonstration data into the database (reference data first)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from solidata.core.demo import DEMO_SEED, synthetic_organisations
from solidata.web.registry.models import Organisation
from solidata.web.registry.services import organisations_load_synthetic, reference_load

DEMO_SURVEY = "mn-demo"


@dataclass
class DemoLoadResult:
    organisations_created: int
    organisations_total: int
    notes: list[str] = field(default_factory=list)


@transaction.atomic
def demo_load(*, seed: int = DEMO_SEED) -> DemoLoadResult:
    """Load reference data and the seeded synthetic organisations; running it again adds nothing."""
    from solidata.web.surveys.services import survey_ensure_demo

    reference_load()
    orgs = synthetic_organisations(seed=seed)
    created = organisations_load_synthetic(organisations=orgs)
    survey_ensure_demo(slug=DEMO_SURVEY)
    total = Organisation.objects.filter(is_synthetic=True).count()
    return DemoLoadResult(organisations_created=created, organisations_total=total)
