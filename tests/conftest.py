from __future__ import annotations

import pytest


@pytest.fixture
def demo_db(db):  # type: ignore[no-untyped-def]
    """The database with reference data and the synthetic demo organisations loaded."""
    from solidata.web.demo_data import demo_load

    return demo_load()


@pytest.fixture
def open_survey(db):  # type: ignore[no-untyped-def]
    """Reference data and the open web survey of the bundled method (no organisations)."""
    from solidata.web.assessments.services import survey_ensure_open_demo
    from solidata.web.registry.services import reference_load
    from solidata.web.surveys.services import method_version_ensure_bundled

    reference_load()
    return survey_ensure_open_demo(method=method_version_ensure_bundled())
