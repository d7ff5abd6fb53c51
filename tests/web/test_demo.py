"""`solidata demo` sets up a data directory once and reuses it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from solidata.web.demo_data import demo_load
from solidata.web.registry.models import AdminArea, Organisation

SOLIDATA = [sys.executable, "-m", "solidata.cli"]


@pytest.mark.django_db
def test_loading_the_demo_twice_creates_no_duplicates() -> None:
    first = demo_load()
    second = demo_load()
    assert (first.organisations_created, second.organisations_created) == (156, 0)
    assert Organisation.objects.count() == 156
    assert Organisation.objects.filter(is_synthetic=True).count() == 156
    assert AdminArea.objects.filter(country="MN").count() == 22


def run_demo(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOLIDATA_HOME", "DB", "DATABASE_URL")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [*SOLIDATA, "demo", "--no-serve", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )


@pytest.mark.slow
def test_the_demo_command_twice_keeps_the_data_and_prints_no_new_password(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run_demo(data)
    assert "password:" in first.stdout
    assert "156 organisations (156 new)" in first.stdout
    assert (data / "solidata.sqlite3").exists() and (data / "secret_key").exists()
    key = (data / "secret_key").read_text()
    second = run_demo(data)
    assert "password:" not in second.stdout
    assert "156 organisations (0 new)" in second.stdout
    assert (data / "secret_key").read_text() == key
    assert oct((data / "secret_key").stat().st_mode & 0o777) == "0o600"
