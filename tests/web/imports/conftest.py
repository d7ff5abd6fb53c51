from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "ingest"


@pytest.fixture
def survey(db):  # type: ignore[no-untyped-def]
    """An empty Mongolian survey on the bundled method, with the reference data loaded."""
    from solidata.web.registry.services import reference_load
    from solidata.web.surveys.models import Survey
    from solidata.web.surveys.services import method_version_ensure_bundled

    reference_load()
    return Survey.objects.create(
        slug="mn-2023",
        title="SSE self-assessment 2023",
        country_id="MN",
        method=method_version_ensure_bundled(),
    )


@pytest.fixture
def coop_survey(survey):  # type: ignore[no-untyped-def]
    """A survey on the small coop test method (repeats, groups, constraints)."""
    from solidata.web.surveys.models import Survey
    from solidata.web.surveys.services import method_version_store

    version = method_version_store(workbook=(DATA / "coop" / "method.xlsx").read_bytes())
    return Survey.objects.create(slug="coop", title="Coop check", country_id="MN", method=version)
