"""The core stays framework-free: the web and CLI are shells over it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "src" / "solidata" / "core"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_core_module_imports_django() -> None:
    offenders = {
        str(path.relative_to(CORE)): sorted(
            m for m in imported_modules(path) if m.split(".")[0] == "django"
        )
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_finds_a_django_import_when_there_is_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from django.db import models\nimport os\n")
    assert "django.db" in imported_modules(sample)


def test_importing_every_core_module_loads_no_django() -> None:
    modules = sorted(
        "solidata.core."
        + ".".join(p.relative_to(CORE).with_suffix("").parts).removesuffix(".__init__")
        for p in CORE.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.rstrip('.'))\n"
        "print('django' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_generic_survey_statistics_never_import_solidatas_findings() -> None:
    stats = CORE / "stats"
    offenders = {
        str(path.relative_to(CORE)): sorted(
            m for m in imported_modules(path) if m.startswith("solidata.core.findings")
        )
        for path in stats.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
