"""Benchmark: import large KoboToolbox exports of the bundled method into SQLite, scoring included.

Targets (issue 4): a 50,000-row KoboToolbox XLSX export imports in under 2x the time
``pandas.read_excel`` takes to read the same file; a 1,000,000-row KoboToolbox CSV export in under
4x ``pandas.read_csv`` (both measured in the same run, on the same file).

    uv run python bench/ingest.py [--xlsx-rows N] [--csv-rows N] [--repeat N] [--keep DIR]

The exports hold the bundled method's SYNTHETIC demo answers, repeated with new instance ids and
submission times, in KoboToolbox's default layout (XML names, select_multiple as a summary column
and 0/1 columns, metadata columns). They are written once into --keep (default: a folder in the
temporary directory) and reused. Each import goes into an empty survey of a fresh SQLite data
directory, through the same service as `solidata import`: read, compare, store, match
organisations, score, in one transaction. Each step runs --repeat times (default 1; the fastest is
kept, as other processes on the machine can only add time). `--xlsx-rows 0` or `--csv-rows 0`
skips a file.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


def export(path: Path, rows: int) -> Path:
    """The bundled method's synthetic answers, repeated to ``rows`` rows, as a Kobo export."""
    from solidata.core.ingest import exports as ex

    if path.exists():
        return path
    method, subs = ex.synthetic_submissions()
    frame = subs.frame()
    frame = frame.iloc[np.arange(rows) % len(frame)].reset_index(drop=True)
    space = uuid.UUID("6b7f0c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b")
    frame["instance_id"] = [f"uuid:{uuid.uuid5(space, str(i))}" for i in range(rows)]
    start = pd.Timestamp("2023-03-01T09:00Z")
    times = list(start + pd.to_timedelta(np.arange(rows) * 31, unit="s"))
    big = ex.submissions_from_answers(method, frame, submitted_at=times)
    part = path.with_suffix(".part" + path.suffix)
    if path.suffix == ".xlsx":
        ex.write_kobo_xlsx(big, method, part)
    else:
        ex.write_csv(part, ex.kobo_csv_text(big, method))
    part.rename(path)
    return path


def setup_django(home: Path) -> None:
    os.environ["DB"] = "sqlite"
    from django.core.management import call_command

    from solidata.web import runtime

    runtime.configure(home)
    call_command("migrate", interactive=False, verbosity=0)
    from solidata.web.registry.services import reference_load

    reference_load()


def import_once(path: Path, slug: str) -> tuple[float, Any]:
    """Import ``path`` into a new, empty survey; returns (seconds, summary)."""
    from django.db import connection

    from solidata.web.imports.services import file_import
    from solidata.web.surveys.models import Survey
    from solidata.web.surveys.services import method_version_ensure_bundled

    survey = Survey.objects.create(
        slug=slug, title=slug, country_id="MN", method=method_version_ensure_bundled()
    )
    from solidata.web.surveys.selectors import method_of

    method_of(survey.method)  # parsing the method workbook is not part of an import
    start = time.perf_counter()
    summary = file_import(survey=survey, path=path, limits=_no_limit())
    seconds = time.perf_counter() - start
    connection.close()
    return seconds, summary


def _no_limit():  # type: ignore[no-untyped-def]
    from solidata.core.ingest import Limits

    return Limits(max_bytes=1 << 40, max_unpacked=1 << 40)


def database_mb(home: Path) -> float:
    return sum(p.stat().st_size for p in home.glob("solidata.sqlite3*")) / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


BASELINE = """
import sys, time
import pandas as pd
path = sys.argv[1]
start = time.perf_counter()
if path.endswith(".xlsx"):
    frame = pd.read_excel(path, engine="calamine")
else:
    frame = pd.read_csv(path, sep=";")
print(time.perf_counter() - start, len(frame))
"""


def baseline(path: Path) -> tuple[float, int]:
    """Seconds for a plain pandas read of ``path``, and its rows (in a child process, so that the
    memory it takes is not counted as the import's)."""
    done = subprocess.run(
        [sys.executable, "-c", BASELINE, str(path)], capture_output=True, text=True, check=True
    )
    seconds, rows = done.stdout.split()
    return float(seconds), int(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx-rows", type=int, default=50_000)
    parser.add_argument("--csv-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "solidata-bench")
    args = parser.parse_args()
    args.keep.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="solidata-bench-home-"))
    try:
        setup_django(home)
        targets = {".xlsx": 2.0, ".csv": 4.0}
        n = 0
        for suffix, rows in ((".xlsx", args.xlsx_rows), (".csv", args.csv_rows)):
            if rows <= 0:
                continue
            path = export(args.keep / f"kobo-{rows}{suffix}", rows)
            size = path.stat().st_size / 1e6
            plain = min(baseline(path)[0] for _ in range(args.repeat))
            times = []
            for _ in range(args.repeat):
                n += 1
                seconds, summary = import_once(path, f"bench-{n}")
                assert summary.created == rows, summary
                times.append((seconds, summary))
            took, summary = min(times, key=lambda t: t[0])
            ratio = took / plain
            verdict = "meets" if ratio < targets[suffix] else "misses"
            parts = ", ".join(f"{k} {v:.1f} s" for k, v in summary.seconds.items())
            print(
                f"Kobo {suffix[1:].upper()} export, {rows:,} rows, {size:,.0f} MB: "
                f"pandas read {plain:.1f} s; import with scoring {took:.1f} s "
                f"({rows / took:,.0f} rows/s) = {ratio:.2f}x the plain read "
                f"({verdict} the target of {targets[suffix]:.0f}x). Import: {parts}; "
                f"database {database_mb(home):,.0f} MB; peak memory of the import process "
                f"{peak_mb():,.0f} MB."
            )
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
