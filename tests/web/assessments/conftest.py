from __future__ import annotations

import pytest

from solidata.core.method import Method


@pytest.fixture
def open_survey(db):  # type: ignore[no-untyped-def]
    """Reference data and the open web survey of the bundled method (no organisations)."""
    from solidata.web.assessments.services import survey_ensure_open_demo
    from solidata.web.registry.services import reference_load
    from solidata.web.surveys.services import method_version_ensure_bundled

    reference_load()
    return survey_ensure_open_demo(method=method_version_ensure_bundled())


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
