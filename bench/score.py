"""Benchmark: score a million synthetic submissions and compare with just reading the CSV.

Targets (issue 3): reading and scoring 1,000,000 submissions of a ~60-question method takes under
10 s on 2 cores, and under 5x the time `pandas.read_csv` takes to read the same file.

Uses the bundled method (src/solidata/core/data/methods/ilo-2022.xlsx) when present, otherwise a
generated method of 60 questions that uses every rule kind.

    uv run python bench/score.py [--rows N] [--method PATH] [--keep DIR] [--repeat N]

Each step is timed --repeat times (default 2) and the fastest run is kept, since other processes on
the machine can only add time.
"""

from __future__ import annotations

import argparse
import math
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd
import xlsxwriter

from solidata.core.ingest import answers_for_scoring
from solidata.core.method import Method, bundled_method_path, read_method
from solidata.core.scoring import ScoreTable, score

T = TypeVar("T")


def build_test_method(directory: Path) -> Path:
    """A representative method: 24 select_one, 12 select_multiple, 18 integer, 6 text questions."""
    survey = [["type", "name", "label::English (en)", "label::Mongolian (mn)", "relevant"]]
    choices = [["list_name", "name", "label::English (en)", "label::Mongolian (mn)", "score"]]
    for name, score_ in [("yes", 1), ("partly", 0.5), ("no", 0), ("dk", None)]:
        choices.append(["ynp", name, name, name, score_])
    for name in "abcde":
        choices.append(["many", name, name, name, 0.3])
    scoring = [["indicator", "question", "rule", "value", "weight"]]
    indicators = [["id", "dimension", "label::English (en)", "label::Mongolian (mn)", "weight"]]
    dims = ["PUR", "P1", "P2", "P3", "P4", "V1", "V2", "V3", "V4", "V5", "V6", "AS"]
    rules = ["linear 0 100", "linear 100 0", "at_least 50", "at_most 30", "bands 10 50 90"]
    for k in range(60):
        dim = dims[k % len(dims)]
        ind = f"{dim}_{k // len(dims)}"
        row: list[object] | None
        if k < 24:
            survey.append(["select_one ynp", f"s{k}", f"S{k}", f"S{k}", None])
            row = [ind, f"s{k}", "choice", None, 1]
        elif k < 36:
            survey.append(["select_multiple many", f"m{k}", f"M{k}", f"M{k}", None])
            row = [ind, f"m{k}", "choice", None, 1]
        elif k < 54:
            relevant = f"${{s{k - 36}}} = 'yes'" if k % 3 == 0 else None
            survey.append(["integer", f"n{k}", f"N{k}", f"N{k}", relevant])
            if k % 4 == 0:
                row = [ind, None, "linear 0 2", f"${{n{k}}} div (${{n{k + 1}}} + 1)", 1]
            else:
                row = [ind, f"n{k}", rules[k % len(rules)], None, 1]
        else:
            survey.append(["text", f"t{k}", f"T{k}", f"T{k}", None])
            row = None
        if row is not None:
            scoring.append(row)
            if [ind, dim] not in [r[:2] for r in indicators]:
                indicators.append([ind, dim, ind, ind, 1])
    sheets = {
        "survey": survey,
        "choices": choices,
        "settings": [["form_id", "version", "default_language"], ["bench", "1", "English (en)"]],
        "dimensions": [["id", "kind", "label::English (en)", "label::Mongolian (mn)"]]
        + [[d, "principle", d, d] for d in dims],
        "indicators": indicators,
        "scoring": scoring,
        "levels": [["min", "id", "label::English (en)", "label::Mongolian (mn)"]]
        + [[m, i, i, i] for m, i in [(0, "emerging"), (40, "developing"), (60, "established")]],
        "definitions": [["id", "label::English (en)", "label::Mongolian (mn)", "rule"]]
        + [["core", "Core", "Core", "score('P1') >= 50 and score('P2') >= 50 and ${n40} > 3"]],
        "recommendations": [["target", "below", "text::English (en)", "text::Mongolian (mn)"]]
        + [[d, 50, f"Improve {d}", f"Improve {d}"] for d in dims],
    }
    path = directory / "bench-method.xlsx"
    book = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is not None:
                    sheet.write(r, c, cell)
    book.close()
    return path


def synthetic_answers(method: Method, rows: int, seed: int = 1) -> pd.DataFrame:
    """Random but plausible answers: choices from each list, numbers 0-120, ~8% left blank."""
    rng = np.random.default_rng(seed)
    columns: dict[str, np.ndarray] = {
        "instance_id": np.char.add("uuid:", np.arange(rows).astype(str)).astype(object)
    }
    for q in method.questions:
        if not q.is_answer:
            continue
        names = [c.name for c in method.choice_list(q)] or ["x"]
        if q.type == "select_one":
            pool = np.array([*names, ""], dtype=object)
        elif q.type == "select_multiple":
            combos = {
                " ".join(sorted(rng.choice(names, size=rng.integers(1, 4)))) for _ in range(40)
            }
            pool = np.array([*sorted(combos), ""], dtype=object)
        elif q.is_numeric:
            pool = np.array([*(str(v) for v in range(0, 121)), ""], dtype=object)
        else:
            pool = np.array(["some words", "other words", "x", ""], dtype=object)
        weights = np.full(len(pool), 0.92 / (len(pool) - 1))
        weights[-1] = 0.08
        columns[q.name] = pool[rng.choice(len(pool), size=rows, p=weights)]
    return pd.DataFrame(columns)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv

        options = pacsv.WriteOptions(quoting_style="needed")
        pacsv.write_csv(pa.Table.from_pandas(frame, preserve_index=False), str(path), options)
    except ImportError:  # pragma: no cover - pandas is slower but always there
        frame.to_csv(path, index=False)


@dataclass
class Timing:
    """Wall-clock seconds of the first and the fastest run, and CPU seconds of the fastest."""

    first: float = math.inf
    best: float = math.inf
    cpu: float = math.inf


def timed(repeat: int, work: Callable[[], T]) -> tuple[Timing, T]:
    """Time ``repeat`` runs of ``work``; returns the timing and the last result. Other processes on
    the machine only ever add time, and the first run also pays for the process's fresh memory."""
    timing = Timing()
    for run in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        timing.first = wall if run == 0 else timing.first
        if wall < timing.best:
            timing.best, timing.cpu = wall, cpu
    return timing, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--method", type=Path, default=None, help="Default: the bundled method.")
    parser.add_argument(
        "--generated", action="store_true", help="Use the generated 60-question test method."
    )
    parser.add_argument("--keep", type=Path, default=None, help="Keep the CSV in this folder.")
    parser.add_argument(
        "--repeat", type=int, default=2, help="Time each step N times, keep the best."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        directory = args.keep or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        method_path = None if args.generated else args.method or bundled_method_path()
        method_path = method_path or build_test_method(directory)
        method = read_method(method_path)
        print(
            f"method: {method_path} ({method.id} {method.version}, "
            f"{len(method.questions)} questions)"
        )
        started = time.perf_counter()
        csv_path = directory / "answers.csv"
        write_csv(synthetic_answers(method, args.rows), csv_path)
        size = csv_path.stat().st_size / 1e6
        print(
            f"generated {args.rows:,} rows, {size:.0f} MB in {time.perf_counter() - started:.1f} s"
        )

        read, _ = timed(args.repeat, lambda: pd.read_csv(csv_path))
        steps: dict[str, float] = {}

        def read_and_score() -> ScoreTable:
            started = time.perf_counter()
            answers, _ = answers_for_scoring(csv_path, method)  # as `solidata score` reads
            steps["read_answers"] = time.perf_counter() - started
            table = score(method, answers)
            steps["score"] = time.perf_counter() - started - steps["read_answers"]
            return table

        full, table = timed(args.repeat, read_and_score)
        print(f"{'':24} {'first':>8} {'best':>8} {'cpu (best)':>11}")
        for name, t in (("pandas.read_csv", read), ("read_answers + score", full)):
            print(f"{name:24} {t.first:7.2f}s {t.best:7.2f}s {t.cpu:10.2f}s")
        last = f"read_answers {steps['read_answers']:.2f} s, score {steps['score']:.2f} s"
        print(f"  last run: {last}")
        print(f"ratio, best wall times:   {full.best / read.best:5.2f} x   (target < 5 x)")
        print(f"ratio, first wall times:  {full.first / read.first:5.2f} x")
        print(f"read + score, best:       {full.best:5.2f} s   (target < 10 s on 2 idle cores)")
        print(f"machine load (1 min avg): {os.getloadavg()[0]:5.2f} on {os.cpu_count()} CPUs")
        print(f"dimension scores given:   {table.dimensions.notna().mean().mean():.0%} of cells")


if __name__ == "__main__":
    main()
