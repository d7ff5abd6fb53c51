"""`solidata` run as users run it, in a subprocess against a SQLite data directory: the
environment it gets, a run to completion, a started process, and the demo data directory
prepared once and copied for each test. Shared by the import CLI and load tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def environment(**extra: str) -> dict[str, str]:
    """This process's environment without Django, database and Solidata settings; SQLite."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DB", "SOLIDATA_"))}
    env.update({"DB": "sqlite", **extra})
    return env


def solidata(*args: str, timeout: float, **env: str) -> subprocess.CompletedProcess[str]:
    """`solidata ARGS` run to its end (at most ``timeout`` seconds), output captured."""
    return subprocess.run(
        [sys.executable, "-m", "solidata.cli", *args],
        capture_output=True,
        text=True,
        env=environment(**env),
        timeout=timeout,
    )


def solidata_process(*args: str, **env: str) -> subprocess.Popen[str]:
    """`solidata ARGS` started, its stdout and stderr piped as text."""
    return subprocess.Popen(
        [sys.executable, "-m", "solidata.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(**env),
    )


def demo_home(tmp_path_factory: pytest.TempPathFactory, name: str, *, timeout: float) -> Path:
    """A data directory with the demo data (`solidata demo --no-serve`)."""
    home = tmp_path_factory.mktemp(name) / "data"
    done = solidata("demo", "--no-serve", "--data-dir", str(home), timeout=timeout)
    assert done.returncode == 0, done.stderr
    return home


def copy_of(prepared: Path, tmp_path: Path) -> Path:
    """A copy of the data directory ``prepared`` for one test."""
    copy = tmp_path / "data"
    shutil.copytree(prepared, copy)
    return copy
