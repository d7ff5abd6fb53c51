"""Writes for the findings: sampling frames, and definitions saved into new method versions."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from solidata.core.definitions import (
    NewDefinition,
    check_definition_id,
    check_rule,
    next_version,
    with_definition,
)
from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.stats.frames import PopulationFrame, read_frame_csv
from solidata.web.findings.models import FrameCount, SamplingFrame
from solidata.web.registry.models import AdminArea, EntityType, LegalForm, Sector
from solidata.web.surveys.models import MethodVersion, Survey
from solidata.web.surveys.selectors import method_of
from solidata.web.surveys.services import method_version_store, submissions_score

_MODELS: dict[str, type[AdminArea | EntityType | LegalForm | Sector]] = {
    "admin_area": AdminArea,
    "entity_type": EntityType,
    "legal_form": LegalForm,
    "sector": Sector,
}
# Invented population counts for the demo survey, by ILO entity type: clearly not real figures.
DEMO_FRAME = {
    "cooperative": 4400,
    "association": 900,
    "self_help_group": 1200,
    "other": 600,
    "social_enterprise": 300,
    "foundation": 150,
}


@transaction.atomic
def sampling_frame_store(
    *,
    survey: Survey,
    frame: PopulationFrame,
    kind: str,
    description: str = "",
    source: str = "",
    synthetic: bool = False,
) -> SamplingFrame:
    """Replace the survey's sampling frame with ``frame``; every code must be in the registry."""
    problems: list[Problem] = []
    known = {v: set(_MODELS[v].objects.values_list("pk", flat=True)) for v in frame.variables}
    for key in frame.counts:
        for variable, code in zip(frame.variables, key, strict=True):
            if code not in known[variable]:
                problems.append(
                    problem(
                        "stats.frame_value_invalid",
                        column=variable,
                        value=code,
                        reason="there is no such code in the registry",
                    )
                )
    if problems:
        raise SolidataError(problems)
    found, _ = SamplingFrame.objects.update_or_create(
        survey=survey,
        defaults={
            "kind": kind,
            "description": description,
            "source": source,
            "is_synthetic": synthetic,
        },
    )
    FrameCount.objects.filter(frame=found).delete()
    FrameCount.objects.bulk_create(
        FrameCount(
            frame=found,
            population=int(n),
            **{f"{v}_id": code for v, code in zip(frame.variables, key, strict=True)},
        )
        for key, n in frame.counts.items()
    )
    found.save()  # a new updated_at: the findings see the change
    return found


def sampling_frame_import(
    *, survey: Survey, data: bytes, kind: str, description: str = "", source: str = ""
) -> SamplingFrame:
    """Read a frame from CSV (``admin_area``/``entity_type``/``legal_form``/``sector`` columns
    and ``population``) and store it for ``survey``."""
    frame = read_frame_csv(data, file="frame.csv")
    return sampling_frame_store(
        survey=survey, frame=frame, kind=kind, description=description, source=source
    )


def sampling_frame_ensure_demo(*, survey: Survey) -> SamplingFrame:
    """The demo survey's synthetic frame (population totals by entity type), once."""
    existing = SamplingFrame.objects.filter(survey=survey).first()
    if existing is not None:
        return existing
    frame = PopulationFrame(("entity_type",), {(k,): float(n) for k, n in DEMO_FRAME.items()})
    return sampling_frame_store(
        survey=survey,
        frame=frame,
        kind=SamplingFrame.Kind.POSTSTRATA,
        description="Synthetic demo: invented population counts by ILO entity type.",
        source="invented for the demonstration; not a register",
        synthetic=True,
    )


@transaction.atomic
def definition_save(
    *,
    survey: Survey,
    identifier: str,
    rule: str,
    labels: Mapping[str, str],
    descriptions: Mapping[str, str],
    apply: bool = False,
) -> MethodVersion:
    """Write the definition into a new version of the survey's method and store it.

    With ``apply``, the survey moves to the new version and its submissions are scored again
    (the scores do not change: only the definitions sheet differs).
    """
    version = survey.method
    method = method_of(version)
    check_definition_id(identifier)
    check = check_rule(method, rule)
    if not check.ok:
        raise SolidataError([p for p in check.problems if p.severity == "error"])
    taken = set(MethodVersion.objects.filter(method_id=method.id).values_list("version", flat=True))
    new_version = next_version(method.version, taken)
    workbook = with_definition(
        bytes(version.workbook),
        NewDefinition(identifier, check.rule, dict(labels), dict(descriptions)),
        version=new_version,
    )
    stored = method_version_store(workbook=workbook)
    if apply:
        survey.method = stored
        survey.save(update_fields=["method"])
        submissions_score(survey=survey)  # under the survey's method: the one just stored
    return stored
