from __future__ import annotations

from pathlib import Path

import pytest

import export_writers as ex
from solidata.core.ingest import ImportResult
from solidata.core.method import Method

DATA = Path(__file__).resolve().parents[2] / "data" / "ingest"


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Method, ImportResult, Path]:
    """The bundled method, 40 SYNTHETIC submissions, and a folder with them in every layout."""
    folder = tmp_path_factory.mktemp("synthetic-layouts")
    method, subs = ex.synthetic_submissions(40)
    for variant in ex.VARIANTS:
        if variant.encoding != "cp1251":  # no Mongolian Ө and Ү in Windows-1251
            ex.write_variant(variant, subs, method, folder, form_id=method.id)
    return method, subs, folder


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
