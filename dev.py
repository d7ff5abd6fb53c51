#!/usr/bin/env python3
"""Set up Solidata's environment and run it, with nothing but python3 and pip on the machine.

    python3 dev.py demo [solidata demo options]   # set up, then run the demo site
    python3 dev.py test [pytest options]          # set up, then ruff, mypy and the whole test suite

Setting up: uv (the package manager) is installed with pip into .tools/ when it is not on the PATH,
then `uv sync --frozen --compile-bytecode` builds .venv/ from the committed lock file (compiled
once, so no process of the test run compiles a library on its first import). The test command runs
the suite on SQLite and, when SOLIDATA_TEST_DATABASE_URL names a PostgreSQL server, again on
PostgreSQL, in one worker process per core (pytest-xdist) unless the options choose. On SQLite the
test tables are built from the models; on PostgreSQL by applying the migrations.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
UV_VERSION = "0.13.9"
BIN = "Scripts" if os.name == "nt" else "bin"
# pytest keeps each test module with its asserts rewritten, and Python each of Solidata's modules,
# compiled in __pycache__ for the next run (collection took 7.4 s without, 4.5 s with), even where
# the environment asks Python not to write bytecode.
BYTECODE = {"PYTHONDONTWRITEBYTECODE": ""}


def say(text: str) -> None:
    print(f"\n== {text}", flush=True)


def run(args: list[str], env: dict[str, str] | None = None) -> int:
    """Run ``args`` in the checkout; ``env`` adds to the environment (a value of "" unsets)."""
    merged = {**os.environ, **(env or {})}
    return subprocess.call(args, cwd=ROOT, env={k: v for k, v in merged.items() if v != ""})


def uv() -> str:
    """The uv executable: from the PATH, or installed once into .tools/ with pip."""
    found = shutil.which("uv")
    local = TOOLS / BIN / "uv"
    if found:
        return found
    if not local.exists():
        say(f"installing uv {UV_VERSION} into {TOOLS.name}/")
        venv.create(TOOLS, with_pip=True)
        pip = [str(TOOLS / BIN / "python"), "-m", "pip", "install", "--quiet"]
        if run([*pip, f"uv=={UV_VERSION}"]) != 0:
            sys.exit("error: could not install uv with pip; check access to the package index")
    return str(local)


def sync(*, dev: bool) -> None:
    say("setting up .venv from uv.lock")
    args = [uv(), "sync", "--frozen", "--compile-bytecode", "--python", sys.executable]
    if not dev:
        args.append("--no-dev")
    if run(args, env={"UV_PYTHON_DOWNLOADS": "never"}) != 0:
        sys.exit("error: uv sync failed (see above)")


def venv_bin(name: str) -> str:
    return str(ROOT / ".venv" / BIN / name)


def demo(args: list[str]) -> int:
    sync(dev=False)
    say("solidata demo " + " ".join(args))
    return run([venv_bin("solidata"), "demo", *args])


def pytest_args(args: list[str]) -> list[str]:
    """``args``, with one worker process per core unless they choose (-n, -p no:xdist).

    Workers steal tests from each other (``--dist worksteal``): each starts with a contiguous
    share, so a module's fixtures are set up by one worker, and an idle worker takes the rest of
    a busy one's. On 2 cores the fast run took 59 s this way against 64 s with ``--dist load``."""
    chosen = any(
        a in ("-n", "--numprocesses", "no:xdist") or a.startswith(("-n", "--numprocesses="))
        for a in args
    )
    return args if chosen else ["-n", "auto", "--dist", "worksteal", *args]


def test(args: list[str]) -> int:
    sync(dev=True)
    args = pytest_args(args)
    failures = []
    steps: list[tuple[str, list[str], dict[str, str]]] = [
        (
            "ruff check",
            [
                venv_bin("ruff"),
                "check",
                "src",
                "tests",
                "bench",
                "scripts",
                "dev.py",
                "conftest.py",
            ],
            {},
        ),
        (
            "ruff format --check",
            [venv_bin("ruff"), "format", "--check", "src", "tests", "bench", "conftest.py"],
            {},
        ),
        # Strict on all of src/solidata; the web layer through the django-stubs plugin.
        ("mypy (strict, with django-stubs)", [venv_bin("mypy"), "src/solidata"], {}),
        # SQLite builds the test tables from the models (tests/web/test_migrations.py keeps the
        # migrations equal to them); the PostgreSQL run and `solidata demo` apply the migrations.
        (
            "pytest on SQLite",
            [venv_bin("pytest"), "--no-migrations", *args],
            {"DB": "sqlite", **BYTECODE},
        ),
    ]
    pg_url = os.environ.get("SOLIDATA_TEST_DATABASE_URL")
    if pg_url:
        steps.append(
            (
                "pytest on PostgreSQL",
                [venv_bin("pytest"), *args],
                {"DB": "postgres", "DATABASE_URL": pg_url, **BYTECODE},
            )
        )
    for title, cmd, env in steps:
        say(title)
        if run(cmd, env=env) != 0:
            failures.append(title)
    if not pg_url:
        say("PostgreSQL run skipped: set SOLIDATA_TEST_DATABASE_URL (CI does, see .ci/run)")
    say("failed: " + ", ".join(failures) if failures else "all checks passed")
    return 1 if failures else 0


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("demo", "test"):
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    return demo(rest) if command == "demo" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
