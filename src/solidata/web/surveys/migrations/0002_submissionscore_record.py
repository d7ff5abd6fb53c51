"""SubmissionScore.results (the scoring record once per language, texts included) becomes
SubmissionScore.record (compact, language-neutral: the texts come from the method version).

Existing scores are converted, not recomputed, so that they stay exactly what was scored; the
reverse migration renders the per-language records back. Self-contained on purpose: it reads the
method with the core reader only, not with the app's code of the day.
"""

import io
from typing import Any

from django.db import migrations, models

from solidata.core.method import read_method

RESULTS = ["meets", "does_not_meet", "undetermined"]  # as scoring.RESULTS is today
BATCH = 900  # below the 999 parameters of old SQLite builds


def _methods(apps: Any) -> Any:
    versions = apps.get_model("surveys", "MethodVersion")
    cache: dict[int, Any] = {}

    def method(pk: int) -> Any:
        if pk not in cache:
            workbook = versions.objects.filter(pk=pk).values_list("workbook", flat=True).first()
            try:
                cache[pk] = read_method(io.BytesIO(bytes(workbook))) if workbook else None
            except Exception:  # an unreadable workbook: its recommendations cannot be matched
                cache[pk] = None
        return cache[pk]

    return method


def _fired(method: Any, lang: str, recommendations: list[dict[str, Any]]) -> list[int]:
    """The positions of the method's recommendations that a record in ``lang`` lists, in order."""
    recs = method.recommendations if method is not None else ()
    fired, start = [], 0
    for rec in recommendations:
        for k in range(start, len(recs)):
            if recs[k].target == rec.get("target") and (
                method.text(recs[k].texts, lang) == rec.get("text")
            ):
                fired.append(k)
                start = k + 1
                break
    return fired


def _position(values: list[str], value: Any) -> Any:
    return values.index(value) if value in values else value


def _named(values: list[str], k: Any) -> Any:
    return values[k] if isinstance(k, int) and 0 <= k < len(values) else k


def _compact(results: dict[str, Any], method: Any) -> dict[str, Any]:
    if not results or method is None:
        return {}
    lang, rec = next(iter(results.items()))
    levels = [lv.id for lv in method.levels]
    dims, inds, defs = (rec.get(k, {}) for k in ("dimensions", "indicators", "definitions"))
    return {
        "dimensions": [
            [v.get("score"), _position(levels, v.get("level")), v.get("coverage")]
            for v in (dims.get(d.id, {}) for d in method.dimensions)
        ],
        "indicators": [
            [v.get("score"), _position(levels, v.get("level"))]
            for v in (inds.get(i.id, {}) for i in method.indicators)
        ],
        "definitions": [
            [
                _position(RESULTS, v.get("result", "undetermined")),
                [_position(RESULTS, c.get("result")) for c in v.get("clauses", [])],
            ]
            for v in (defs.get(d.id, {}) for d in method.definitions)
        ],
        "recommendations": _fired(method, lang, rec.get("recommendations", [])),
    }


def _rendered(record: dict[str, Any], method: Any, instance_id: str) -> dict[str, Any]:
    if not record or method is None:
        return {}
    levels = [lv.id for lv in method.levels]
    recs = method.recommendations
    out = {}
    for lang in method.languages or ("en",):
        dims = zip(method.dimensions, record.get("dimensions", []), strict=False)
        inds = zip(method.indicators, record.get("indicators", []), strict=False)
        defs = zip(method.definitions, record.get("definitions", []), strict=False)
        out[lang] = {
            "instance_id": instance_id,
            "method": {"id": method.id, "version": method.version},
            "dimensions": {
                d.id: {"score": s, "level": _named(levels, lv), "coverage": c}
                for d, (s, lv, c) in dims
            },
            "indicators": {
                i.id: {"score": s, "level": _named(levels, lv)} for i, (s, lv) in inds
            },
            "definitions": {
                d.id: {
                    "result": _named(RESULTS, r),
                    "clauses": [
                        {"text": t, "result": _named(RESULTS, c)}
                        for t, c in zip(d.clauses, clauses, strict=False)
                    ],
                }
                for d, (r, clauses) in defs
            },
            "recommendations": [
                {"target": recs[k].target, "text": method.text(recs[k].texts, lang)}
                for k in record.get("recommendations", [])
                if k < len(recs)
            ],
        }
    return out


def _convert(apps: Any, forward: bool) -> None:
    scores = apps.get_model("surveys", "SubmissionScore")
    method = _methods(apps)
    field = "record" if forward else "results"
    # by slices of primary keys, not an open cursor: SQLite does not isolate a query from
    # the writes made while it is read
    pks = list(scores.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        batch = list(
            scores.objects.select_related("submission").filter(pk__in=pks[start : start + BATCH])
        )
        for score in batch:
            if forward:
                score.record = _compact(score.results, method(score.method_id))
            else:
                score.results = _rendered(
                    score.record, method(score.method_id), score.submission.instance_id
                )
        scores.objects.bulk_update(batch, [field])


def forwards(apps: Any, schema_editor: Any) -> None:
    _convert(apps, forward=True)


def backwards(apps: Any, schema_editor: Any) -> None:
    _convert(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="submissionscore",
            name="record",
            field=models.JSONField(default=dict, verbose_name="results"),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(
            model_name="submissionscore",
            name="results",
        ),
    ]
