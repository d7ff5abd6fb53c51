"""Benchmark: build a survey's findings table from the stored scores, against scoring again.

The findings read the scores stored with each submission (``SubmissionScore.record``) and never
score the answers again (issue 14, item 1). This measures the build of a survey's table -- what a
findings page does first when the survey's data changed -- both ways, in a fresh SQLite data
directory: the demo survey (156 synthetic organisations) and a larger synthetic survey (the
demo's answers repeated with new instance ids, approved, scored through ``submissions_score``).

* ``stored``: the site's build (``solidata.web.findings.selectors``): one query for the answers,
  the organisations and the stored records (as text), the scores decoded with Arrow.
* ``scored again``: the build before the change: one query for the answers and the
  organisations, the answers scored with ``solidata.core.scoring.score``.

Both then code the answers for definition rules (the part they share). The baseline, measured in
the same run, is the decoding of the stored scores against the scoring alone, without the query.

    uv run python bench/findings.py [--rows 20000] [--repeat 3]

Every timing is the best of --repeat runs (other processes on the machine can only add time).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def setup_django(home: Path) -> None:
    os.environ["DB"] = "sqlite"
    from django.core.management import call_command

    from solidata.web import runtime

    runtime.configure(home)
    call_command("migrate", interactive=False, verbosity=0)


def best(step: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return min(times)


def large_survey(rows: int) -> Any:
    """A survey of ``rows`` approved submissions (the demo's answers, repeated), scored."""
    from django.utils import timezone

    from solidata.web.demo_data import DEMO_SURVEY
    from solidata.web.surveys.models import Submission, Survey
    from solidata.web.surveys.services import submissions_score, survey_ensure_demo

    demo = Survey.objects.get(slug=DEMO_SURVEY)
    now = timezone.now()
    survey = survey_ensure_demo(slug=f"bench-{rows}", method=demo.method)
    template = list(demo.submissions.order_by("pk").values_list("organisation_id", "answers"))
    Submission.objects.bulk_create(
        [
            Submission(
                survey=survey,
                instance_id=f"bench-{k}",
                organisation_id=template[k % len(template)][0],
                answers=template[k % len(template)][1],
                source=Submission.Source.DEMO,
                submitted_at=now,
                review_status=Submission.Review.APPROVED,
            )
            for k in range(rows)
        ],
        batch_size=2000,
    )
    started = time.perf_counter()
    submissions_score(survey=survey)
    print(f"scored and stored {rows:,} submissions in {time.perf_counter() - started:.1f} s")
    return survey


def scored_again(survey: Any) -> Any:
    """The survey's table as it was built before: the stored answers scored again."""
    import pandas as pd

    from solidata.core.findings.dataset import CLASSIFIERS, survey_data
    from solidata.core.scoring import INSTANCE_ID
    from solidata.web.findings.selectors import _FIELDS, counted_submissions
    from solidata.web.surveys.selectors import method_of

    method = method_of(survey.method)
    rows = list(
        counted_submissions(survey)
        .order_by("pk")
        .values_list(
            "instance_id",
            "answers",
            "organisation__name",
            *(f"organisation__{field}" for field in _FIELDS.values()),
        )
    )
    answers = pd.DataFrame(
        [{INSTANCE_ID: r[0], **(r[1] or {})} for r in rows],
        columns=[INSTANCE_ID, *method.answer_columns()],
        dtype="string",
    )
    groups = pd.DataFrame([r[3:] for r in rows], columns=list(CLASSIFIERS), dtype=object).assign(
        **{INSTANCE_ID: [r[0] for r in rows]}
    )
    return survey_data(method, answers, groups, labels={r[0]: r[2] or r[0] for r in rows})


def measure(survey: Any, repeat: int) -> None:
    from solidata.core.scoring import score
    from solidata.web.findings.selectors import _build, signature
    from solidata.web.surveys.score_records import score_table_of
    from solidata.web.surveys.selectors import method_of
    from solidata.web.surveys.services import answers_frame

    method = method_of(survey.method)
    current = signature(survey)
    stored = best(lambda: _build(survey, current), repeat)
    again = best(lambda: scored_again(survey), repeat)
    records = list(survey.submissions.order_by("pk").values_list("instance_id", "answers"))
    answers = answers_frame(method, records)
    texts = [
        json.dumps(record, separators=(",", ":"))
        for record in survey.submissions.order_by("pk").values_list("scores__record", flat=True)
    ]
    decode = best(lambda: score_table_of(method, texts, answers["instance_id"]), repeat)
    scoring = best(lambda: score(method, answers), repeat)
    n = len(records)
    print(f"{survey.slug:>14} {n:>8,} {stored:>9.3f} {again:>14.3f} {decode:>9.3f} {scoring:>9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="solidata-bench-findings-"))
    try:
        setup_django(home)
        from solidata.web.demo_data import DEMO_SURVEY, demo_load
        from solidata.web.surveys.models import Survey

        demo_load()
        surveys = [Survey.objects.get(slug=DEMO_SURVEY)]
        if args.rows > 0:
            surveys.append(large_survey(args.rows))
        print(f"seconds, best of {args.repeat}")
        heads = ("survey", "rows", "stored", "scored again", "decode", "score")
        print("{:>14} {:>8} {:>9} {:>14} {:>9} {:>9}".format(*heads))
        for survey in surveys:
            measure(survey, args.repeat)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
