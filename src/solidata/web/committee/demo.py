"""The demo's working definition: a synthetic first draft built from the method's
``ilo-2022-core`` definition, one clause per condition, so that the workspace is not empty."""

from __future__ import annotations

import re

from solidata.core.definitions import check_rule
from solidata.web.committee.models import Clause, WorkingDefinition
from solidata.web.committee.services import definition_create
from solidata.web.surveys.models import Survey
from solidata.web.surveys.selectors import method_of

DEMO_SOURCE = "ilo-2022-core"
KIND_WORDS = {
    "purpose": ("purpose", "зорилгыг"),
    "principle": ("principle", "зарчмыг"),
    "value": ("value", "үнэт зүйлийг"),
}
_SCORE = re.compile(r"score\('([^']+)'\)")


def committee_ensure_demo(*, survey: Survey) -> WorkingDefinition | None:
    """Create the synthetic demo working definition once (None when the method lacks the
    source definition)."""
    existing = WorkingDefinition.objects.filter(survey=survey, is_synthetic=True).first()
    if existing is not None:
        return existing
    method = method_of(survey.method)
    source = next((d for d in method.definitions if d.id == DEMO_SOURCE), None)
    if source is None:
        return None
    draft = definition_create(
        country_id=survey.country_id,
        survey=survey,
        title_en="Working definition of the social and solidarity economy (synthetic demo)",
        title_mn="Нийгмийн ба эв санааны эдийн засгийн ажлын тодорхойлолт (жишээ)",
        synthetic=True,
    )
    draft.text_en = (
        "For the purposes of this law, an entity of the social and solidarity economy is an "
        "entity that pursues the collective and/or general interest and keeps the principles "
        "below (ILO, 2022). Synthetic demonstration text."
    )
    draft.text_mn = (
        "Энэ хуулийн зорилгоор нийгмийн ба эв санааны эдийн засгийн байгууллага гэж хамтын "
        "болон/эсвэл нийтийн ашиг сонирхлыг эрхэмлэж, доорх зарчмуудыг баримталдаг байгууллагыг "
        "хэлнэ (ОУХБ, 2022). Жишээ бичвэр."
    )
    draft.save(update_fields=["text_en", "text_mn"])
    dimensions = {d.id: d for d in method.dimensions}
    for order, clause in enumerate(check_rule(method, source.rule).clauses, start=1):
        found = _SCORE.search(clause)
        d = dimensions.get(found.group(1)) if found else None
        if d is None:
            continue
        en, mn = KIND_WORDS.get(d.kind, ("dimension", "хэмжүүрийг"))
        Clause.objects.create(
            version=draft,
            order=order,
            rule=clause,
            keeps=d.id,
            text_en=f"The entity keeps the {en} “{d.labels.get('en', d.id)}”: its score is at "
            "least 50 of 100.",
            text_mn=f"Байгууллага «{d.labels.get('mn', d.id)}» {mn} баримталдаг: оноо нь "
            "100-аас 50-аас доошгүй.",
        )
    return draft.definition
