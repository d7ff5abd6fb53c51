"""Bulk writes store what Django would: times as its SQLite backend writes them, JSON checks
skipped only for tables whose only checks they are, and only while the rows are written."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from django.db import IntegrityError, connection, transaction

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
