"""Two people pressing at the same moment: one adoption, one new draft (PostgreSQL only)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from personas import personas
from solidata.core.errors import SolidataError
from solidata.web.committee import services
from solidata.web.committee.models import Decision, DefinitionVersion

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(work: Callable[[], Any], times: int = 4) -> list[Any]:
    barrier = threading.Barrier(times)
    results: list[Any] = []

    def run() -> None:
        try:
            barrier.wait()
            results.append(work())
        except SolidataError as error:
            results.append(error.codes)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_adopting_at_once_adopts_once_and_new_drafts_at_once_make_one_draft() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("two connections writing at once need PostgreSQL")
    from solidata.web.demo_data import demo_load

    demo_load()
    people = personas()
    draft = DefinitionVersion.objects.get(definition__is_synthetic=True, number=1)
    adopted = at_once(
        lambda: (
            services.version_adopt(
                version=draft, by=people.admin, decided_by="Хурал", decided_on=dt.date(2026, 12, 4)
            ).pk
        )
    )
    assert sorted(map(str, adopted)) == sorted(
        [str(draft.pk)] + [str(["committee.version_frozen"])] * 3
    )
    assert Decision.objects.filter(outcome="adopted").count() == 1
    drafts = at_once(lambda: services.version_new_draft(source=draft, by=people.researcher).pk)
    assert len(set(drafts)) == 1
    assert DefinitionVersion.objects.filter(definition=draft.definition).count() == 2
