from __future__ import annotations

import pytest
from hypothesis import settings


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


# Property tests (Hypothesis) are deterministic: the same examples on every run and machine, no
# example database left behind, and no per-example deadline on a busy CI runner.
settings.register_profile(
    "solidata", derandomize=True, database=None, deadline=None, max_examples=100
)
settings.load_profile("solidata")
