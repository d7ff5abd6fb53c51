"""The core stays framework-free: the web and CLI are shells over it; the package imports only
what it declares, and no test support."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
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
            names.update(f"{node.module}.{alias.name}" for alias in node.names)  # maybe modules
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
    sample.write_text("from solidata.core.ingest import exports\n")
    assert "solidata.core.ingest.exports" in imported_modules(sample)


# Each core module imported first, in an interpreter where no solidata module is loaded yet (as a
# script or a notebook does), then whether any of them loaded Django. Importing one first is what
# finds an import cycle: `import solidata.core.scoring` failed while the tests, which happened to
# import the method first, passed.
FIRST_IMPORTS = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "solidata" or m.startswith("solidata.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except ImportError as error:
        failed.append(f"{name}: {error}")
print("\\n".join(failed) or "none failed")
print("django" in sys.modules)
"""


def core_modules() -> list[str]:
    return sorted(
        ("solidata.core." + ".".join(p.relative_to(CORE).with_suffix("").parts))
        .removesuffix(".__init__")
        .rstrip(".")
        for p in CORE.rglob("*.py")
    )


def first_imports(modules: list[str]) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", FIRST_IMPORTS, *modules], capture_output=True, text=True, check=True
    )
    return out.stdout.splitlines()


def test_every_core_module_imports_first_and_none_loads_django() -> None:
    modules = core_modules()
    assert len(modules) > 80 and "solidata.core.scoring" in modules
    assert first_imports(modules) == ["none failed", "False"]


def test_the_first_import_check_names_a_module_that_cannot_be_imported_first(
    tmp_path: Path,
) -> None:
    package = tmp_path / "cycle"
    package.mkdir()
    (package / "__init__.py").write_text("from cycle.b import B\nA = 1\n")
    (package / "b.py").write_text("from cycle import A\nB = A\n")
    code = f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n" + FIRST_IMPORTS
    out = subprocess.run(
        [sys.executable, "-c", code, "cycle"], capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines()[0].startswith("cycle: cannot import name 'A'")


def test_the_generic_survey_statistics_never_import_solidatas_findings() -> None:
    stats = CORE / "stats"
    offenders = {
        str(path.relative_to(CORE)): sorted(
            m for m in imported_modules(path) if m.startswith("solidata.core.findings")
        )
        for path in stats.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


# --- what the package imports is what it declares ------------------------------------------------

SRC = CORE.parent
PYPROJECT = SRC.parent.parent / "pyproject.toml"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_distributions(pyproject: Path = PYPROJECT) -> set[str]:
    """The distributions named in [project.dependencies], canonicalised (PEP 503)."""
    project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
    names = (re.match(r"[A-Za-z0-9._-]+", spec) for spec in project["dependencies"])
    return {_canonical(m.group(0)) for m in names if m}


def undeclared_imports(root: Path, declared: set[str]) -> dict[str, list[str]]:
    """Each third-party top-level module imported under ``root`` whose distribution is not among
    ``declared``, with the files importing it (a module no installed distribution provides
    counts as undeclared)."""
    provided = importlib.metadata.packages_distributions()
    offenders: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if top in sys.stdlib_module_names or top in ("__future__", "solidata"):
                continue
            if not {_canonical(d) for d in provided.get(top, [])} & declared:
                offenders.setdefault(top, []).append(str(path.relative_to(root)))
    return offenders


def test_every_third_party_module_the_package_imports_is_a_declared_dependency() -> None:
    # pyarrow and numpy once arrived only through pandas; xlsxwriter writes the findings report's
    # XLSX (core/reports/render_xlsx.py), so it is a runtime dependency too
    assert undeclared_imports(SRC, declared_distributions()) == {}


def test_the_dependency_check_names_an_import_that_is_not_declared(tmp_path: Path) -> None:
    (tmp_path / "sample.py").write_text("import pyarrow.compute\nimport hypothesis\nimport os\n")
    declared = declared_distributions()
    assert "pyarrow" in declared
    assert undeclared_imports(tmp_path, declared) == {"hypothesis": ["sample.py"]}  # a dev tool
    assert set(undeclared_imports(tmp_path, declared - {"pyarrow"})) == {"pyarrow", "hypothesis"}


def test_the_test_support_export_writers_are_not_shipped_nor_imported_by_the_package() -> None:
    assert not (CORE / "ingest" / "exports.py").exists()
    offenders = {
        str(path.relative_to(SRC)): hits
        for path in SRC.rglob("*.py")
        if (
            hits := sorted(
                m
                for m in imported_modules(path)
                if m.split(".")[0] == "export_writers" or m == "solidata.core.ingest.exports"
            )
        )
    }
    assert offenders == {}
