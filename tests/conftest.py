from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# One thread per test process, set before numpy, pyarrow or polars is imported (none is yet):
# pytest-xdist already runs a process per core, and each library's own pool of one thread per
# core on top of that made the processes fight over the same cores -- a busy machine's linear
# algebra and survey estimates ran several times slower. A variable already set is kept.
for _pool in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "POLARS_MAX_THREADS"):
    os.environ.setdefault(_pool, "1")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

import demo_snapshot  # noqa: E402


def is_transactional(request: pytest.FixtureRequest) -> bool:
    """Whether the test commits (and pytest-django flushes the tables after it), as pytest-django
    decides it."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    names = request.fixturenames
    return any(n in names for n in ("transactional_db", "live_server", "django_db_reset_sequences"))


@pytest.fixture(autouse=True)
def _nothing_cached_from_another_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Per-process caches start empty: the findings' datasets (keyed by survey) and Django's cache
    (sign-in throttles, assessment limits). A test that flushed the tables drops the demo
    snapshot, which no longer matches them. The findings' guards are kept: each is found by the
    whole classification it protects (checked, not only hashed), so it cannot be another's."""
    findings = sys.modules.get("solidata.web.findings.selectors")
    if findings is not None:
        findings._cache.clear()
    if "django.core.cache" in sys.modules:
        from django.core.cache import cache

        cache.clear()
    yield
    if is_transactional(request):
        demo_snapshot.forget()


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Path]:
    """The bundled method, 40 SYNTHETIC submissions, and a folder with them in every layout (but
    Windows-1251, which has no Mongolian Ө and Ү): written once per test process, read by the
    ingest and the import tests."""
    import export_writers as ex

    folder = tmp_path_factory.mktemp("synthetic-layouts")
    method, subs = ex.synthetic_submissions(40)
    for variant in ex.VARIANTS:
        if variant.encoding != "cp1251":  # no Mongolian Ө and Ү in Windows-1251
            ex.write_variant(variant, subs, method, folder, form_id=method.id)
    return method, subs, folder


@pytest.fixture
def demo_db(request: pytest.FixtureRequest, db: None) -> object:
    """The database with reference data and the synthetic demo organisations loaded (loaded once
    per test process, then replayed into each test's transaction: see demo_snapshot)."""
    return demo_snapshot.demo(transactional=is_transactional(request))


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


def pytest_collection_finish(session: pytest.Session) -> None:
    """Fewer garbage collections in the test processes: the modules, Django and the libraries
    loaded by collection are frozen out of the collector's scans, and a collection starts after
    100,000 new objects rather than 700. The suite's many short-lived frames made the default
    collector scan the whole heap again and again; this took the fast run from 71 s to 63 s on
    2 cores; a test process then peaks at 1.1 GB. Nothing is left uncollected:
    the collector runs, less often."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 100, 100)
