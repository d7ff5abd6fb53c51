from __future__ import annotations

import pytest


@pytest.fixture
def demo_db(db):  # type: ignore[no-untyped-def]
    """The database with reference data and the synthetic demo organisations loaded."""
    from solidata.web.demo_data import demo_load

    return demo_load()
