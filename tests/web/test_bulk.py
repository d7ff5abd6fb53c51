"""Bulk writes store what Django would, on SQLite and on PostgreSQL (CI runs this file on both):
rows inserted and updated with their JSON, times and NULLs as the ORM reads them back, constraint
errors as Django's own; PostgreSQL by COPY, not a statement per row; on SQLite, times as its
backend writes them, and JSON checks skipped only for tables whose only checks they are, and only
while the rows are written."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from solidata.web.imports.models import ImportRun, SubmissionChange, SubmissionFingerprint
from solidata.web.surveys import bulk
from solidata.web.surveys.models import Submission, SubmissionScore, Survey

pytestmark = pytest.mark.django_db


def test_a_column_of_times_is_written_as_each_time_alone_would_be() -> None:
    times = pd.Series(
        pd.to_datetime(
            [
                "2023-03-01T09:00:00Z",
                "2023-03-01T09:00:00.123456+08:00",
                None,
                "1999-12-31T23:59:59.5-05:00",
            ],
            utc=True,
            format="ISO8601",
        )
    )
    default = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    adapt = connection.ops.adapt_datetimefield_value
    for column in (times, times.dt.tz_convert("Asia/Ulaanbaatar")):
        expected = [adapt(default) if pd.isna(t) else adapt(t.to_pydatetime()) for t in column]
        assert bulk.db_datetimes(column, default) == expected


def test_only_tables_whose_checks_are_all_json_checks_skip_them() -> None:
    tables = (Submission, SubmissionScore, SubmissionFingerprint, SubmissionChange)
    assert all(bulk._only_json_checks(model) for model in tables)
    assert not bulk._only_json_checks(ImportRun)  # its counts must not be negative
    assert not bulk._only_json_checks(Survey)  # its period must be in order


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the JSON_VALID check is SQLite's")
def test_the_json_check_is_back_once_the_rows_are_written(demo_db: None) -> None:
    survey = Survey.objects.first()
    assert survey is not None
    fields = ["survey", "instance_id", "answers", "source", "submitted_at", "review_status"]
    fields += ["reviewer_note", "created_at", "updated_at"]
    now = bulk.db_datetime(dt.datetime.now(dt.UTC))
    row = (survey.pk, "uuid:bulk", '{"a":"1"}', "csv", now, "pending", "", now, now)
    assert bulk.insert_rows(Submission, fields, [row]) == 1
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA ignore_check_constraints")
        assert cursor.fetchone()[0] == 0
    sql = "UPDATE surveys_submission SET answers = %s WHERE instance_id = %s"
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, ["{not json", "uuid:bulk"])  # other statements are checked


FIELDS = ["survey", "instance_id", "answers", "source", "submitted_at", "review_status"]
FIELDS += ["reviewer_note", "created_at", "updated_at", "organisation"]
# What a COPY in text format must escape, and what a careless one would read as NULL or a break.
AWKWARD = ["tab\there", "two\nlines", "back\\slash \\N", "\\N", "", "Өндөр Үнэ", "quote \" ' ,;"]


@pytest.fixture
def survey(open_survey: Survey) -> Survey:
    return open_survey


def submission_rows(survey: Survey, count: int, prefix: str = "uuid:bulk-") -> list[tuple]:  # type: ignore[type-arg]
    base = dt.datetime(2023, 3, 1, 9, 0, 0, 123456, tzinfo=dt.UTC)
    now = bulk.db_datetime(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    rows = []
    for i in range(count):
        text = AWKWARD[i % len(AWKWARD)]
        answers = json.dumps({"org_name": text, "n": i, "none": None}, ensure_ascii=False)
        when = bulk.db_datetime(base + dt.timedelta(days=i, seconds=i))
        rows.append(
            (survey.pk, f"{prefix}{i}", answers, "csv", when, "pending", text, now, now, None)
        )
    return rows


@pytest.mark.parametrize("per_statement", [500, 6])  # one statement; three full and a short one
def test_inserted_rows_read_back_as_the_orm_stores_them(
    survey: Survey, per_statement: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "ROWS_PER_INSERT", per_statement)
    rows = submission_rows(survey, 20)
    with transaction.atomic():
        assert bulk.insert_rows(Submission, FIELDS, iter(rows)) == 20
    stored = {
        s.instance_id: s for s in Submission.objects.filter(instance_id__startswith="uuid:bulk-")
    }
    assert len(stored) == 20
    base = dt.datetime(2023, 3, 1, 9, 0, 0, 123456, tzinfo=dt.UTC)
    for i in range(20):
        s = stored[f"uuid:bulk-{i}"]
        text = AWKWARD[i % len(AWKWARD)]
        assert s.answers == {"org_name": text, "n": i, "none": None}
        assert s.reviewer_note == text
        assert s.submitted_at == base + dt.timedelta(days=i, seconds=i)
        assert s.organisation_id is None and s.review_status == "pending"


def test_updated_rows_change_only_the_rows_named_and_only_their_fields(survey: Survey) -> None:
    rows = submission_rows(survey, 6)
    bulk.insert_rows(Submission, FIELDS, rows)
    pks = dict(Submission.objects.filter(survey=survey).values_list("instance_id", "pk"))
    later = bulk.db_datetime(dt.datetime(2025, 5, 5, 5, 5, 5, tzinfo=dt.UTC))
    changes = [
        (json.dumps({"org_name": "шинэ\tнэр"}, ensure_ascii=False), "approved", later, pks[k])
        for k in ("uuid:bulk-1", "uuid:bulk-4")
    ]
    fields = ["answers", "review_status", "updated_at"]
    with transaction.atomic():
        assert bulk.update_rows(Submission, "id", fields, changes) == 2
        assert bulk.update_rows(Submission, "id", fields, []) == 0
    after = {s.instance_id: s for s in Submission.objects.filter(survey=survey)}
    for i in range(6):
        s = after[f"uuid:bulk-{i}"]
        if i in (1, 4):
            assert s.answers == {"org_name": "шинэ\tнэр"} and s.review_status == "approved"
            assert s.updated_at == dt.datetime(2025, 5, 5, 5, 5, 5, tzinfo=dt.UTC)
        else:
            assert s.answers["n"] == i and s.review_status == "pending"
            assert s.updated_at == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
        assert s.reviewer_note == AWKWARD[i]  # a field not named stays


def test_a_row_breaking_a_constraint_raises_djangos_integrity_error_and_writes_nothing(
    survey: Survey,
) -> None:
    rows = submission_rows(survey, 3)
    duplicate = submission_rows(survey, 1)  # instance ids are unique within a survey
    with pytest.raises(IntegrityError), transaction.atomic():
        bulk.insert_rows(Submission, FIELDS, rows + duplicate)
    assert not Submission.objects.filter(survey=survey).exists()
    bulk.insert_rows(Submission, FIELDS, rows)  # the connection is usable after
    assert Submission.objects.filter(survey=survey).count() == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_on_postgresql_rows_go_by_copy_not_a_statement_per_row(survey: Survey) -> None:
    rows = submission_rows(survey, 50)
    with CaptureQueriesContext(connection) as queries:
        bulk.insert_rows(Submission, FIELDS, rows)
        pks = list(Submission.objects.filter(survey=survey).values_list("pk", flat=True))
        bulk.update_rows(Submission, "id", ["review_status"], [("approved", pk) for pk in pks])
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    assert "INSERT" not in statements
    assert statements.count("UPDATE") == 1  # one UPDATE ... FROM, not one per row
    assert Submission.objects.filter(survey=survey, review_status="approved").count() == 50
