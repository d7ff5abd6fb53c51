from __future__ import annotations

import pytest

from solidata.core.method import Method


@pytest.fixture
def demo_survey(demo_db):  # type: ignore[no-untyped-def]
    """The demo data (156 scored synthetic organisations) and its open web survey."""
    from solidata.web.assessments.services import OPEN_DEMO_SURVEY
    from solidata.web.surveys.models import Survey

    return Survey.objects.get(slug=OPEN_DEMO_SURVEY)


@pytest.fixture
def bundled(open_survey) -> Method:  # type: ignore[no-untyped-def]
    from solidata.web.surveys.selectors import method_of

    return method_of(open_survey.method)
