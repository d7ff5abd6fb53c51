"""Loading the synthetic demonstration data into the database (reference data first)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from solidata.core.demo import DEMO_SEED, synthetic_organisations
from solidata.core.demo_answers import synthetic_answers
from solidata.web.assessments.services import survey_ensure_open_demo
from solidata.web.casestudies.demo import case_studies_ensure_demo
from solidata.web.committee.demo import committee_ensure_demo
from solidata.web.findings.services import sampling_frame_ensure_demo
from solidata.web.registry.models import Organisation
from solidata.web.registry.services import organisations_load_synthetic, reference_load
from solidata.web.surveys.services import (
    method_version_ensure_bundled,
    submissions_load_synthetic,
    submissions_score,
    survey_ensure_demo,
)

DEMO_SURVEY = "mn-demo"


@dataclass
class DemoLoadResult:
    organisations_created: int
    organisations_total: int
    submissions_created: int = 0
    scored: int = 0
    notes: list[str] = field(default_factory=list)


@transaction.atomic
def demo_load(*, seed: int = DEMO_SEED) -> DemoLoadResult:
    """Load reference data, the seeded synthetic organisations, their answers and scores.

    Running it again adds nothing: organisations are keyed by registry id, submissions by instance
    id.
    """
    reference_load()
    orgs = synthetic_organisations(seed=seed)
    created = organisations_load_synthetic(organisations=orgs)
    method = method_version_ensure_bundled()
    survey = survey_ensure_demo(slug=DEMO_SURVEY, method=method)
    survey_ensure_open_demo(method=method)  # where visitors try the web self-assessment
    answers = synthetic_answers(orgs, seed=seed)
    new_submissions = submissions_load_synthetic(survey=survey, organisations=orgs, answers=answers)
    scored = submissions_score(survey=survey) if new_submissions else 0
    sampling_frame_ensure_demo(survey=survey)  # invented population totals, for weighting
    case_studies_ensure_demo(survey=survey)  # three invented rural case studies
    committee_ensure_demo(survey=survey)  # a synthetic working definition for the committee
    total = Organisation.objects.filter(is_synthetic=True).count()
    return DemoLoadResult(
        organisations_created=created,
        organisations_total=total,
        submissions_created=new_submissions,
        scored=scored,
        notes=[f"Synthetic submissions: {new_submissions} new, {scored} scored ({survey.slug})."],
    )
