"""What a findings page was asked for: table cuts from the query string, and the save form."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from solidata.core.findings.crosstabs import Query
from solidata.core.findings.dataset import CLASSIFIERS, NOT_STATED

NOT_STATED_PARAM = "~"  # "not stated" in a URL (an empty value means "all")


def param_of(code: str) -> str:
    return NOT_STATED_PARAM if code == NOT_STATED else code


def query_from(params: Mapping[str, str], *, rows: str | None, columns: bool = True) -> Query:
    """Rows, columns and filters from the query string; unknown names are ignored and a filter on
    the row or column variable is dropped (the table shows every value of it)."""
    chosen_rows = params.get("rows", rows)
    chosen_rows = chosen_rows if chosen_rows in CLASSIFIERS else None
    chosen_columns = params.get("cols") if columns else None
    if chosen_columns not in CLASSIFIERS or chosen_columns == chosen_rows:
        chosen_columns = None
    filters = {
        v: NOT_STATED if params[v] == NOT_STATED_PARAM else str(params[v])
        for v in CLASSIFIERS
        if params.get(v) and v not in (chosen_rows, chosen_columns)
    }
    return Query(rows=chosen_rows, columns=chosen_columns, filters=filters)


class DefinitionSaveForm(forms.Form):
    """A candidate definition to write into a new version of the method."""

    identifier = forms.SlugField(
        label=_("Definition id"),
        max_length=100,
        help_text=_("Letters, digits and hyphens, e.g. mn-working-draft."),
    )
    rule = forms.CharField(
        label=_("Rule"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    label_en = forms.CharField(label=_("Name in English"), max_length=200)
    label_mn = forms.CharField(label=_("Name in Mongolian"), max_length=200, required=False)
    description_en = forms.CharField(
        label=_("Description in English"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description_mn = forms.CharField(
        label=_("Description in Mongolian"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    apply = forms.BooleanField(
        label=_("Use the new version for this survey (its submissions are scored again)"),
        required=False,
    )


class FrameImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("How the frame is used"),
        choices=[
            ("poststrata", _("population totals only (post-stratification)")),
            ("design", _("stratified sample drawn from this frame")),
        ],
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: one or more of <code>admin_area</code>, <code>entity_type</code>, "
            "<code>legal_form</code>, <code>sector</code>, and <code>population</code>."
        ),
    )
    description = forms.CharField(label=_("Description"), required=False, max_length=500)
    source = forms.CharField(label=_("Source"), required=False, max_length=255)
