"""The production settings pass Django's deployment checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path: Path) -> None:
    # Nothing from the test run leaks in (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOLIDATA_", "DB", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="solidata.web.settings",
        SOLIDATA_HOME=str(tmp_path),
        SOLIDATA_SECURE="1",
        SOLIDATA_ALLOWED_HOSTS="solidata.example.org",
    )
    out = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout
