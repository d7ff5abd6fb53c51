"""Names and words of the findings in the reader's language, and table cells as page text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from solidata.core.findings.dataset import CLASSIFIERS, NOT_STATED
from solidata.core.findings.tables import Cell, Column
from solidata.core.method import Method
from solidata.core.reference import name_in
from solidata.web.registry.models import AdminArea, EntityType, LegalForm, Sector

VARIABLES = {
    "admin_area": _("Aimag"),
    "entity_type": _("ILO entity type"),
    "legal_form": _("Legal form"),
    "sector": _("Sector"),
}
RESULTS = {
    "meets": _("meets"),
    "does_not_meet": _("does not meet"),
    "undetermined": _("undetermined"),
}
# The findings tables' words (core: TABLE_WORDS) in the reader's language, as pages word them.
TRANSLATED_TABLE_WORDS = {
    "total": _("Total"),
    "overall": _("All entities"),
    "entities": _("Entities"),
    "entities_by": _("Entities by {variable}"),
    "scored": _("With a score"),
    "mean": _("Mean"),
    "median": _("Median"),
    "p25": _("Lower quartile"),
    "p75": _("Upper quartile"),
    "share": _("Share: {label}"),
    "count": _("{label}"),
    "missing": _("Not enough answers"),
    "weighted_mean": _("Mean (weighted)"),
    "weighted_share": _("{label} (weighted share)"),
    "se": _("Standard error"),
    "ci_low": _("95% CI, low"),
    "ci_high": _("95% CI, high"),
    "df": _("Degrees of freedom"),
    "estimate_total": _("Estimated number in the population"),
    "measure": _("Dimension or indicator"),
    "unweighted": _(
        "Unweighted: the figures describe the entities that answered, not a population."
    ),
    "hidden": _(
        "x: hidden because fewer than {n} entities are in the group, or because a hidden number "
        "could be worked out from it."
    ),
    "answered_share": _("Shares are of all entities in the group."),
}


def words() -> dict[str, str]:
    return {k: str(v) for k, v in TRANSLATED_TABLE_WORDS.items()}


class Names:
    """Labels of codes in the current language: areas, types, levels, choices, measures."""

    def __init__(self, method: Method, lang: str) -> None:
        self.method = method
        self.lang = lang
        # The names as each model's ``name`` gives them (in the active language), read as plain
        # rows: every findings page builds these, and model instances cost more than the page.
        active = (get_language() or "en").split("-")[0]

        def named(model: Any) -> dict[str, str]:
            rows = model.objects.values_list("code", "names")
            return {code: name_in(names, active) for code, names in rows}

        sectors = named(Sector)
        self.codes: dict[str, dict[str, str]] = {
            "admin_area": named(AdminArea),
            "entity_type": named(EntityType),  # in the model's order (position)
            "legal_form": named(LegalForm),
            "sector": {code: f"{code} {name}" for code, name in sectors.items()},
        }
        self.order = {
            "admin_area": sorted(
                self.codes["admin_area"], key=lambda c: self.codes["admin_area"][c]
            ),
            "entity_type": list(self.codes["entity_type"]),
            "legal_form": sorted(self.codes["legal_form"]),
            "sector": sorted(self.codes["sector"]),
        }

    def __call__(self, variable: str, code: str) -> str:
        m = self.method
        if variable == "variable":
            return str(VARIABLES.get(code, _("All entities")))
        if variable in CLASSIFIERS:
            if code == NOT_STATED:
                return str(_("Not stated"))
            return self.codes[variable].get(code, code)
        if variable == "level":
            level = next((lv for lv in m.levels if lv.id == code), None)
            return m.text(level.labels, self.lang) if level else str(_("Not enough answers"))
        if variable == "measure":
            found = m.dimension(code) or m.indicator(code)
            # The label alone: codes are for rules (the workbench lists them), not for readers.
            return m.text(found.labels, self.lang) if found else code
        if variable == "result":
            return str(RESULTS.get(code, code))
        if variable == "question":
            question = m.question(code)
            return m.text(question.labels, self.lang) if question else code
        if variable.startswith("choice:"):
            question = m.question(variable.removeprefix("choice:"))
            if question is not None:
                for choice in m.choice_list(question):
                    if choice.name == code:
                        return m.text(choice.labels, self.lang) or code
        return code

    def measures(self) -> list[tuple[str, str, bool]]:
        """``(id, label, is_dimension)`` of every dimension, each followed by its indicators."""
        out = []
        for d in self.method.dimensions:
            out.append((d.id, self("measure", d.id), True))
            out += [(i.id, self("measure", i.id), False) for i in self.method.indicators_of(d.id)]
        return out


@dataclass(frozen=True)
class Shown:
    """A cell as the page shows it: text, and whether it is hidden."""

    text: str
    hidden: bool
    numeric: bool = True


def absent_word(country: str) -> str:
    """What a cell of a category that does not exist in the country says."""
    if country == "MN":
        return str(_("absent in Mongolia"))
    return str(_("absent in this country"))


def shown(cell: Cell, column: Column, absent: str = "") -> Shown:
    """The text of one cell in the current locale (hidden cells: x; absent categories: words)."""
    if cell.absent:
        return Shown(absent or str(_("absent in this country")), False, numeric=False)
    if cell.hidden:
        return Shown("x", True)
    value: Any = cell.value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Shown("–", False)
    # Django's number_format cuts digits off rather than rounding: round first.
    if column.kind == "share":
        return Shown(formats.number_format(round(100 * value), 0) + "%", False)
    if column.kind == "score":
        return Shown(formats.number_format(round(value, 1), 1), False)
    if column.kind == "total" and abs(value - round(value)) > 1e-9:
        rounded = round(value, 1)
        return Shown(formats.number_format(rounded, 1, use_l10n=True, force_grouping=True), False)
    return Shown(formats.number_format(round(value), 0, use_l10n=True, force_grouping=True), False)
