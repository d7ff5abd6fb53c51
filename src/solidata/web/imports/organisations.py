"""Which organisation an imported submission speaks for.

A submission names its organisation through its answers: a registry id (question ``registry_id``),
or a name (``org_name``) and an administrative area (``aimag`` or ``admin_area``: an ISO 3166-2 code
such as ``MN-073``, or the area's name in any language). It is matched, within the survey's country,
by registry id first, then by normalised name and area (case, spacing, quotes and punctuation
ignored). An organisation that matches none is created and flagged ``needs_review`` so that a
researcher can merge or correct it; its legal form (``legal_form``) and soum (``soum``) are taken
from the answers when they are valid.

Example::

    >>> normal_name("  «Алтан  тал» ХОРШОО ")
    'алтан тал хоршоо'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from solidata.web.registry.models import AdminArea, EntityType, LegalForm, Organisation
from solidata.web.surveys.bulk import combination_codes
from solidata.web.surveys.models import Survey

REGISTRY_QUESTIONS = ("registry_id",)
NAME_QUESTIONS = ("org_name", "organisation_name")
AREA_QUESTIONS = ("aimag", "admin_area")
LEGAL_FORM_QUESTIONS = ("legal_form",)
LOCALITY_QUESTIONS = ("soum", "locality")
FALLBACK_ENTITY_TYPE = "other"

_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def normal_name(name: str) -> str:
    """A name as compared: NFKC, case folded, without punctuation or quotes, spaces collapsed."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _first(answers: Mapping[str, str], names: tuple[str, ...]) -> str:
    return next((answers[n].strip() for n in names if answers.get(n, "").strip()), "")


@dataclass(frozen=True)
class Key:
    registry_id: str
    name: str
    area: str


@dataclass
class OrganisationMatcher:
    """Matches answers to the organisations of a survey's country, creating those it lacks."""

    survey: Survey
    by_registry: dict[str, int] = field(default_factory=dict)
    by_name: dict[tuple[str, str], int] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)
    legal_forms: dict[str, str] = field(default_factory=dict)
    created: int = 0
    # Staged: new organisations are created marked as the import run's, invisible until the run
    # publishes (:mod:`solidata.web.imports.staging`), so its submissions name them from the start.
    staged_by: int | None = None
    # Deferred (a dry run): new organisations get a placeholder id (negative) and are never created.
    deferred: bool = False

    @classmethod
    def for_survey(
        cls, survey: Survey, *, staged_by: int | None = None, deferred: bool = False
    ) -> OrganisationMatcher:
        matcher = cls(survey, staged_by=staged_by, deferred=deferred)
        rows = Organisation.objects.filter(country_id=survey.country_id).values_list(
            "pk", "registry_id", "name", "admin_area_id"
        )
        for pk, registry_id, name, area in rows.order_by("pk"):
            if registry_id:
                matcher.by_registry.setdefault(registry_id, pk)
            matcher.by_name.setdefault((normal_name(name), area or ""), pk)
        for code, names in AdminArea.objects.filter(country_id=survey.country_id).values_list(
            "code", "names"
        ):
            matcher.areas[code.casefold()] = code
            for text in (names or {}).values():
                matcher.areas.setdefault(normal_name(text), code)
        matcher.legal_forms = dict(
            LegalForm.objects.filter(country_id=survey.country_id).values_list(
                "code", "entity_type_id"
            )
        )
        return matcher

    def key(self, answers: Mapping[str, str]) -> Key | None:
        registry_id = _first(answers, REGISTRY_QUESTIONS)[:100]
        name = _first(answers, NAME_QUESTIONS)
        if not registry_id and not name:
            return None
        area_text = _first(answers, AREA_QUESTIONS)
        area = self.areas.get(area_text.casefold()) or self.areas.get(normal_name(area_text), "")
        return Key(registry_id, name, area)

    def find(self, key: Key) -> int | None:
        if key.registry_id and key.registry_id in self.by_registry:
            return self.by_registry[key.registry_id]
        if key.name:
            return self.by_name.get((normal_name(key.name), key.area))
        return None

    def match(self, rows: Sequence[Mapping[str, str]]) -> list[int | None]:
        """The organisation of each row of answers, creating (flagged) those not found.

        Work is done once per distinct set of identifying answers.
        """
        fields = (*REGISTRY_QUESTIONS, *NAME_QUESTIONS, *AREA_QUESTIONS)
        keys: dict[tuple[str, ...], Key | None] = {}
        row_keys = []
        for answers in rows:
            raw = tuple(answers.get(f, "") for f in fields)
            if raw not in keys:
                keys[raw] = self.key(answers)
            row_keys.append((raw, answers))
        new: dict[tuple[str, ...], tuple[Key, Mapping[str, str]]] = {}
        for raw, answers in row_keys:
            key = keys[raw]
            if key is not None and self.find(key) is None:
                identity = (
                    (key.registry_id,) if key.registry_id else (normal_name(key.name), key.area)
                )
                new.setdefault(identity, (key, answers))
        self._create(list(new.values()))
        found = {raw: self.find(key) if key is not None else None for raw, key in keys.items()}
        return [found[raw] for raw, _ in row_keys]

    def match_table(self, answers: pd.DataFrame) -> list[int | None]:
        """:meth:`match` for a table of answers (a row per submission; its columns, the
        identifying questions it has), read a column at a time: rows repeat few organisations,
        so each distinct row is turned into a dict and matched once, through the first row that
        has it (as :meth:`match` creates an organisation from the first row of each)."""
        columns = list(answers.columns)
        if not columns or answers.empty:
            return [None] * len(answers)
        codes = combination_codes([answers[q] for q in columns])
        _, first = np.unique(codes, return_index=True)  # the first row of each, in order
        values = {q: answers[q].iloc[first].to_numpy(dtype=object) for q in columns}
        distinct = [
            {q: v for q in columns if isinstance(v := values[q][k], str)} for k in range(len(first))
        ]
        matched = self.match(distinct)
        return [matched[k] for k in codes.tolist()]

    def _create(self, new: Sequence[tuple[Key, Mapping[str, str]]]) -> None:
        if not new:
            return
        fallback = EntityType.objects.filter(pk=FALLBACK_ENTITY_TYPE).first() or (
            EntityType.objects.order_by("position").first()
        )
        objects = []
        for key, answers in new:
            form = _first(answers, LEGAL_FORM_QUESTIONS)
            entity_type = self.legal_forms.get(form) or (fallback.pk if fallback else None)
            if entity_type is None:
                continue  # no reference data loaded: the submission stays unmatched
            objects.append(
                Organisation(
                    name=(key.name or key.registry_id)[:255],
                    registry_id=key.registry_id,
                    country_id=self.survey.country_id,
                    admin_area_id=key.area or None,
                    legal_form_id=form if form in self.legal_forms else None,
                    entity_type_id=entity_type,
                    locality=_first(answers, LOCALITY_QUESTIONS)[:100],
                    needs_review=True,
                    is_synthetic=self.survey.is_synthetic,
                    staged_by=self.staged_by,
                )
            )
        if self.deferred:
            placeholders = range(-self.created - 1, -self.created - len(objects) - 1, -1)
            self._register(zip(objects, placeholders, strict=True))
        else:
            # SQLite (3.35+) and PostgreSQL both give back the new primary keys
            created = Organisation.objects.bulk_create(objects, batch_size=500)
            self._register((org, org.pk) for org in created)
        self.created += len(objects)

    def _register(self, organisations: Iterable[tuple[Organisation, int]]) -> None:
        for org, pk in organisations:
            if org.registry_id:
                self.by_registry[org.registry_id] = pk
            self.by_name.setdefault((normal_name(org.name), org.admin_area_id or ""), pk)
