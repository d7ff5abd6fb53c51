"""The demo survey as the findings read it, built once for the core findings tests.

Source: the seeded synthetic organisations and answers of ``solidata demo`` (156 entities, bundled
method "SSE self-assessment (ILO 2022)"); invented, not the Mongolian survey.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from solidata.core.demo import synthetic_organisations
from solidata.core.demo_answers import synthetic_answers
from solidata.core.findings.dataset import CLASSIFIERS, SurveyData, survey_data
from solidata.core.method import bundled_method_path, read_method


@cache
def demo_data() -> SurveyData:
    path = bundled_method_path()
    assert path is not None
    orgs = synthetic_organisations()
    answers = synthetic_answers(orgs)
    groups = pd.DataFrame(
        {
            "instance_id": answers["instance_id"],
            **{c: [getattr(o, c) for o in orgs] for c in CLASSIFIERS},
        }
    )
    labels = dict(zip(answers["instance_id"], [o.name for o in orgs], strict=True))
    return survey_data(read_method(path), answers.astype("string"), groups, labels=labels)
